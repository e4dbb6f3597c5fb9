package cloud

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
	"time"
)

// maxAnswerBytes bounds a Graph API answer read into memory (media bytes
// are streamed, never read through it).
const maxAnswerBytes = 1 << 20

// GraphError is an error answer of the Graph API.
type GraphError struct {
	HTTPStatus int
	Code       int
	Subcode    int
	Message    string
	// RetryAfter is what a Retry-After header asked for, if any.
	RetryAfter time.Duration
}

func (e *GraphError) Error() string {
	return fmt.Sprintf("graph api %d (code %d/%d): %s", e.HTTPStatus, e.Code, e.Subcode, e.Message)
}

// Client calls the Graph API for one business phone number. It is a thin
// net/http client: no Go library for the Cloud API is mature enough to
// depend on, and the few calls the bot makes are plain JSON.
type Client struct {
	base    string
	phoneID string
	token   string
	http    *http.Client
}

// NewClient builds a client on base (e.g. https://graph.facebook.com/v21.0).
func NewClient(base, phoneNumberID, token string, hc *http.Client) *Client {
	if hc == nil {
		hc = &http.Client{Timeout: 5 * time.Minute}
	}
	return &Client{base: strings.TrimRight(base, "/"), phoneID: phoneNumberID, token: token, http: hc}
}

func (c *Client) do(ctx context.Context, method, endpoint, contentType string, body io.Reader, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, endpoint, body)
	if err != nil {
		return fmt.Errorf("graph api request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("graph api %s: %w", method, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswerBytes))
	if err != nil {
		return fmt.Errorf("graph api answer: %w", err)
	}
	if resp.StatusCode >= 300 {
		return graphError(resp, raw)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("graph api answer: %w", err)
	}
	return nil
}

func graphError(resp *http.Response, raw []byte) error {
	var body struct {
		Error struct {
			Message   string `json:"message"`
			Code      int    `json:"code"`
			Subcode   int    `json:"error_subcode"`
			ErrorData struct {
				Details string `json:"details"`
			} `json:"error_data"`
		} `json:"error"`
	}
	_ = json.Unmarshal(raw, &body)
	e := &GraphError{HTTPStatus: resp.StatusCode, Code: body.Error.Code, Subcode: body.Error.Subcode, Message: body.Error.Message}
	if d := body.Error.ErrorData.Details; d != "" && !strings.Contains(e.Message, d) {
		e.Message = strings.TrimSpace(e.Message + " " + d)
	}
	if e.Message == "" {
		e.Message = http.StatusText(resp.StatusCode)
	}
	if secs, err := time.ParseDuration(resp.Header.Get("Retry-After") + "s"); err == nil && secs > 0 {
		e.RetryAfter = secs
	}
	return e
}

// Check asks for the phone number's own record: a token Meta refuses (or
// a number it does not give access to) fails here, at start.
func (c *Client) Check(ctx context.Context) error {
	return c.do(ctx, http.MethodGet, c.base+"/"+url.PathEscape(c.phoneID)+"?fields=id,display_phone_number", "", nil, nil)
}

// SendMessage posts one message (text, media by id, template) and returns
// Meta's id for it.
func (c *Client) SendMessage(ctx context.Context, msg map[string]any) (string, error) {
	msg["messaging_product"] = "whatsapp"
	raw, err := json.Marshal(msg)
	if err != nil {
		return "", fmt.Errorf("encode message: %w", err)
	}
	var out struct {
		Messages []struct {
			ID string `json:"id"`
		} `json:"messages"`
	}
	if err := c.do(ctx, http.MethodPost, c.base+"/"+url.PathEscape(c.phoneID)+"/messages", "application/json", bytes.NewReader(raw), &out); err != nil {
		return "", err
	}
	if len(out.Messages) == 0 || out.Messages[0].ID == "" {
		return "", errors.New("graph api accepted the message but named no id")
	}
	return out.Messages[0].ID, nil
}

// Upload stores a file on Meta's servers for this number and returns its
// media id. The body streams from r: a 100 MB document is never in memory.
func (c *Client) Upload(ctx context.Context, r io.Reader, name, mimeType string) (string, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		err := func() error {
			if err := mw.WriteField("messaging_product", "whatsapp"); err != nil {
				return err
			}
			if err := mw.WriteField("type", mimeType); err != nil {
				return err
			}
			h := textproto.MIMEHeader{}
			h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, name))
			h.Set("Content-Type", mimeType)
			part, err := mw.CreatePart(h)
			if err != nil {
				return err
			}
			if _, err := io.Copy(part, r); err != nil {
				return err
			}
			return mw.Close()
		}()
		pw.CloseWithError(err)
	}()
	var out struct {
		ID string `json:"id"`
	}
	err := c.do(ctx, http.MethodPost, c.base+"/"+url.PathEscape(c.phoneID)+"/media", mw.FormDataContentType(), pr, &out)
	// The writer goroutine ends once the pipe's reader is closed.
	pr.Close()
	if err != nil {
		return "", err
	}
	if out.ID == "" {
		return "", errors.New("graph api stored the file but named no id")
	}
	return out.ID, nil
}

// MediaInfo is where a received file can be downloaded: URL is valid for
// five minutes and needs the bearer token.
type MediaInfo struct {
	URL      string `json:"url"`
	MIMEType string `json:"mime_type"`
	SHA256   string `json:"sha256"`
	FileSize int64  `json:"file_size"`
	ID       string `json:"id"`
}

// Media looks up a received file by its id (the first of two steps).
func (c *Client) Media(ctx context.Context, id string) (MediaInfo, error) {
	var out MediaInfo
	err := c.do(ctx, http.MethodGet, c.base+"/"+url.PathEscape(id), "", nil, &out)
	if err == nil && out.URL == "" {
		err = fmt.Errorf("graph api named no download address for media %s", id)
	}
	return out, err
}

// Download streams a media URL (the second step) into dst, refusing more
// than limit bytes.
func (c *Client) Download(ctx context.Context, mediaURL string, dst io.Writer, limit int64) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, mediaURL, nil)
	if err != nil {
		return 0, fmt.Errorf("media download: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, fmt.Errorf("media download: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, maxAnswerBytes))
		return 0, graphError(resp, raw)
	}
	n, err := io.Copy(dst, io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return n, fmt.Errorf("media download: %w", err)
	}
	if n > limit {
		return n, errTooLarge
	}
	return n, nil
}

var errTooLarge = errors.New("media larger than its limit")
