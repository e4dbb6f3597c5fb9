// Package wording holds every text the bot writes to people, in each
// language it speaks, and renders times and durations the way the desk
// writes them, on the reader's clock.
//
// A client reads the language of their client (clients[].language: es-AR
// with voseo, es-CL with tú, en); staff read desk.language. Texts are
// looked up by stable keys ("ticket.opened.head") in golang.org/x/text's
// message catalog, built from the tables in texts_*.go.
//
// To add a text:
//
//  1. Pick a key: area.what, lower case, never reused for another meaning.
//  2. Add one row to a table: clientTexts (texts_client.go) for anything a
//     client reads, deskTexts (texts_desk.go) for staff only; a text whose
//     wording depends on a count goes to plurals (texts_plural.go), with
//     its one/other forms and the count as the first argument.
//  3. Write it in the three columns, es-AR (voseo: "escribí", "tenés"),
//     es-CL (tú: "escribe", "tienes") and en, with the same verbs (%d, %s)
//     in the same order.
//  4. Render it with Language.Say(key, args...).
//
// The package's tests fail when a column is empty, when the columns' verbs
// differ, when a text in es-CL or en uses a voseo form or an English one
// reads as Spanish; bot's tests fail when code in bot, schedules or app names
// a key no table has, and walk a client through the bot in each language.
package wording
