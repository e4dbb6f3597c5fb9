package slackchannel

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/slack-go/slack"

	"supportbot/channels"
	"supportbot/ticketing"
)

// attachments turns the files of a message into the bot's references: the
// file id is what fetches it again (files.info), the permalink what a
// person opens.
func attachments(files []slack.File) []ticketing.Attachment {
	var out []ticketing.Attachment
	for _, f := range files {
		if f.ID == "" {
			continue
		}
		name, _ := channels.CleanText(f.Name, 255)
		if name == "" {
			name = f.ID
		}
		out = append(out, ticketing.Attachment{Name: name, MIME: f.Mimetype, Kind: ticketing.FileKindOf(f.Mimetype), Size: int64(f.Size),
			Source: ticketing.PlatformSlack, Ref: f.ID, Link: f.Permalink})
	}
	return out
}

var _ channels.FileSource = (*Sender)(nil)

// FetchFile downloads a Slack file with the bot token (files:read): its
// private download URL, asked afresh, into dst.
func (s *Sender) FetchFile(ctx context.Context, f ticketing.Attachment, dst *os.File) error {
	info, _, _, err := s.client.GetFileInfoContext(ctx, f.Ref, 0, 0)
	if err != nil {
		return classify("files.info", err)
	}
	url := info.URLPrivateDownload
	if url == "" {
		url = info.URLPrivate
	}
	if url == "" {
		return &channels.PermanentError{Err: fmt.Errorf("slack file %s has no download url", f.Ref)}
	}
	if err := s.client.GetFileContext(ctx, url, dst); err != nil {
		return fmt.Errorf("slack download %s: %w", f.Ref, err)
	}
	return nil
}

// sendFile uploads item's file into its conversation through the external
// upload flow (files.getUploadURLExternal, the upload, then
// files.completeUploadExternal with the text as its comment) and returns
// the file id.
func (s *Sender) sendFile(ctx context.Context, item ticketing.OutboxItem) (string, error) {
	if item.Mode != ticketing.ModePost {
		return "", &channels.PermanentError{Err: fmt.Errorf("slack cannot deliver a file as %q", item.Route())}
	}
	if s.files == nil {
		return "", &channels.PermanentError{Err: errors.New("slack sender has no file sources")}
	}
	sp, err := s.files.Spool(ctx, *item.File, s.tempDir, channels.SlackFileLimit)
	if err != nil {
		return "", err
	}
	defer sp.Close()
	if sp.Size == 0 {
		return "", &channels.PermanentError{Err: fmt.Errorf("slack file %s is empty", item.File.Name)}
	}
	up, err := s.client.GetUploadURLExternalContext(ctx, slack.GetUploadURLExternalParameters{FileName: item.File.Name, FileSize: int(sp.Size)})
	if err != nil {
		return "", classify("files.getUploadURLExternal", err)
	}
	if err := s.client.UploadToURL(ctx, slack.UploadToURLParameters{UploadURL: up.UploadURL, Reader: sp, Filename: item.File.Name}); err != nil {
		return "", fmt.Errorf("slack upload %s: %w", item.File.Name, err)
	}
	done, err := s.client.CompleteUploadExternalContext(ctx, slack.CompleteUploadExternalParameters{
		Files: []slack.FileSummary{{ID: up.FileID, Title: item.File.Name}}, Channel: item.To.Address,
		ThreadTimestamp: item.To.Thread, InitialComment: item.Text,
	})
	if err != nil {
		return "", classify("files.completeUploadExternal", err)
	}
	if len(done.Files) == 0 {
		return "", fmt.Errorf("slack files.completeUploadExternal for %s: no file in answer", item.File.Name)
	}
	return done.Files[0].ID, nil
}
