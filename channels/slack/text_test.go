package slackchannel

import (
	"testing"

	"supportbot/ticketing"
)

func TestRenderText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain words stay markup", "*ticket #1* `/soporte`", "*ticket #1* `/soporte`"},
		{"mention", "hola " + ticketing.Mention("UF", "Lucía"), "hola <@UF>"},
		{"quoted is escaped", "> " + ticketing.Quoted("<!channel> & <@U1>"), "> &lt;!channel&gt; &amp; &lt;@U1&gt;"},
		{"entities from Slack kept", ticketing.Quoted("a &lt;b&gt; &amp; c"), "a &lt;b&gt; &amp; c"},
	}
	for _, tt := range tests {
		if got := RenderText(tt.in); got != tt.want {
			t.Errorf("%s: RenderText = %q, want %q", tt.name, got, tt.want)
		}
	}
}
