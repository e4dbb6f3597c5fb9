package playground

import (
	"sync"
	"time"
)

// Post is one thing someone sees: a message in a Slack channel, thread or
// DM, a WhatsApp message, an answer only one person sees, or a person's
// Home as last published. Where is a channel id, a DM ("D" + user), a
// phone ("+549…") or "home:" + user.
type Post struct {
	Seq     int       `json:"seq"`
	Time    time.Time `json:"time"`
	Where   string    `json:"where"`
	Thread  string    `json:"thread,omitempty"`
	TS      string    `json:"ts,omitempty"`
	Who     string    `json:"who"`
	Text    string    `json:"text"`
	Buttons []Button  `json:"buttons,omitempty"`
	// Kind is message, ephemeral (For alone sees it), file or home.
	Kind   string `json:"kind"`
	For    string `json:"for,omitempty"`
	Edited bool   `json:"edited,omitempty"`
}

// Button is a button on a post, as Block Kit carried it.
type Button struct {
	ActionID string `json:"action_id"`
	BlockID  string `json:"block_id,omitempty"`
	Value    string `json:"value,omitempty"`
	Label    string `json:"label"`
	// Line, on a Home, is how many lines of its text come before the
	// button, which acts on the ticket above it.
	Line int `json:"line,omitempty"`
}

// Event is what the page's stream carries: a post, new or changed, or the
// clock's new time.
type Event struct {
	Type string    `json:"type"`
	Post *Post     `json:"post,omitempty"`
	Now  time.Time `json:"now,omitzero"`
}

// feed keeps every post and tells the page's streams.
type feed struct {
	mu    sync.Mutex
	posts []*Post
	subs  map[chan Event]struct{}
}

func newFeed() *feed { return &feed{subs: map[chan Event]struct{}{}} }

// add keeps p, numbering it, and tells the streams.
func (f *feed) add(p Post) Post {
	f.mu.Lock()
	p.Seq = len(f.posts) + 1
	f.posts = append(f.posts, &p)
	f.mu.Unlock()
	f.publish(Event{Type: "post", Post: &p})
	return p
}

// change edits the post that match finds (the latest first) and tells the
// streams; false when there is none.
func (f *feed) change(match func(*Post) bool, edit func(*Post)) bool {
	f.mu.Lock()
	var changed *Post
	for i := len(f.posts) - 1; i >= 0; i-- {
		if match(f.posts[i]) {
			edit(f.posts[i])
			f.posts[i].Edited = true
			cp := *f.posts[i]
			changed = &cp
			break
		}
	}
	f.mu.Unlock()
	if changed == nil {
		return false
	}
	f.publish(Event{Type: "post", Post: changed})
	return true
}

// find is a copy of the latest post that match finds.
func (f *feed) find(match func(*Post) bool) (Post, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := len(f.posts) - 1; i >= 0; i-- {
		if match(f.posts[i]) {
			return *f.posts[i], true
		}
	}
	return Post{}, false
}

// all copies every post, in order.
func (f *feed) all() []Post {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Post, len(f.posts))
	for i, p := range f.posts {
		out[i] = *p
	}
	return out
}

func (f *feed) len() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.posts)
}

// subscribe opens a stream; cancel closes it. A stream that falls behind
// by a whole buffer is closed: the page reconnects and reloads.
func (f *feed) subscribe() (ch chan Event, cancel func()) {
	ch = make(chan Event, 256)
	f.mu.Lock()
	f.subs[ch] = struct{}{}
	f.mu.Unlock()
	return ch, func() {
		f.mu.Lock()
		if _, ok := f.subs[ch]; ok {
			delete(f.subs, ch)
			close(ch)
		}
		f.mu.Unlock()
	}
}

func (f *feed) publish(e Event) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for ch := range f.subs {
		select {
		case ch <- e:
		default:
			delete(f.subs, ch)
			close(ch)
		}
	}
}
