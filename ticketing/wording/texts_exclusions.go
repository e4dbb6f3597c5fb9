package wording

import "strings"

// exclusionTexts name, for staff, the support policy's exclusions that the
// classifier flags (intent.ExclusionCodes): "exclusion.<code>" is the
// reason shown after "Posible exclusión del alcance:" on a ticket's card.
// They are desk texts, in desk.language; a client never reads them.
var exclusionTexts = map[string]Text{
	"exclusion.notice":                 {"Posible exclusión del alcance: %s", "Posible exclusión del alcance: %s", "Possible exclusion from the support scope: %s"},
	"exclusion.equipos_terceros":       {"equipo de terceros no entregado con la solución (softphone, gateway GSM u otro)", "equipo de terceros no entregado con la solución (softphone, gateway GSM u otro)", "third-party equipment not delivered with the solution (softphone, GSM gateway or other)"},
	"exclusion.red_cliente":            {"deficiencias en la red del cliente", "deficiencias en la red del cliente", "a fault in the client's own network"},
	"exclusion.cambios_no_autorizados": {"cambios o intervención de personal no autorizado", "cambios o intervención de personal no autorizado", "changes or work by unauthorised people"},
	"exclusion.software_no_homologado": {"software no homologado", "software no homologado", "non-certified software"},
	"exclusion.version_discontinuada":  {"versión discontinuada", "versión discontinuada", "a discontinued version"},
	"exclusion.entorno":                {"condiciones ambientales (energía eléctrica, temperatura, aire acondicionado, humedad)", "condiciones ambientales (energía eléctrica, temperatura, aire acondicionado, humedad)", "environmental conditions (power, temperature, air conditioning, humidity)"},
	"exclusion.backup_cliente":         {"pérdidas por backups no realizados por el cliente", "pérdidas por backups no realizados por el cliente", "losses from backups the client did not run"},
	"exclusion.desarrollo_externo":     {"CRM, reportes o tableros desarrollados por terceros", "CRM, reportes o tableros desarrollados por terceros", "CRM, reports or dashboards built by third parties"},
	"exclusion.software_licenciado":    {"software licenciado (SQL Standard, aplicativos de backup)", "software licenciado (SQL Standard, aplicativos de backup)", "licensed software (SQL Standard, backup applications)"},
	"exclusion.virtualizacion":         {"servidores físicos o aplicativo de virtualización", "servidores físicos o aplicativo de virtualización", "the physical servers or the virtualisation software"},
}

// The exclusion rows join the desk table before the catalog is built: a
// package variable's initializer runs before every init function.
var _ = mergeDeskTexts(exclusionTexts)

func mergeDeskTexts(rows map[string]Text) bool {
	for k, v := range rows {
		if _, dup := deskTexts[k]; dup {
			panic("wording: desk text " + k + " defined twice")
		}
		deskTexts[k] = v
	}
	return true
}

// ExclusionLabel is the staff's name for an exclusion code in l, or the
// code itself when the catalog has none.
func (l Language) ExclusionLabel(code string) string {
	key := "exclusion." + code
	if !known[key] || code == "notice" {
		return code
	}
	return l.Say(key)
}

// ExclusionNotice is the line a ticket's staff card shows for the codes
// the classifier flagged: "Posible exclusión del alcance: <razón>; <razón>".
// It is "" when there are none.
func (l Language) ExclusionNotice(codes ...string) string {
	if len(codes) == 0 {
		return ""
	}
	labels := make([]string, len(codes))
	for i, c := range codes {
		labels[i] = l.ExclusionLabel(c)
	}
	return l.Say("exclusion.notice", strings.Join(labels, "; "))
}
