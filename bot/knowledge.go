package bot

import (
	"context"
	"fmt"
	"strings"

	"supportbot/knowledge"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// actionKnowledgeSolved is the client's "✅ Esto lo resolvió" under the
// suggested articles: the ticket closes as self-served.
const actionKnowledgeSolved = "knowledge_solved"

// maxSuggestions is how many articles a client or the desk is shown.
const maxSuggestions = 3

// freshKnowledge makes the base hold the desk articles the store holds
// now: one small read per search, and a full read only when the stamp
// moved (a save, a publication, an erasure, on this replica or another).
func (b *Bot) freshKnowledge(ctx context.Context, tx ticketing.Tx) error {
	if b.kb == nil {
		return nil
	}
	stamp, err := tx.DeskArticlesStamp(ctx)
	if err != nil {
		return err
	}
	if have, ok := b.kb.DeskStamp(); ok && have == stamp {
		return nil
	}
	list, err := tx.ListDeskArticles(ctx)
	if err != nil {
		return err
	}
	b.kb.SetDesk(stamp, DeskArticlesAsKnowledge(list))
	return nil
}

// DeskArticlesAsKnowledge turns stored known fixes into searchable
// articles: the question as the client put it and the answer, so the next
// person's wording meets either.
func DeskArticlesAsKnowledge(list []ticketing.DeskArticle) []knowledge.Article {
	out := make([]knowledge.Article, 0, len(list))
	for _, a := range list {
		out = append(out, knowledge.Article{ID: DeskArticleID(a.ID), Title: a.Title, Lang: a.Lang,
			Body: strings.TrimSpace(a.Question + "\n\n" + a.Answer), Answer: a.Answer, StaffOnly: !a.Published})
	}
	return out
}

// DeskArticleID is a stored known fix's id in the knowledge base.
func DeskArticleID(n int64) string { return fmt.Sprintf("%s%d", knowledge.DeskPrefix, n) }

// articleLang is the articles' language a client reads.
func articleLang(l wording.Language) string {
	if l == wording.English {
		return knowledge.LangEN
	}
	return knowledge.LangES
}

// withSuggestions adds up to three articles to a consulta's
// acknowledgement: first, when the message came outside attended hours
// (the team reads it later, the client reads this now), else after it.
// Incidents, requests and features get none: those need the team.
func (b *Bot) withSuggestions(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, t *ticketing.Ticket, question, ack string, apart bool) (string, []ticketing.Button, error) {
	if b.kb == nil || t.Kind != ticketing.KindConsulta || t.AwaitingChoice || strings.TrimSpace(question) == "" {
		return ack, nil, nil
	}
	if err := b.freshKnowledge(ctx, tx); err != nil {
		return "", nil, err
	}
	res := b.kb.Suggest(question, articleLang(langOf(c)), maxSuggestions)
	if len(res) == 0 {
		return ack, nil, nil
	}
	lines := []string{say(c, "knowledge.suggest.head")}
	var ids []string
	for _, r := range res {
		lines = append(lines, suggestionLine(c, r))
		ids = append(ids, r.ID)
	}
	var buttons []ticketing.Button
	if apart {
		lines = append(lines, say(c, "knowledge.suggest.solved_word"))
	} else {
		lines = append(lines, say(c, "knowledge.suggest.solved_button"))
		buttons = []ticketing.Button{{ActionID: actionKnowledgeSolved, Label: say(c, "button.knowledge_solved"), Value: fmt.Sprint(t.ID), Style: "primary"}}
	}
	if err := b.audit(ctx, tx, "supportbot", t.ClientID, t.ID, ticketing.AuditKnowledgeSuggested, strings.Join(ids, " ")); err != nil {
		return "", nil, err
	}
	block := strings.Join(lines, "\n")
	if t.ClockStart.After(t.ReceivedAt) {
		return block + "\n\n" + ack, buttons, nil
	}
	return ack + "\n\n" + block, buttons, nil
}

// suggestionLine shows one article to a client: its title and e-learning
// link, or for a published known fix only the staff's answer, quoted as
// the data it is. A known fix's title and question may be another client's
// words, so a client never reads them.
func suggestionLine(c *ticketing.Client, r knowledge.Result) string {
	if r.URL != "" || r.Answer == "" {
		return say(c, "knowledge.suggest.item", clientText(r.Title), r.URL)
	}
	return say(c, "knowledge.suggest.item_desk", clientText(excerpt(r.Answer, 300)))
}

func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// StaffSuggestions is the top articles for any ticket, of any kind, known
// fixes not yet published included: what the ticket's staff card shows.
// The question is the client's first message, or the subject.
func (b *Bot) StaffSuggestions(ctx context.Context, ticketID int64) ([]knowledge.Result, error) {
	var res []knowledge.Result
	err := b.store.View(ctx, func(tx ticketing.Tx) error {
		t, err := tx.Ticket(ctx, "", ticketID)
		if err != nil {
			return err
		}
		q, _, err := clientQuestion(ctx, tx, t)
		if err != nil {
			return err
		}
		res, err = b.staffSuggestionsTx(ctx, tx, b.clientOf(t), q)
		return err
	})
	return res, err
}

// staffSuggestionsTx ranks every article for staff, those in the client's
// language first: what the client can be sent.
func (b *Bot) staffSuggestionsTx(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, question string) ([]knowledge.Result, error) {
	if b.kb == nil || strings.TrimSpace(question) == "" {
		return nil, nil
	}
	if err := b.freshKnowledge(ctx, tx); err != nil {
		return nil, err
	}
	return b.staffSearch(c, question), nil
}

// staffSearch is staffSuggestionsTx on a base already brought up to date.
func (b *Bot) staffSearch(c *ticketing.Client, question string) []knowledge.Result {
	if b.kb == nil || strings.TrimSpace(question) == "" {
		return nil
	}
	return b.kb.SearchFor(question, articleLang(langOf(c)), maxSuggestions)
}

// clientQuestion is what the client asked on a ticket: their first
// message with text, and who wrote it; the subject when none is stored.
func clientQuestion(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket) (text, author string, err error) {
	m, err := tx.FirstClientMessage(ctx, t.ID)
	switch {
	case isNotFound(err):
		return t.Subject, t.OpenedBy, nil
	case err != nil:
		return "", "", err
	}
	return m.Text, m.AuthorID, nil
}
