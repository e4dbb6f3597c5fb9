package knowledge

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// sample is the article set the project ships: the demo and the
// playground search it wherever the binary runs, with no folder beside it.
//
//go:embed sample
var sample embed.FS

// WriteSample copies the shipped sample articles into dir (created), as a
// knowledge.dir for a bot that has none of its own.
func WriteSample(dir string) error {
	return fs.WalkDir(sample, "sample", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel("sample", path)
		if err != nil {
			return err
		}
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := sample.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return fmt.Errorf("knowledge sample: %w", err)
		}
		return nil
	})
}
