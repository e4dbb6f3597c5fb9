package intent

import (
	"bytes"
	"strings"
	"testing"
)

// The shipped model is exactly what training on the shipped corpus gives:
// a corpus or feature change without `go generate ./ticketing/intent`
// fails here rather than slowing every start.
func TestShippedModelIsCurrent(t *testing.T) {
	exs, err := Corpus()
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := WriteShipped(&want, digestOf(exs), Train(exs)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shippedModel, want.Bytes()) {
		t.Fatalf("model/default.bin (%d bytes) is not the model of the current corpus and features (%d bytes): run go generate ./ticketing/intent",
			len(shippedModel), want.Len())
	}
	if _, err := readShipped(shippedModel, digestOf(exs)); err != nil {
		t.Fatal(err)
	}
}

func TestShippedModelOfAnotherCorpusIsNotUsed(t *testing.T) {
	exs, err := Corpus()
	if err != nil {
		t.Fatal(err)
	}
	other := digestOf(exs[1:])
	tests := []struct {
		name string
		file []byte
		want string
	}{
		{"another corpus", shippedModel, "another corpus"},
		{"not a shipped file", []byte("SBINTENT"), "not a shipped model file"},
		{"cut short", shippedModel[:len(shippedMagic)+40], "another corpus"},
	}
	for _, tt := range tests {
		_, err := readShipped(tt.file, other)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := readShipped(shippedModel[:len(shippedMagic)+40], digestOf(exs)); err == nil {
		t.Error("a truncated model file was read")
	}
}
