package knowledge

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Load reads every .md file under dir (subfolders included) as an article.
// A file that cannot be read or parsed is returned among the problems, each
// naming it, and skipped: one bad article never hides the others. An empty
// dir means no articles.
func Load(dir string) ([]Article, []error) {
	if dir == "" {
		return nil, nil
	}
	var out []Article
	var problems []error
	root := os.DirFS(dir)
	err := fs.WalkDir(root, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, fmt.Errorf("knowledge %s: %w", filepath.Join(dir, path), err))
			if d != nil && d.IsDir() && path != "." {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			// Hidden folders (.git) hold no articles.
			if path != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".md") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(root, path)
		if err != nil {
			problems = append(problems, fmt.Errorf("knowledge %s: %w", filepath.Join(dir, path), err))
			return nil
		}
		a, err := Parse(strings.TrimSuffix(path, ".md"), data)
		if err != nil {
			problems = append(problems, fmt.Errorf("knowledge %s: %w", filepath.Join(dir, path), err))
			return nil
		}
		out = append(out, a)
		return nil
	})
	if err != nil && !errors.Is(err, fs.SkipDir) {
		problems = append(problems, fmt.Errorf("knowledge %s: %w", dir, err))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, problems
}
