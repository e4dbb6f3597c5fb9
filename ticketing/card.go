package ticketing

// CardPart says how an owed reply touches its ticket's staff card, the one
// post per ticket on the desk's side that staff work the ticket from. The
// card's own message id is known only once it is out, so items for it are
// resolved at delivery, like a mirrored ticket's thread.
type CardPart string

const (
	// CardNone is an ordinary reply.
	CardNone CardPart = ""
	// CardPost posts the card; the posted message becomes the ticket's card.
	CardPost CardPart = "post"
	// CardEdit rewrites the card in place.
	CardEdit CardPart = "edit"
	// CardThread posts in the card's thread (the ticket's internal side);
	// with no card out, at the top level of the card's channel.
	CardThread CardPart = "thread"
)

// Card is where a ticket's staff card lives and what it last showed, so a
// change that leaves it the same rewrites nothing.
type Card struct {
	TicketID int64
	// Channel is the triage channel the card was posted in.
	Channel string
	// Ref is the card message's id on its platform; empty until posted.
	Ref string
	// Shown is the card's text as last queued.
	Shown string
}
