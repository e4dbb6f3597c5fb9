package intent

import (
	"strings"
	"sync"
)

// The support policy lists what its service does not cover (D-SOP-04,
// "Exclusiones y condiciones especiales"). A message that points at one is
// flagged to staff so the focal point can check it before promising a fix;
// it never changes the kind, the priority or the deadline, and the client
// is never told: the flag is a hint, the decision is a person's.

// Exclusion codes, as `supportbot classify` prints them.
const (
	ExclusionEquiposTerceros      = "equipos_terceros"       // softphones, GSM gateways, equipment not delivered with the solution
	ExclusionRedCliente           = "red_cliente"            // the client's own network
	ExclusionCambiosNoAutorizados = "cambios_no_autorizados" // changes or interventions by unauthorised people
	ExclusionSoftwareNoHomologado = "software_no_homologado"
	ExclusionVersionDiscontinuada = "version_discontinuada"
	ExclusionEntorno              = "entorno"            // power, temperature, air conditioning, humidity
	ExclusionBackupCliente        = "backup_cliente"     // losses from backups the client did not run
	ExclusionDesarrolloExterno    = "desarrollo_externo" // CRMs, reports, dashboards built by third parties
	ExclusionSoftwareLicenciado   = "software_licenciado"
	ExclusionVirtualizacion       = "virtualizacion" // the virtualisation host or its physical servers
)

// ExclusionCodes lists every code in the policy's order.
var ExclusionCodes = []string{
	ExclusionEquiposTerceros, ExclusionRedCliente, ExclusionCambiosNoAutorizados, ExclusionSoftwareNoHomologado,
	ExclusionVersionDiscontinuada, ExclusionEntorno, ExclusionBackupCliente, ExclusionDesarrolloExterno,
	ExclusionSoftwareLicenciado, ExclusionVirtualizacion,
}

// Exclusion is one possible exclusion found in a message.
type Exclusion struct {
	Code string // one of ExclusionCodes
	// Reason is the client's words that point at it ("gateway gsm"), so
	// staff see why without rereading the message.
	Reason string
}

