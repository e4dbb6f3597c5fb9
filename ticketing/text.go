package ticketing

import "strings"

// Outgoing text (OutboxItem.Text, a reply's text) is the bot's own message
// model: plain words the bot wrote, with *bold*, _italics_ and `code` that
// every adapter reads alike, plus marked parts each adapter renders its own
// way:
//
//	Mention(id, name)  a member of staff: a mention where the platform has
//	                   them, the name where it does not
//	Quoted(s)          text a client (or anyone outside the bot) wrote:
//	                   data, never markup, escaped by the adapter
//
// The marks are private-use characters, so the text stays one string that
// is stored and read back unchanged, and a text with no marks (one queued
// before this model) is plain words. Quoted strips the marks from what it
// wraps, so client text cannot open or close a part.
const (
	markMention = '\uE000'
	markName    = '\uE001'
	markQuoted  = '\uE002'
	markEnd     = '\uE003'
)

var stripMarks = strings.NewReplacer(string(markMention), "", string(markName), "", string(markQuoted), "", string(markEnd), "")

// Mention marks a member of staff by platform id; name is what a platform
// without mentions shows (the id when empty).
func Mention(staffID, name string) string {
	return string(markMention) + stripMarks.Replace(staffID) + string(markName) + stripMarks.Replace(name) + string(markEnd)
}

// Quoted marks s as written by someone outside the bot.
func Quoted(s string) string {
	if s == "" {
		return ""
	}
	return string(markQuoted) + stripMarks.Replace(s) + string(markEnd)
}

// PartKind says what a part of an outgoing text is.
type PartKind int

const (
	PartPlain PartKind = iota
	PartMention
	PartQuoted
)

// Part is one run of an outgoing text. For a mention Text is the staff id
// and Name the name.
type Part struct {
	Kind PartKind
	Text string
	Name string
}

// Parts splits an outgoing text for an adapter to render. A mark left open
// (a text cut short) ends with the text.
func Parts(s string) []Part {
	var out []Part
	for s != "" {
		i := strings.IndexAny(s, string(markMention)+string(markQuoted))
		if i < 0 {
			out = append(out, Part{Kind: PartPlain, Text: s})
			break
		}
		if i > 0 {
			out = append(out, Part{Kind: PartPlain, Text: s[:i]})
		}
		kind := PartQuoted
		if strings.HasPrefix(s[i:], string(markMention)) {
			kind = PartMention
		}
		body := s[i+len(string(markMention)):] // every mark is 3 bytes in UTF-8
		end := strings.IndexRune(body, markEnd)
		rest := ""
		if end >= 0 {
			body, rest = body[:end], body[end+len(string(markEnd)):]
		}
		p := Part{Kind: kind, Text: body}
		if kind == PartMention {
			p.Text, p.Name, _ = strings.Cut(body, string(markName))
		}
		out = append(out, p)
		s = rest
	}
	return out
}

// Render writes an outgoing text for a platform: plain parts as they are,
// mentions and quoted parts through the platform's own functions.
func Render(s string, mention func(id, name string) string, quoted func(string) string) string {
	var b strings.Builder
	for _, p := range Parts(s) {
		switch p.Kind {
		case PartMention:
			b.WriteString(mention(p.Text, p.Name))
		case PartQuoted:
			b.WriteString(quoted(p.Text))
		default:
			b.WriteString(p.Text)
		}
	}
	return b.String()
}
