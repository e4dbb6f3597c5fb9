package wording

// deskTexts is what only staff read, in desk.language: one row per key,
// es-AR, es-CL, en.
var deskTexts = map[string]Text{}
