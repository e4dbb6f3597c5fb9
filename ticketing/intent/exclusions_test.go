package intent

import (
	"slices"
	"testing"

	"supportbot/ticketing"
)

func exclusionCodesOf(r Result) []string {
	var got []string
	for _, x := range r.Exclusions {
		got = append(got, x.Code)
	}
	return got
}

// TestExclusions covers every exclusion of the policy in Spanish (AR and
// CL) and English, and messages that point at none, including ones whose
// words come close (a network outage, a backup question, our CRM).
func TestExclusions(t *testing.T) {
	c := New(DefaultMinConfidence)
	tests := []struct {
		text string
		want []string
	}{
		// equipos_terceros
		{"los agentes que usan Zoiper no escuchan nada, los del softphone de ustedes andan bien", []string{ExclusionEquiposTerceros}},
		{"se cayó el gateway GSM y no salen las llamadas a celulares", []string{ExclusionEquiposTerceros}},
		{"the GSM gateway we bought ourselves stopped registering, outbound to mobiles is failing", []string{ExclusionEquiposTerceros}},
		{"a couple of agents use a third party softphone and get one way audio", []string{ExclusionEquiposTerceros}},
		// red_cliente
		{"cambiamos el firewall ayer y desde entonces el audio se corta", []string{ExclusionRedCliente}},
		{"creo que es la red interna de la oficina, el wifi del segundo piso anda pésimo po", []string{ExclusionRedCliente}},
		{"our network team says there is packet loss on our side since the ISP change", []string{ExclusionRedCliente}},
		// cambios_no_autorizados
		{"el chico de sistemas nuestro tocó la configuración del servidor y ahora no entra nada", []string{ExclusionCambiosNoAutorizados}},
		{"alguien metió mano en el dialplan sin autorización y se rompió el IVR", []string{ExclusionCambiosNoAutorizados}},
		{"our IT contractor changed the trunk settings last night without asking, now inbound fails", []string{ExclusionCambiosNoAutorizados}},
		// software_no_homologado
		{"instalamos un antivirus nuevo en los puestos y el softphone no abre", []string{ExclusionSoftwareNoHomologado}},
		{"usamos un navegador que no está homologado, ¿puede ser por eso que no carga la consola?", []string{ExclusionSoftwareNoHomologado}},
		{"the agents are on an unsupported browser and the agent desktop freezes", []string{ExclusionSoftwareNoHomologado}},
		// version_discontinuada
		{"todavía estamos con la versión 3 del discador, la vieja, y los reportes no cargan", []string{ExclusionVersionDiscontinuada}},
		{"we are still running a discontinued version and the recordings page is blank", []string{ExclusionVersionDiscontinuada}},
		// entorno
		{"anoche hubo un corte de luz en el edificio y el servidor no levantó", []string{ExclusionEntorno}},
		{"se rompió el aire acondicionado de la sala de servidores y hay mucho calor", []string{ExclusionEntorno}},
		{"we had a power outage this morning and the server room AC unit failed", []string{ExclusionEntorno}},
		// backup_cliente
		{"se borró la base de grabaciones y no teníamos backup, ¿se puede recuperar?", []string{ExclusionBackupCliente}},
		{"nunca hicimos respaldo de la base y se corrompió el disco", []string{ExclusionBackupCliente}},
		{"we lost last month's data and our backups were never run", []string{ExclusionBackupCliente}},
		// desarrollo_externo
		{"el CRM que nos hizo otro proveedor no recibe los datos de la llamada", []string{ExclusionDesarrolloExterno}},
		{"el tablero lo armó una consultora externa y ahora muestra cualquier cosa", []string{ExclusionDesarrolloExterno}},
		{"the dashboard built by a contractor stopped showing queue figures", []string{ExclusionDesarrolloExterno}},
		// software_licenciado
		{"el SQL Standard nos pide activar la licencia y la base no arranca", []string{ExclusionSoftwareLicenciado}},
		{"falló el software de backup (Veeam) anoche", []string{ExclusionSoftwareLicenciado}},
		{"the SQL Server license expired and the reports database is read-only", []string{ExclusionSoftwareLicenciado}},
		// virtualizacion
		{"se cayó el host de VMware donde corren las máquinas virtuales de la plataforma", []string{ExclusionVirtualizacion}},
		{"the Hyper-V host rebooted and the VMs came back slow", []string{ExclusionVirtualizacion}},
		// two at once
		{"corte de energía y después el ESXi no levantó", []string{ExclusionEntorno, ExclusionVirtualizacion}},
		// none
		{"URGENTE se cayó todo, ningún agente puede llamar", nil},
		{"no hay red en la plataforma, se cortó sin aviso", nil},
		{"¿cómo restauro una grabación borrada desde la consola?", nil},
		{"queremos un reporte nuevo de ventas por hora para nuestro CRM, ¿nos cotizan?", nil},
		{"el equipo de ventas no puede llamar", nil},
		{"ups, me equivoqué de hilo", nil},
		{"how do I switch an agent to another campaign?", nil},
		{"hola buen día", nil},
		{"¿Cuánto sale sumar 10 licencias de agente?", nil},
	}
	for _, tt := range tests {
		r := c.Classify(tt.text)
		if got := exclusionCodesOf(r); !slices.Equal(got, tt.want) {
			t.Errorf("Classify(%q).Exclusions = %v, want %v", tt.text, r.Exclusions, tt.want)
		}
		for _, x := range r.Exclusions {
			if x.Reason == "" {
				t.Errorf("Classify(%q): exclusion %s with no reason", tt.text, x.Code)
			}
		}
	}
}

// TestExclusionsChangeNothing: an exclusion is a note for staff, never a
// change of what the case is or how urgent.
func TestExclusionsChangeNothing(t *testing.T) {
	c := New(DefaultMinConfidence)
	for _, text := range []string{
		"se cayó el gateway GSM y no salen las llamadas a celulares",
		"anoche hubo un corte de luz en el edificio y el servidor no levantó",
	} {
		r := c.Classify(text)
		if len(r.Exclusions) == 0 {
			t.Fatalf("Classify(%q) found no exclusion", text)
		}
		x := exclusionsOnce()
		if len(x.code) != len(x.c.cues) {
			t.Fatalf("exclusion cues %d, codes %d", len(x.c.cues), len(x.code))
		}
		plain := c.classify(ptr(tokenize(Normalize(text))))
		if plain.Kind != r.Kind || plain.Priority != r.Priority || plain.DoubtfulCritical != r.DoubtfulCritical {
			t.Errorf("Classify(%q) = %s/%s, without exclusions %s/%s", text, r.Kind, r.Priority, plain.Kind, plain.Priority)
		}
		if !r.Kind.IsIncident() && r.Kind != ticketing.KindConsulta {
			t.Errorf("Classify(%q) = %s, want an incident or a consulta", text, r.Kind)
		}
	}
}

func ptr[T any](v T) *T { return &v }
