package whatsappchannel

// DefaultFileName names a file WhatsApp sent without one ("imagen.jpg"),
// for either transport.
func DefaultFileName(kind, mimeType string) string { return defaultName(kind, mimeType) }
