package app

// Usage texts of the subcommands, kept here so cmd/supportbot stays wiring
// and flags.
const (
	// ClassifyUsage is `supportbot classify -h`; %.2f is the default threshold.
	ClassifyUsage = `usage: supportbot classify [-config PATH] < messages.txt
       supportbot classify [-config PATH] -eval labelled.jsonl

Reads one client message per line, as plain text or as {"text":"…"}, and prints
{"kind":…,"priority":…,"confidence":…,"ask":…,"no_case":…,"doubtful_critical":…,"cues":[…]}
per message. ask is true below classifier.min_confidence (default %.2f without -config).
With -config, the model retrained by "intents train" is used when present.

With -eval, classifies every labelled message of the file and prints kind
accuracy, per-kind precision and recall, the confusion matrix, critical recall,
the false-critical rate, incident priority accuracy and every miss.

`
	// SLAUsage is `supportbot sla -h`.
	SLAUsage = `usage: supportbot sla [-config PATH] < cases.jsonl

Reads one case per line, e.g.
  {"plan":"estandar","country":"AR","tz":"America/Argentina/Buenos_Aires","kind":"incidente","priority":"alta","at":"2026-04-01T17:00:00-03:00","extra_holidays":["2026-07-10"]}
and prints {"clock_start":"…","due":"…"} (RFC 3339, client's zone) or {"error":"…"}.
plan defaults to estandar; priority to the default priority except for incidente;
incidente_critico is always critica. Targets are the defaults unless -config is given.

`
	// ReportUsage is `supportbot report -h`.
	ReportUsage = `usage: supportbot report [-month YYYY-MM] [-client ID] [-format text|csv|html] [-config PATH]
       [-lang es-AR|es-CL|en] [-csv-sep SEP] [-locale es-AR|es-CL|en] [-bom] [-breaches] [-slack-url URL]

First the desk-wide breach list: every first-response and next-response
deadline missed in the month, newest first, with client, focal point and
who answered (-format csv -breaches gives it as CSV, with a clock column).
Per client and priority: tickets, first responses within target, median and
p90 first-response time in attended hours, breaches, pending and closed
without response, critical incidents sent to the Service Desk and
auto-closed tickets; and the seed's 80-40 service factor for the bot (first
answer within 40 s) and for people (first response within target). Then
each breached ticket with a link to its Slack thread, the desk per focal
point, kind and channel, and a six-month trend. Each client's month runs in
the client's own time zone; "Generado" is on desk.timezone's clock.
-lang picks the language (default desk.language).

`
)
