package intent

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"errors"
	"fmt"
	"io"
)

//go:generate go run ./internal/trainmodel -o model/default.bin

// The default model is trained ahead of time by `go generate` and shipped
// beside the corpus it was trained on: training takes about a second, and
// far longer under the race detector, which a bot that must answer Slack
// within seconds of starting cannot spend. The file records the corpus'
// digest, so an edited corpus whose model was not regenerated is noticed
// and the model is trained at first use instead, as before.
//
//go:embed model/default.bin
var shippedModel []byte

const shippedMagic = "SBCORPUS"

// CorpusDigest identifies the shipped corpus' contents.
func CorpusDigest() ([sha256.Size]byte, error) {
	exs, err := Corpus()
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	return digestOf(exs), nil
}

func digestOf(exs []Example) [sha256.Size]byte {
	h := sha256.New()
	for _, ex := range exs {
		fmt.Fprintf(h, "%q\t%s\t%s\n", ex.Text, ex.Kind, ex.Priority)
	}
	var d [sha256.Size]byte
	copy(d[:], h.Sum(nil))
	return d
}

// WriteShipped writes m as the shipped model file for the corpus digest d.
func WriteShipped(w io.Writer, d [sha256.Size]byte, m *Model) error {
	if _, err := io.WriteString(w, shippedMagic); err != nil {
		return err
	}
	if _, err := w.Write(d[:]); err != nil {
		return err
	}
	_, err := m.WriteTo(w)
	return err
}

// readShipped loads the shipped model when it was trained on the corpus
// with digest want.
func readShipped(b []byte, want [sha256.Size]byte) (*Model, error) {
	head := len(shippedMagic) + sha256.Size
	if len(b) < head || string(b[:len(shippedMagic)]) != shippedMagic {
		return nil, errors.New("shipped model: not a shipped model file")
	}
	if !bytes.Equal(b[len(shippedMagic):head], want[:]) {
		return nil, errors.New("shipped model: trained on another corpus; run go generate ./ticketing/intent")
	}
	return ReadModel(bytes.NewReader(b[head:]))
}
