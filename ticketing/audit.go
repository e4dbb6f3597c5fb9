package ticketing

// AuditAction names what an audit line records. The spellings are stored
// and read back (the monthly report counts some of them): never change one.
type AuditAction string

// Written by the router.
const (
	AuditTicketOpened    AuditAction = "ticket_opened"
	AuditFirstResponse   AuditAction = "first_response"
	AuditClientReplied   AuditAction = "client_replied"
	AuditCriticalOpened  AuditAction = "critical_opened"
	AuditCriticalRefused AuditAction = "critical_refused"
	AuditContractRefused AuditAction = "contract_refused"
	AuditTaken           AuditAction = "taken"
	AuditResolved        AuditAction = "resolved"
	AuditEscalated       AuditAction = "escalated"
	AuditMoved           AuditAction = "moved"
	AuditClosed          AuditAction = "closed"
	AuditKindChosen      AuditAction = "kind_chosen"
	AuditKindChanged     AuditAction = "kind_changed"
	AuditPriorityChanged AuditAction = "priority_changed"
	AuditAbsent          AuditAction = "ausente"
	AuditPresent         AuditAction = "presente"
	AuditContactInvited  AuditAction = "whatsapp_invited"
	AuditContactRevoked  AuditAction = "whatsapp_revoked"
	AuditUnknownContact  AuditAction = "whatsapp_unknown"
	AuditChatLinkLost    AuditAction = "whatsapp_lost"
	AuditMessageEdited   AuditAction = "message_edited"
	AuditMessageDeleted  AuditAction = "message_deleted"
	// A doubtful critical: the client was asked whether the whole operation
	// is down, and answered (si, no) or not (sin_respuesta).
	AuditCriticalAsked    AuditAction = "critical_asked"
	AuditCriticalAnswered AuditAction = "critical_answered"
	// The desk said a message sent to the phone was not critical and opened
	// its ticket.
	AuditCriticalOverruled AuditAction = "critical_overruled"
	// Satisfaction: the client was asked to rate a closed ticket, rated it
	// (1–5) and may have added a comment.
	AuditCSATAsked     AuditAction = "csat_asked"
	AuditCSATRated     AuditAction = "csat_rated"
	AuditCSATCommented AuditAction = "csat_commented"
	// A staff answer to a client message that waited after the first
	// response, and a ticket set to wait on the client (/soporte esperando).
	AuditNextResponse AuditAction = "next_response"
	AuditWaiting      AuditAction = "waiting_on_client"
)

// Written by the scheduler.
const (
	AuditAutoCloseNotice AuditAction = "autoclose_notice"
	AuditAutoClosed      AuditAction = "auto_closed"
	AuditTestingReminder AuditAction = "testing_reminder"
	AuditSLABreached     AuditAction = "sla_breached"
	// A next-response deadline passed without a staff answer.
	AuditNextBreached AuditAction = "next_response_breached"
)

// Written by maintenance: personal-data erasure, retention and reloads.
const (
	AuditPrivacyErased  AuditAction = "privacy_erased"
	AuditRetentionRun   AuditAction = "retention_purged"
	AuditConfigReloaded AuditAction = "config_reloaded"
	AuditConfigRejected AuditAction = "config_rejected"
	AuditChatLinkAlert  AuditAction = "whatsapp_link"
	AuditNoteAdded      AuditAction = "note_added"
)
