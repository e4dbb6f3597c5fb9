// Package graphfake is an in-process stand-in for Meta's Graph API, as much
// of it as the WhatsApp Cloud transport calls: messages, media upload and
// the two-step media download. Tests, the demo and the benchmark drive the
// real connector against it, and build the signed webhooks Meta would send.
package graphfake

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

// Sent is one message the bot posted.
type Sent struct {
	ID   string
	To   string // digits, as the API takes them
	Type string
	// Text is the text body or the caption.
	Text string
	// MediaID is what a media message referred to.
	MediaID  string
	Filename string
	Template string
	// Callback is biz_opaque_callback_data.
	Callback string
	// ReplyTo is context.message_id: the message this one is a reply to.
	ReplyTo string
	Raw     map[string]any
}

// Upload is a file the bot uploaded.
type Upload struct {
	ID, Name, MIME string
	Data           []byte
}

// Failure is an error answer scripted for the next sends.
type Failure struct {
	HTTPStatus int
	Code       int
	Message    string
}

// Server is the fake.
type Server struct {
	*httptest.Server
	PhoneNumberID string
	Token         string
	// OnSend, when set, hears every accepted message (the demo prints it).
	OnSend func(Sent)

	mu       sync.Mutex
	sent     []Sent
	uploads  []Upload
	media    map[string]stored
	failTo   map[string][]Failure // recipient digits → next answers
	failAll  []Failure
	calls    []string
	hold     chan struct{} // while non-nil, accepted sends wait for it to close
	held     chan struct{}
	seq      int
	tokenBad bool
}

type stored struct {
	data []byte
	mime string
	// sha is what the lookup reports; a test can make it lie.
	sha string
}

// New starts a fake for one phone number id and access token.
func New(phoneNumberID, token string) *Server {
	s := &Server{PhoneNumberID: phoneNumberID, Token: token, media: map[string]stored{}, failTo: map[string][]Failure{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// URL is the API base, for whatsapp.cloud.api_url.
func (s *Server) APIURL() string { return s.Server.URL + "/v21.0" }

func (s *Server) next(prefix string) string {
	s.seq++
	return fmt.Sprintf("%s%d", prefix, s.seq)
}

// AddMedia stores a file as if a contact had sent it and returns its id and
// the sha256 the webhook announces (base64, as Meta writes it).
func (s *Server) AddMedia(data []byte, mimeType string) (id, sha string) {
	sum := sha256.Sum256(data)
	sha = base64.StdEncoding.EncodeToString(sum[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	id = s.next("media-in-")
	s.media[id] = stored{data: data, mime: mimeType, sha: sha}
	return id, sha
}

// FailNext makes the next sends to the recipient (E.164 or digits) fail,
// one failure per send; an empty to fails the next sends to anyone.
func (s *Server) FailNext(to string, f ...Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if to == "" {
		s.failAll = append(s.failAll, f...)
		return
	}
	to = strings.TrimPrefix(to, "+")
	s.failTo[to] = append(s.failTo[to], f...)
}

// RefuseToken makes every call answer 401 with code 190.
func (s *Server) RefuseToken() {
	s.mu.Lock()
	s.tokenBad = true
	s.mu.Unlock()
}

// Hold makes accepted messages wait before their answer until Release;
// held receives once per held message, after it was recorded.
func (s *Server) Hold() (held <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hold, s.held = make(chan struct{}), make(chan struct{}, 16)
	return s.held
}

// Release lets held messages answer.
func (s *Server) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hold != nil {
		close(s.hold)
		s.hold = nil
	}
}

// Forget removes an accepted message, as if Meta had never got it (the
// connection dropped before it arrived).
func (s *Server) Forget(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, m := range s.sent {
		if m.ID == id {
			s.sent = append(s.sent[:i], s.sent[i+1:]...)
			return
		}
	}
}

// Sent lists the messages accepted so far.
func (s *Server) Sent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Sent(nil), s.sent...)
}

// Uploads lists the files uploaded so far.
func (s *Server) Uploads() []Upload {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Upload(nil), s.uploads...)
}

// Calls lists "METHOD /path" of every request, in order.
func (s *Server) Calls() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.calls...)
}

