package ticketing

import (
	"slices"
	"testing"
)

func TestTextPartsRoundTrip(t *testing.T) {
	slack := func(s string) string {
		return Render(s, func(id, _ string) string { return "<@" + id + ">" }, func(q string) string { return "[" + q + "]" })
	}
	tests := []struct {
		name, text, want string
		parts            []Part
	}{
		{"plain", "hola *ticket #1*", "hola *ticket #1*", []Part{{Kind: PartPlain, Text: "hola *ticket #1*"}}},
		{"mention", "Focal point: " + Mention("UF", "Lucía") + ".", "Focal point: <@UF>.",
			[]Part{{Kind: PartPlain, Text: "Focal point: "}, {Kind: PartMention, Text: "UF", Name: "Lucía"}, {Kind: PartPlain, Text: "."}}},
		{"quoted", "> " + Quoted("<!channel>"), "> [<!channel>]",
			[]Part{{Kind: PartPlain, Text: "> "}, {Kind: PartQuoted, Text: "<!channel>"}}},
		{"client text cannot forge a mention", Quoted("x" + Mention("UEVIL", "") + "y"), "[xUEVILy]",
			[]Part{{Kind: PartQuoted, Text: "xUEVILy"}}},
		{"cut short", "a" + Quoted("bc")[:4], "a[b]", []Part{{Kind: PartPlain, Text: "a"}, {Kind: PartQuoted, Text: "b"}}},
		{"empty quote", "a" + Quoted(""), "a", []Part{{Kind: PartPlain, Text: "a"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Parts(tt.text); !slices.Equal(got, tt.parts) {
				t.Errorf("Parts = %+v, want %+v", got, tt.parts)
			}
			if got := slack(tt.text); got != tt.want {
				t.Errorf("Render = %q, want %q", got, tt.want)
			}
		})
	}
}
