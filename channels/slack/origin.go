package slackchannel

import (
	"fmt"
	"slices"

	"github.com/slack-go/slack"
)

// Origin is the installation requests must come from. A valid signature
// proves the request is for this app, not for this workspace: an app
// installed in several workspaces signs every one's requests with the same
// secret.
type Origin struct {
	// Teams are the accepted workspace ids; with Enterprises also empty,
	// the workspace is not checked.
	Teams []string
	// Enterprises are Enterprise Grid organizations every workspace of
	// which is accepted (an org-wide install).
	Enterprises []string
	// AppID is the api_app_id every request must carry; empty: not checked.
	AppID string
}

// requestFrom is where one request says it comes from. Teams holds every
// workspace id the payload names for the installation: an event in a
// Slack Connect channel carries the workspace it happened in and, in
// authorizations, the one it is delivered to.
type requestFrom struct {
	Teams        []string
	EnterpriseID string
	AppID        string
}

// check says why a request is not for this installation, or nil. The
// threat is Slack itself delivering, with this app's signature, requests
// of another installation, and those always name their workspace and app:
// a payload that names none is not another installation's, so only ids
// that are present are compared.
func (o Origin) check(r requestFrom) error {
	if o.AppID != "" && r.AppID != "" && r.AppID != o.AppID {
		return fmt.Errorf("api_app_id %q is not this app (%s)", r.AppID, o.AppID)
	}
	if len(o.Teams) == 0 && len(o.Enterprises) == 0 || !r.names() {
		return nil
	}
	for _, t := range r.Teams {
		if t != "" && slices.Contains(o.Teams, t) {
			return nil
		}
	}
	if r.EnterpriseID != "" && slices.Contains(o.Enterprises, r.EnterpriseID) {
		return nil
	}
	return fmt.Errorf("team %v (enterprise %q) is not this installation's", r.Teams, r.EnterpriseID)
}

// names reports whether the request names any workspace or organization.
func (r requestFrom) names() bool {
	return r.EnterpriseID != "" || slices.ContainsFunc(r.Teams, func(t string) bool { return t != "" })
}

func (e outerEvent) from() requestFrom {
	r := requestFrom{Teams: []string{e.TeamID}, EnterpriseID: e.EnterpriseID, AppID: e.APIAppID}
	for _, a := range e.Authorizations {
		r.Teams = append(r.Teams, a.TeamID)
		if r.EnterpriseID == "" {
			r.EnterpriseID = a.EnterpriseID
		}
	}
	return r
}

func commandFrom(cmd slack.SlashCommand) requestFrom {
	return requestFrom{Teams: []string{cmd.TeamID}, EnterpriseID: cmd.EnterpriseID, AppID: cmd.APIAppID}
}

// interactionFrom reads team.id, the installation's workspace; user.team_id
// is the presser's own, another one in a Slack Connect channel.
func interactionFrom(cb slack.InteractionCallback) requestFrom {
	return requestFrom{Teams: []string{cb.Team.ID}, EnterpriseID: cb.Enterprise.ID, AppID: cb.APIAppID}
}

// authorization is one entry of an event's authorizations: the
// installation it is delivered to.
type authorization struct {
	TeamID       string `json:"team_id"`
	EnterpriseID string `json:"enterprise_id"`
}
