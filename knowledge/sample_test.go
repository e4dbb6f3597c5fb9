package knowledge

import (
	"testing"
)

// The shipped sample, written out, loads whole: every file an article.
func TestWriteSampleLoads(t *testing.T) {
	dir := t.TempDir()
	if err := WriteSample(dir); err != nil {
		t.Fatal(err)
	}
	got, problems := Load(dir)
	want, _ := Load("sample")
	if len(problems) != 0 || len(got) != len(want) || len(got) == 0 {
		t.Errorf("written sample: %d articles (%v), want %d as in the folder", len(got), problems, len(want))
	}
}
