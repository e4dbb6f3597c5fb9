package ticketing

import "strings"

// Attachment is a file on a ticket: what it is and where its bytes live.
// The store keeps this reference, never the bytes; whoever relays the file
// fetches them from the platform that holds them (Source) by Ref.
type Attachment struct {
	Name string `json:"name"`
	MIME string `json:"mime,omitempty"`
	// Kind is what the person sent it as: one of the File* kinds.
	Kind string `json:"kind"`
	Size int64  `json:"size"`
	// SHA256 is the content's hash, hex; empty until a platform or a relay
	// told it.
	SHA256 string `json:"sha256,omitempty"`
	// Source is the platform holding the bytes, Ref its handle for them
	// (a file id, a serialized media descriptor), opaque outside its adapter.
	Source Platform `json:"source"`
	Ref    string   `json:"ref"`
	// Link is where a person opens it, when the platform has one.
	Link string `json:"link,omitempty"`
}

// Kinds of file, as a person sent them.
const (
	FileImage    = "image"
	FileVideo    = "video"
	FileAudio    = "audio"
	FileVoice    = "voice"
	FileDocument = "document"
	FileSticker  = "sticker"
)

// FileKindOf is the kind of file a MIME type names, where the sender said
// no more: an audio file is a recording, not a voice note.
func FileKindOf(mime string) string {
	switch {
	case strings.HasPrefix(mime, "image/"):
		return FileImage
	case strings.HasPrefix(mime, "video/"):
		return FileVideo
	case strings.HasPrefix(mime, "audio/"):
		return FileAudio
	}
	return FileDocument
}