// exclusionCues are the patterns, in the lexicon's pattern language, that
// point at each exclusion. They name the thing out of scope, not a symptom:
// "no hay red" is an incident; "el firewall de ustedes, digo, nuestro" is
// the client's network.
var exclusionCues = []struct {
	code string
	pats []string
}{
	{ExclusionEquiposTerceros, []string{
		"gateway|gateways|gw|compuerta gsm|celular|celulares", "gsm gateway|gateways", "gsm",
		"zoiper|microsip|linphone|eyebeam|bria|xlite|3cx", "x lite",
		"softphone|softphones|telefono|telefonos|equipos|gateway|gateways|hardware|headset|headsets|vincha|vinchas|diadema|diademas ~3 de+terceros|de+otro+proveedor|de+otra+marca|que+compramos|que+compramos+nosotros|que+conseguimos|propios|no+provisto|no+provistos|generico|genericos",
		"softphone|telefono|equipo|gateway de|del otro|otra proveedor|marca|empresa",
		"third+party|3rd+party|non+vendor|own softphone|softphones|phone|phones|device|devices|hardware|equipment|gateway|gateways|headset|headsets",
		"softphone|softphones|phone|phones|device|devices|gateway|gateways ~2 we+bought|not+from+you|not+supplied|not+provided|from+another+vendor",
		"our own softphone|softphones|phones|gateway|gateways|hardware|devices",
		"telefonos|telefono ip|sip de ~2 otra|otro|la+otra|el+otro",
	}},
	{ExclusionRedCliente, []string{
		"nuestra|nuestro|la+nuestra|la+red+de+nosotros red|lan|wifi|firewall|router|switch|switches|vpn|proxy|enlace|proveedor+de+internet|isp|dns",
		"red local|interna|corporativa|de+la+oficina|de+la+empresa|del+cliente|del+edificio|de+nuestro+lado|nuestra",
		"firewall|firewalls|fortinet|fortigate|mikrotik|sonicwall|palo+alto",
		"wi fi", "wifi", "router|routers|cableado|cable+de+red|puerto+del+switch|punto+de+red", "el|un|del|al|the|a switch|switches",
		"proveedor de internet|enlace|fibra", "ancho de banda", "perdida de paquetes", "latencia de nuestra|la+red",
		"our network|lan|wifi|firewall|router|routers|switch|switches|isp|vpn|internet|proxy|dns|link|bandwidth",
		"the network on our side|end", "network on our side|end", "on our side ~2 network|firewall|router|switch",
		"local network", "office network|wifi|internet", "packet loss", "bandwidth",
	}},
	{ExclusionCambiosNoAutorizados, []string{
		"no autorizado|autorizada|autorizados|autorizadas|autorizo", "sin autorizacion|autorizar|permiso",
		"nuestro|nuestra|nuestros|un|una|otro|otra tecnico|tecnicos|area+de+sistemas|gente+de+sistemas|sistemas|it|informatico|informatica|proveedor|pasante|becario|consultor|consultora|chico+de+sistemas ~4 cambio|cambiaron|toco|tocaron|modifico|modificaron|movio|movieron|reinstalo|reinstalaron|reinicio|actualizo|actualizaron|instalo|instalaron|borro|borraron|metio|metieron|mano|manoseo|intervino|reconfiguro",
		"chico|chica|gente|pibe|area|encargado|encargada|jefe de sistemas|it|informatica|infraestructura ~3 toco|tocaron|cambio|cambiaron|modifico|modificaron|metio|metieron|reinstalo|reinstalaron|actualizo|actualizaron|instalo|instalaron|borro|borraron|reconfiguro",
		"alguien|alguno ~3 toco|modifico|borro|metio+mano",
		"tocaron|metieron+mano|metio+mano ~4 configuracion|config|servidor|central|ivr|dialplan|troncal|troncales|asterisk|base|plataforma|codigo|scripts",
		"metimos|meti|metieron|metio mano", "tocamos|toque|modificamos|cambiamos ~4 configuracion|config|servidor|central|ivr|dialplan|troncal|troncales|asterisk|codigo|archivos",
		"unauthori*", "without authori*|permission|asking|telling", "not authori*",
		"our it|sysadmin|admin|contractor|intern|technician|tech ~4 changed|modified|touched|updated|reinstalled|edited|moved|messed|tweaked|deleted",
		"someone|somebody|one+of+our+guys ~3 changed|touched|modified|edited|messed|tweaked|deleted",
		"we changed|modified|touched|edited|tweaked ~4 config|configuration|server|dialplan|trunk|trunks|ivr|settings",
	}},
	{ExclusionSoftwareNoHomologado, []string{
		"no homologado|homologada|homologados|homologadas|certificado|certificada|soportado|soportada|compatible",
		"sin homologar|certificar", "homolog*",
		"antivirus|kaspersky|mcafee|avast|eset|crowdstrike|sentinelone",
		"navegador|browser|sistema+operativo|windows|linux ~3 no+soportado|no+compatible|no+homologado|no+certificado|que+no+esta+en+la+lista",
		"instalamos|instalaron|instale|instalo|pusimos|bajamos ~3 programa|programas|software|aplicacion|app|extension|plugin|complemento|driver|parche|herramienta ~3 que+no|propio|por+nuestra+cuenta|de+afuera|externo|por+fuera|otro",
		"unsupported|uncertified|unapproved|non+certified|non+approved|not+approved|not+certified software|browser|browsers|antivirus|plugin|plugins|extension|extensions|os|program|tool|driver",
		"we installed|put|added ~3 software|program|plugin|extension|tool|driver|antivirus",
	}},
	{ExclusionVersionDiscontinuada, []string{
		"version|versiones|release ~2 vieja|viejas|viejita|antigua|antiguas|discontinuada|discontinuadas|descontinuada|obsoleta|obsoletas|sin+soporte|legacy|anterior+a|de+hace|que+ya+no",
		"discontinuada|discontinuadas|descontinuada|descontinuadas|discontinuado|discontinuados",
		"seguimos|todavia|aun ~3 la? version|versiones|release",
		"nunca actualizamos|migramos", "no actualizamos|migramos ~3 nunca|desde|hace",
		"discontinued|deprecated|obsolete|legacy|unsupported|outdated|old ~1 version|versions|release|releases",
		"version|release ~3 discontinued|deprecated|obsolete|no+longer+supported|end+of+life",
		"end of life", "eol", "still on|running|using ~3 version|release",
		"we never upgraded|updated|migrated", "never upgraded|updated|migrated",
	}},
	{ExclusionEntorno, []string{
		"corte|cortes|caida|falla|baja de? luz|energia|electricidad|tension|suministro+electrico",
		"se corto|cortaron|fue|cayo|cae|corta la luz|energia|electricidad", "sin luz|energia|electricidad",
		"apagon|apagones", "la|el|una|nuestra|our|the ups", "ups ~2 bateria|baterias|se+apago|fallo|no+anda|battery|failed", "grupo electrogeno", "generador|generadores", "baja|bajas|pico|picos de tension",
		"aire acondicionado", "aire ~2 no+anda|no+funciona|se+rompio|se+apago|roto|apagado",
		"temperatura|temperaturas", "mucho|demasiado|hace|hacia|hizo|este|el|tanto calor", "calor en|de la? sala|rack|oficina|datacenter|data+center", "sobrecalent*|recalent*", "humedad", "gotera|goteras|inundacion|inundo|agua ~3 sala|rack|servidor|servidores",
		"sala de servidores|equipos ~4 calor|temperatura|humedad|agua|luz|energia",
		"power outage|cut|failure|loss|surge|supply|went+out", "blackout|brownout", "lost power", "no power",
		"air conditioning|conditioner", "ac unit|units|broke|failed|is+down", "hvac", "overheat*", "humidity|humid", "temperature", "too hot", "flood|flooded|leak|leaking",
	}},
	{ExclusionBackupCliente, []string{
		"backup|backups|back+up|respaldo|respaldos|copia+de+seguridad|copias+de+seguridad ~4 no+hicimos|no+hacemos|no+teniamos|no+tenemos|no+hay|no+habia|no+corrimos|no+corria|no+se+hizo|no+se+hicieron|no+se+hacia|nunca|no+estaba|no+estaban|no+funcionaba|fallaba|desactualizado|viejo|de+hace",
		"no hicimos|hacemos|teniamos|tenemos|hay|habia|corrimos|corria|se+hizo|se+hicieron|se+hacian|se+hacia|guardamos|sacamos ~2 backup|backups|back+up|respaldo|respaldos|copia|copias",
		"nunca hicimos|sacamos|tuvimos|corrimos ~2 backup|backups|respaldo|respaldos|copia|copias",
		"sin backup|backups|respaldo|respaldos|copia+de+seguridad",
		"no backup|backups", "without backup|backups|a+backup|any+backup",
		"didnt|did+not|never|werent|wasnt|havent|hadnt ~3 backup|backups|back+up|backed",
		"backup|backups ~3 wasnt|werent|was+not|were+not|never|not+run|failed|missing|outdated|old",
	}},
	{ExclusionDesarrolloExterno, []string{
		"crm|reporte|reportes|tablero|tableros|dashboard|dashboards|proceso|procesos|integracion|integraciones|script|scripts|desarrollo|web+service|webservice|api|formulario|modulo|monitor|app|aplicacion|panel ~5 que? hizo|hicieron|armo|armaron|desarrollo|desarrollaron|programo|programaron|modifico|modificaron|construyo|hace ~3 otro|otra|un|una|nuestro|nuestra|nuestros|el|la? proveedor|empresa|consultora|tercero|terceros|externo|externa|freelance|freelancer|programador|programadora|desarrollador|desarrolladora|sistemas|it|area|equipo",
		"desarrollado|desarrollada|desarrollados|hecho|hecha|hechos|armado|armada|armados|programado|programada|modificado|modificada|construido por ~3 terceros|tercero|externo|externa|otra|otro|un|una|nuestro|nuestra|nosotros|freelance|consultor|consultora|proveedor",
		"de terceros|tercero crm|reporte|reportes|tablero|dashboard|integracion|desarrollo", "crm|reporte|reportes|tablero|tableros|dashboard|integracion|desarrollo|script|modulo ~2 de+terceros|externo|externa",
		"lo|la|los|las hizo|hicieron|armo|armaron|desarrollo|desarrollaron|programo|programaron ~3 otro|otra|un|una|nuestro|nuestra proveedor|empresa|consultora|programador|freelance|desarrollador|equipo",
		"hicimos|armamos|desarrollamos|programamos ~3 nosotros|internamente|por+nuestra+cuenta|nuestro+equipo",
		"third+party|3rd+party|external|in+house|in+house+built|homegrown|custom+built crm|report|reports|dashboard|dashboards|integration|integrations|script|scripts|plugin|tool|app|development",
		"crm|report|reports|dashboard|dashboards|integration|script|app|tool ~4 built|made|developed|written|modified|changed ~2 by ~2 a|an|our|another|third|contractor|freelancer|external|other|agency|consultant",
		"built|made|developed|written by ~2 our|another|a+contractor|an+agency|a+freelancer|third|an+external|an+outside",
		"our own crm|report|reports|dashboard|dashboards|integration|integrations|scripts",
	}},
	{ExclusionSoftwareLicenciado, []string{
		"sql standard|express|server+standard|server+express|enterprise", "licencia|licencias|licenciamiento|activacion de? sql|windows|windows+server|office|veeam|acronis|vmware|backup|antivirus|base+de+datos|sql+server",
		"sql server ~3 licencia|licencias|vencio|vencida|vencidas|expiro|expirada|activacion|activar|limite|trial|evaluacion",
		"windows|sql|office ~3 sin+activar|no+activado|no+activada|pide+activacion|vencida|vencido|expiro|expirada|trial",
		"veeam|acronis|arcserve|backup+exec|commvault|cobian|nakivo", "aplicativo|aplicacion|software|programa|herramienta|app de|para backup|backups|respaldo|respaldos",
		"license|licence|licensing|activation for|of? sql|windows|windows+server|office|veeam|acronis|the+backup|the+database|sql+server",
		"sql license|licence|licensing|standard|express", "sql server ~3 license|licence|licensing|expired|trial|evaluation|activation|limit",
		"backup software|application|app|tool|agent|program", "windows ~3 not+activated|activation|expired|trial",
	}},
	{ExclusionVirtualizacion, []string{
		"vmware|esxi|esx|vsphere|vcenter|hyperv|proxmox|virtualbox|xenserver|xen|kvm|nutanix|ovirt", "hyper v",
		"virtualizacion|virtualizado|virtualizada|virtualizados|virtualizadas|virtualizador|virtualizar|hipervisor|hypervisor|hypervisors|virtualization|virtualisation|virtualized|virtualised",
		"maquina|maquinas virtual|virtuales", "virtual machine|machines|server|servers", "vm|vms|vps",
		"servidor|servidores|equipo|equipos|host|hosts fisico|fisicos|anfitrion", "physical server|servers|host|hosts|box|machine",
		"el|the|del|al|of+the host|hosts", "datastore|datastores", "snapshot|snapshots",
	}},
}

