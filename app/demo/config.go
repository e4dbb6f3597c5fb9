package demo

// Config is the demo's configuration: its clients, staff and SLA, with the
// store and Slack filled in from ${DEMO_STORE}, ${DEMO_WHATSAPP_STORE},
// ${DEMO_SECRET} and ${DEMO_SLACK_URL}. The playground starts from it too,
// so both show the same desk.
func Config() []byte { return demoConfig }
