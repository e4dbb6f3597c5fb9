package channels

import (
	"context"

	"supportbot/ticketing"
)

// HomeView is the bot's Home tab for one person, in the bot's own terms: the
// bot builds it from domain data and an adapter draws it with its
// platform's blocks.
type HomeView struct {
	Blocks []HomeBlock
}

// HomeBlockKind says how a block of a Home view is drawn.
type HomeBlockKind int

const (
	// HomeHeader is a section title, plain text.
	HomeHeader HomeBlockKind = iota
	// HomeSection is a paragraph in the bot's message model (ticketing.Quoted
	// parts are escaped), optionally with a link and buttons.
	HomeSection
	// HomeContext is a small note under a section.
	HomeContext
	// HomeDivider is a rule between sections.
	HomeDivider
)

// HomeBlock is one block of a Home view.
type HomeBlock struct {
	Kind HomeBlockKind
	Text string
	// Link, if set, is an address the bot built (a thread's permalink),
	// shown after Text under LinkLabel.
	Link      string
	LinkLabel string
	// Buttons press like the same buttons under the bot's messages.
	Buttons []ticketing.Button
}

// HomePublisher shows a person the bot's Home tab, replacing what it showed
// before.
type HomePublisher interface {
	PublishHome(ctx context.Context, userID string, view HomeView) error
}