// LieAboutHash makes a stored file's lookup report another sha256.
func (s *Server) LieAboutHash(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.media[id]
	m.sha = base64.StdEncoding.EncodeToString(make([]byte, 32))
	s.media[id] = m
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func graphErr(w http.ResponseWriter, f Failure) {
	if f.HTTPStatus == 0 {
		f.HTTPStatus = http.StatusBadRequest
	}
	if f.Message == "" {
		f.Message = fmt.Sprintf("(#%d) scripted failure", f.Code)
	}
	writeJSON(w, f.HTTPStatus, map[string]any{"error": map[string]any{"message": f.Message, "type": "OAuthException", "code": f.Code,
		"fbtrace_id": "fake"}})
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.calls = append(s.calls, r.Method+" "+r.URL.Path)
	bad := s.tokenBad
	s.mu.Unlock()
	if bad || r.Header.Get("Authorization") != "Bearer "+s.Token {
		graphErr(w, Failure{HTTPStatus: http.StatusUnauthorized, Code: 190, Message: "Error validating access token"})
		return
	}
	path := strings.TrimPrefix(r.URL.Path, "/v21.0")
	switch {
	case r.Method == http.MethodGet && strings.HasPrefix(path, "/download/"):
		s.download(w, strings.TrimPrefix(path, "/download/"))
	case r.Method == http.MethodGet && path == "/"+s.PhoneNumberID:
		writeJSON(w, http.StatusOK, map[string]any{"id": s.PhoneNumberID, "display_phone_number": "+54 9 11 5555-0000"})
	case r.Method == http.MethodGet:
		s.lookup(w, strings.TrimPrefix(path, "/"))
	case r.Method == http.MethodPost && path == "/"+s.PhoneNumberID+"/messages":
		s.message(w, r)
	case r.Method == http.MethodPost && path == "/"+s.PhoneNumberID+"/media":
		s.upload(w, r)
	default:
		graphErr(w, Failure{HTTPStatus: http.StatusNotFound, Code: 100, Message: "Unsupported request " + r.Method + " " + r.URL.Path})
	}
}

func (s *Server) lookup(w http.ResponseWriter, id string) {
	s.mu.Lock()
	m, ok := s.media[id]
	s.mu.Unlock()
	if !ok {
		graphErr(w, Failure{HTTPStatus: http.StatusNotFound, Code: 100, Message: "media not found"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"messaging_product": "whatsapp", "id": id, "url": s.Server.URL + "/download/" + id,
		"mime_type": m.mime, "sha256": m.sha, "file_size": len(m.data)})
}

func (s *Server) download(w http.ResponseWriter, id string) {
	s.mu.Lock()
	m, ok := s.media[id]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Content-Type", m.mime)
	_, _ = w.Write(m.data)
}

func (s *Server) message(w http.ResponseWriter, r *http.Request) {
	var raw map[string]any
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&raw); err != nil {
		graphErr(w, Failure{Code: 100, Message: "bad json"})
		return
	}
	to, _ := raw["to"].(string)
	s.mu.Lock()
	var fail *Failure
	if q := s.failTo[to]; len(q) > 0 {
		fail, s.failTo[to] = &q[0], q[1:]
	} else if len(s.failAll) > 0 {
		fail, s.failAll = &s.failAll[0], s.failAll[1:]
	}
	if fail != nil {
		s.mu.Unlock()
		graphErr(w, *fail)
		return
	}
	m := Sent{ID: s.next("wamid.fake"), To: to, Raw: raw}
	m.Type, _ = raw["type"].(string)
	m.Callback, _ = raw["biz_opaque_callback_data"].(string)
	if ctx, ok := raw["context"].(map[string]any); ok {
		m.ReplyTo, _ = ctx["message_id"].(string)
	}
	if body, ok := raw[m.Type].(map[string]any); ok {
		for _, k := range []string{"body", "caption"} {
			if t, ok := body[k].(string); ok {
				m.Text = t
			}
		}
		m.MediaID, _ = body["id"].(string)
		m.Filename, _ = body["filename"].(string)
		m.Template, _ = body["name"].(string)
	}
	s.sent = append(s.sent, m)
	hold, held, onSend := s.hold, s.held, s.OnSend
	s.mu.Unlock()
	if onSend != nil {
		onSend(m)
	}
	if hold != nil {
		held <- struct{}{}
		<-hold
	}
	writeJSON(w, http.StatusOK, map[string]any{"messaging_product": "whatsapp",
		"contacts": []any{map[string]any{"input": to, "wa_id": to}}, "messages": []any{map[string]any{"id": m.ID}}})
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	ct, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || ct != "multipart/form-data" {
		graphErr(w, Failure{Code: 100, Message: "want multipart/form-data"})
		return
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	var up Upload
	var product string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			graphErr(w, Failure{Code: 100, Message: "bad multipart"})
			return
		}
		data, _ := io.ReadAll(io.LimitReader(p, 200<<20))
		switch p.FormName() {
		case "messaging_product":
			product = string(data)
		case "type":
			up.MIME = string(data)
		case "file":
			up.Name, up.Data = p.FileName(), data
		}
	}
	if product != "whatsapp" || up.Data == nil {
		graphErr(w, Failure{Code: 100, Message: "messaging_product and file are required"})
		return
	}
	s.mu.Lock()
	up.ID = s.next("media-out-")
	s.uploads = append(s.uploads, up)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"id": up.ID})
}
