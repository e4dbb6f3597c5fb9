package playground

import (
	"reflect"
	"testing"
)

// A Home's buttons keep their place under the ticket they act on, whose
// section may span lines.
func TestHomeBlocksPlaceButtons(t *testing.T) {
	view := `{"type":"home","blocks":[
{"type":"header","text":{"type":"plain_text","text":"Mis tickets"}},
{"type":"section","text":{"type":"mrkdwn","text":"*#1* · ACME\nno cargan"}},
{"type":"actions","block_id":"b1","elements":[{"type":"button","action_id":"ticket_take","value":"1","text":{"type":"plain_text","text":"Tomar"}}]},
{"type":"divider"},
{"type":"section","text":{"type":"mrkdwn","text":"*#2* · Andes"}},
{"type":"actions","block_id":"b2","elements":[{"type":"button","action_id":"ticket_resolve","value":"2","text":{"type":"plain_text","text":"Resolver"}}]}]}`
	text, buttons := homeBlocks(view)
	if want := "*Mis tickets*\n*#1* · ACME\nno cargan\n──────\n*#2* · Andes"; text != want {
		t.Errorf("text = %q, want %q", text, want)
	}
	want := []Button{
		{ActionID: "ticket_take", BlockID: "b1", Value: "1", Label: "Tomar", Line: 3},
		{ActionID: "ticket_resolve", BlockID: "b2", Value: "2", Label: "Resolver", Line: 5},
	}
	if !reflect.DeepEqual(buttons, want) {
		t.Errorf("buttons = %+v\nwant %+v", buttons, want)
	}
}
