package slackfake

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// File is a file in the stand-in workspace, as message events and
// files.info describe it.
type File struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Title     string `json:"title,omitempty"`
	Mimetype  string `json:"mimetype"`
	Size      int    `json:"size"`
	Permalink string `json:"permalink"`
	// URLPrivateDownload is set by the server when the file is added.
	URLPrivateDownload string `json:"url_private_download,omitempty"`
}

// Upload is a file the bot uploaded through the external upload flow and
// shared with files.completeUploadExternal. Its bytes are hashed on
// arrival, never kept, so a large upload costs the stand-in no memory.
type Upload struct {
	ID, Name string
	Size     int64
	SHA256   string
	// Channel, Thread and Comment are what the completion shared it with.
	Channel, Thread, Comment string
	Completed                bool
}

type storedFile struct {
	File
	open func() io.Reader
}

func (s *Server) fileHandlers() map[string]http.HandlerFunc {
	return map[string]http.HandlerFunc{
		"/files.info":                   s.filesInfo,
		"/files.getUploadURLExternal":   s.getUploadURL,
		"/files.completeUploadExternal": s.completeUpload,
		"/upload/":                      s.receiveUpload,
		"/download/":                    s.serveDownload,
	}
}

// AddFile puts a file in the workspace, as if a person had attached it;
// open gives its content each time it is downloaded.
func (s *Server) AddFile(name, mime string, size int, open func() io.Reader) File {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fileSeq++
	id := fmt.Sprintf("F%07d", s.fileSeq)
	f := File{ID: id, Name: name, Title: name, Mimetype: mime, Size: size,
		Permalink:          "https://neotel.slack.com/files/" + BotUser + "/" + id + "/" + name,
		URLPrivateDownload: s.srv.URL + "/download/" + id}
	if s.files == nil {
		s.files = map[string]storedFile{}
	}
	s.files[id] = storedFile{File: f, open: open}
	return f
}

// AddFileBytes is AddFile for content at hand.
func (s *Server) AddFileBytes(name, mime string, content []byte) File {
	return s.AddFile(name, mime, len(content), func() io.Reader { return bytes.NewReader(content) })
}

// Uploads lists the files the bot uploaded, oldest first.
func (s *Server) Uploads() []Upload {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Upload, 0, len(s.uploadOrder))
	for _, id := range s.uploadOrder {
		out = append(out, *s.uploads[id])
	}
	return out
}

func (s *Server) filesInfo(w http.ResponseWriter, r *http.Request) {
	v := s.record("files.info", r)
	s.mu.Lock()
	f, ok := s.files[v.Get("file")]
	s.mu.Unlock()
	if !ok {
		WriteJSON(w, map[string]any{"ok": false, "error": "file_not_found"})
		return
	}
	WriteJSON(w, map[string]any{"ok": true, "file": f.File})
}

func (s *Server) serveDownload(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/download/")
	s.mu.Lock()
	f, ok := s.files[id]
	s.mu.Unlock()
	if !ok || !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.Mimetype)
	_, _ = io.Copy(w, f.open())
}

func (s *Server) getUploadURL(w http.ResponseWriter, r *http.Request) {
	v := s.record("files.getUploadURLExternal", r)
	size, err := strconv.ParseInt(v.Get("length"), 10, 64)
	if v.Get("filename") == "" || err != nil || size <= 0 {
		WriteJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	s.mu.Lock()
	s.fileSeq++
	id := fmt.Sprintf("F%07d", s.fileSeq)
	if s.uploads == nil {
		s.uploads = map[string]*Upload{}
	}
	s.uploads[id] = &Upload{ID: id, Name: v.Get("filename")}
	s.uploadOrder = append(s.uploadOrder, id)
	s.mu.Unlock()
	WriteJSON(w, map[string]any{"ok": true, "file_id": id, "upload_url": s.srv.URL + "/upload/" + id})
}

// receiveUpload takes the multipart body slack-go posts, hashing the file
// part as it streams in.
func (s *Server) receiveUpload(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/upload/")
	mr, err := r.MultipartReader()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	h := sha256.New()
	var n int64
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if part.FormName() == "file" {
			if n, err = io.Copy(h, part); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
		}
	}
	s.mu.Lock()
	up, ok := s.uploads[id]
	if ok {
		up.Size, up.SHA256 = n, hex.EncodeToString(h.Sum(nil))
	}
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	s.record("upload", r)
	w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(w, "OK - "+strconv.FormatInt(n, 10))
}

func (s *Server) completeUpload(w http.ResponseWriter, r *http.Request) {
	v := s.record("files.completeUploadExternal", r)
	var files []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(v.Get("files")), &files); err != nil || len(files) == 0 {
		WriteJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	defer s.poke() // after the unlock: the upload is shared now
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []map[string]any{}
	var shared []File
	for _, f := range files {
		up, ok := s.uploads[f.ID]
		if !ok || up.SHA256 == "" {
			WriteJSON(w, map[string]any{"ok": false, "error": "file_not_found"})
			return
		}
		up.Channel, up.Thread, up.Comment, up.Completed = v.Get("channel_id"), v.Get("thread_ts"), v.Get("initial_comment"), true
		out = append(out, map[string]any{"id": f.ID, "title": f.Title})
		shared = append(shared, File{ID: f.ID, Name: up.Name, Title: f.Title, Size: int(up.Size)})
	}
	if !s.discard {
		s.posted = append(s.posted, postedMessage{Type: "message", Channel: v.Get("channel_id"), TS: s.nextTSLocked(),
			ThreadTS: v.Get("thread_ts"), Text: v.Get("initial_comment"), User: BotUser, Files: shared})
	}
	WriteJSON(w, map[string]any{"ok": true, "files": out})
}

// UploadedNames lists the files of a recorded completeUploadExternal call,
// as its "files" form value carries them, one "📎 title" a line: how the
// demo and the playground show an upload.
func UploadedNames(c Call) string {
	var fs []struct {
		Title string `json:"title"`
	}
	if json.Unmarshal([]byte(c.Form.Get("files")), &fs) != nil {
		return ""
	}
	var out []string
	for _, f := range fs {
		out = append(out, "📎 "+f.Title)
	}
	return strings.Join(out, "\n")
}
