package intent

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"shouting and repeats", "URGENTEEE!!! se cayó TODO", "urgente! se cayo todo"},
		{"doubles are spelling, not emphasis", "LLAMADAS, leer, carro", "llamadas, leer, carro"},
		{"accents and enye", "Campaña Ñandú crítico útil", "campana nandu critico util"},
		{"emoji and skin tones", "no anda 😡👍🏽 nada", "no anda nada"},
		{"slack mention and channel", "<@U123ABC> en <#C999|soporte-acme>", "en soporte acme"},
		{"slack links", "mirá <https://x.io/a?b=c|este link> y <https://foo.bar>", "mira este link y"},
		{"slack special mention", "<!here> caída general", "caida general"},
		{"slack escapes", "a &lt; b &amp; c", "a b c"},
		{"shortcodes", "se cayó :fire: :+1: todo", "se cayo todo"},
		{"times and decimals stay", "desde las 10:30 con 2.500 agentes", "desde las 1030 con 2500 agentes"},
		{"markup", "*negrita* _itálica_ ~tachado~ `code` ```bloque```", "negrita italica tachado code bloque"},
		{"whatsapp quote and list", "> cita\n- item\n1. otro", "cita, item, 1, otro"},
		{"question marks", "¿Cómo hago? ¡¡Ayuda!! ok... bien?!?", "como hago? ayuda! ok, bien?"},
		{"contractions", "can't won't it's", "cant wont its"},
		{"tags keep their hash", "#incidente_critico #Crítico", "#incidente critico #critico"},
		{"bare urls", "ver https://example.com/x y www.foo.com ya", "ver y ya"},
		{"hyphen splits", "e-learning", "e learning"},
		{"invalid utf-8", "a\xffb\xc3", "a b"},
		{"other scripts survive", "ноль café", "ноль cafe"},
		{"leading punctuation", "... hola", "hola"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
