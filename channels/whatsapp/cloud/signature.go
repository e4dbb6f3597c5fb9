package cloud

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// SignatureHeader carries Meta's HMAC-SHA256 of a webhook's raw body,
// keyed with the app secret: "sha256=<hex>".
const SignatureHeader = "X-Hub-Signature-256"

// Sign is the header value Meta sends for body; the fake Graph API and the
// tests sign with it.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// ValidSignature checks header against body in constant time. An empty
// secret never validates: an unconfigured bot must not take anything.
func ValidSignature(secret string, body []byte, header string) bool {
	hexSum, ok := strings.CutPrefix(strings.TrimSpace(header), "sha256=")
	if secret == "" || !ok {
		return false
	}
	got, err := hex.DecodeString(hexSum)
	if err != nil || len(got) != sha256.Size {
		return false
	}
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return hmac.Equal(got, m.Sum(nil))
}
