package knowledge

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Languages an article is written in.
const (
	LangES = "es"
	LangEN = "en"
)

// DeskPrefix starts the id of a desk article ("desk/12"), so it never
// collides with a file's id, which is a path.
const DeskPrefix = "desk/"

// Article is one searchable piece of help.
type Article struct {
	// ID is the file's path under the folder without ".md", or
	// DeskPrefix and the stored number for a desk article.
	ID    string
	Title string
	// URL is the e-learning page; empty for a desk article.
	URL  string
	Lang string
	Body string
	// Answer is a desk article's answer alone, what a client may be shown
	// of it (its title and question may quote another client).
	Answer string
	// StaffOnly marks a desk article not yet published: staff see it,
	// clients never do.
	StaffOnly bool
}

// Public reports whether a client may be shown the article.
func (a Article) Public() bool { return !a.StaffOnly }

// MaxArticleBytes bounds a file: an article is a page of help, and a huge
// file is a mistake (a dump copied into the folder) better named than indexed.
const MaxArticleBytes = 256 << 10

// Parse reads one Markdown article: optional leading "url: …" and
// "lang: es|en" lines (blank lines around them allowed), then a "# " title
// heading before any other text, then the body.
func Parse(id string, data []byte) (Article, error) {
	if len(data) > MaxArticleBytes {
		return Article{}, fmt.Errorf("article %s: larger than %d KiB", id, MaxArticleBytes>>10)
	}
	if !utf8.Valid(data) {
		return Article{}, fmt.Errorf("article %s: not UTF-8 text", id)
	}
	a := Article{ID: id, Lang: LangES}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	i := 0
	for ; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			break
		}
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "url":
			val = strings.TrimSpace(val)
			if !strings.HasPrefix(val, "https://") && !strings.HasPrefix(val, "http://") {
				return Article{}, fmt.Errorf("article %s: url %q is not an http(s) link", id, val)
			}
			a.URL = val
			continue
		case "lang":
			switch l := strings.ToLower(strings.TrimSpace(val)); l {
			case LangES, LangEN:
				a.Lang = l
			default:
				return Article{}, fmt.Errorf("article %s: lang %q (want es or en)", id, l)
			}
			continue
		}
		break
	}
	for ; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "# ") {
			return Article{}, fmt.Errorf("article %s: line %d: the title (a \"# \" heading) must come before any text", id, i+1)
		}
		a.Title = strings.TrimSpace(strings.TrimPrefix(line, "# "))
		break
	}
	if a.Title == "" {
		return Article{}, errors.New("article " + id + ": no title (a \"# \" heading)")
	}
	a.Body = strings.TrimSpace(strings.Join(lines[min(i+1, len(lines)):], "\n"))
	return a, nil
}
