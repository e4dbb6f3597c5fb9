package ticketing

// Audit actions of the knowledge base.
const (
	// AuditKnowledgeSuggested lists the articles a client was shown; the
	// client's "this solved it" needs one on the ticket.
	AuditKnowledgeSuggested AuditAction = "knowledge_suggested"
	AuditKnowledgeSaved     AuditAction = "knowledge_saved"
	AuditKnowledgePublished AuditAction = "knowledge_published"
)
