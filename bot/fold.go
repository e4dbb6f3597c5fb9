package bot

import "strings"

var accentFolder = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ü", "u", "Á", "a", "É", "e", "Í", "i", "Ó", "o", "Ú", "u")

// fold lowercases and drops Spanish accents so "Crítico" and "critico" are
// the same command word.
func fold(s string) string { return strings.ToLower(accentFolder.Replace(s)) }
