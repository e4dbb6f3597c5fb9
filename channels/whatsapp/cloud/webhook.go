package cloud

// The webhook's JSON as Meta sends it for the messages field of a WhatsApp
// Business Account. Only what the bot uses is declared.

// Payload is one webhook delivery: several entries, each with several
// changes, each with several messages and statuses.
type Payload struct {
	Object string  `json:"object"`
	Entry  []Entry `json:"entry"`
}

type Entry struct {
	ID      string   `json:"id"`
	Changes []Change `json:"changes"`
}

type Change struct {
	Field string `json:"field"`
	Value Value  `json:"value"`
}

type Value struct {
	MessagingProduct string `json:"messaging_product"`
	Metadata         struct {
		DisplayPhoneNumber string `json:"display_phone_number"`
		PhoneNumberID      string `json:"phone_number_id"`
	} `json:"metadata"`
	Contacts []struct {
		Profile struct {
			Name string `json:"name"`
		} `json:"profile"`
		WaID string `json:"wa_id"`
	} `json:"contacts"`
	Messages []Message     `json:"messages"`
	Statuses []StatusEvent `json:"statuses"`
}

type Message struct {
	From      string `json:"from"`
	ID        string `json:"id"`
	Timestamp string `json:"timestamp"`
	Type      string `json:"type"`
	Text      *struct {
		Body string `json:"body"`
	} `json:"text,omitempty"`
	Image    *Media `json:"image,omitempty"`
	Document *Media `json:"document,omitempty"`
	Audio    *Media `json:"audio,omitempty"`
	Video    *Media `json:"video,omitempty"`
	Sticker  *Media `json:"sticker,omitempty"`
	Reaction *struct {
		MessageID string `json:"message_id"`
		Emoji     string `json:"emoji"`
	} `json:"reaction,omitempty"`
	Button *struct {
		Text    string `json:"text"`
		Payload string `json:"payload"`
	} `json:"button,omitempty"`
	Interactive *struct {
		Type        string `json:"type"`
		ButtonReply *struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"button_reply,omitempty"`
		ListReply *struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"list_reply,omitempty"`
	} `json:"interactive,omitempty"`
	Context *struct {
		From string `json:"from"`
		ID   string `json:"id"`
	} `json:"context,omitempty"`
	Errors []GraphErrorBody `json:"errors,omitempty"`
}

// Media is an attachment as the webhook announces it; the bytes are
// fetched separately by ID.
type Media struct {
	ID       string `json:"id"`
	MIMEType string `json:"mime_type"`
	SHA256   string `json:"sha256"`
	Caption  string `json:"caption"`
	Filename string `json:"filename"`
	Voice    bool   `json:"voice"`
}

// StatusEvent is what Meta reports of a message the bot sent.
type StatusEvent struct {
	ID          string           `json:"id"`
	Status      string           `json:"status"`
	Timestamp   string           `json:"timestamp"`
	RecipientID string           `json:"recipient_id"`
	Callback    string           `json:"biz_opaque_callback_data"`
	Errors      []GraphErrorBody `json:"errors"`
}

// GraphErrorBody is an error as both the Graph API and webhooks write it.
type GraphErrorBody struct {
	Code      int    `json:"code"`
	Title     string `json:"title"`
	Message   string `json:"message"`
	Subcode   int    `json:"error_subcode"`
	ErrorData struct {
		Details string `json:"details"`
	} `json:"error_data"`
}