// exclusionLex is the compiled exclusion cues and, per cue, the index of
// its code in ExclusionCodes.
type exclusionLex struct {
	c    *compiled
	code []int
}

var exclusionsOnce = sync.OnceValue(func() *exclusionLex {
	x := &exclusionLex{}
	var groups []cueGroup
	for _, g := range exclusionCues {
		ci := -1
		for i, code := range ExclusionCodes {
			if code == g.code {
				ci = i
			}
		}
		if ci < 0 {
			panic("intent: exclusion cues for unknown code " + g.code)
		}
		groups = append(groups, cueGroup{pats: g.pats})
		for range g.pats {
			x.code = append(x.code, ci)
		}
	}
	c, err := compile(groups, macros)
	if err != nil {
		panic("intent: exclusions: " + err.Error())
	}
	x.c = c
	return x
})

// exclusionsIn finds the possible exclusions of a tokenized message, at most
// one per code (the first words that point at it), in the policy's order.
// A cue the client negates ("no tocamos nada de la configuración") or asks
// about hypothetically still counts: staff decide, and a flag that was not
// needed costs a glance.
func exclusionsIn(t *text) []Exclusion {
	x := exclusionsOnce()
	ms := x.c.find(t)
	if len(ms) == 0 {
		return nil
	}
	var found [16]*match
	for i := range ms {
		m := &ms[i]
		ci := x.code[m.id]
		if o := found[ci]; o == nil || m.start < o.start || m.start == o.start && m.end > o.end {
			found[ci] = m
		}
	}
	var out []Exclusion
	for ci, m := range found[:len(ExclusionCodes)] {
		if m != nil {
			out = append(out, Exclusion{Code: ExclusionCodes[ci], Reason: strings.Join(t.words[m.start:m.end], " ")})
		}
	}
	return out
}
