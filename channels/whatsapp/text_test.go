package whatsappchannel

import (
	"testing"

	"supportbot/ticketing"
)

func TestRenderText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"mention is the name", "Tu focal point es " + ticketing.Mention("UF", "Lucía") + ".", "Tu focal point es Lucía."},
		{"mention without name is the id", ticketing.Mention("UF", ""), "UF"},
		{"quoted as written", ticketing.Quoted("<!channel> & x"), "<!channel> & x"},
		{"entities from Slack decoded", ticketing.Quoted("a &lt;b&gt; &amp; c"), "a <b> & c"},
	}
	for _, tt := range tests {
		if got := RenderText(tt.in); got != tt.want {
			t.Errorf("%s: RenderText = %q, want %q", tt.name, got, tt.want)
		}
	}
}
