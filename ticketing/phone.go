package ticketing

import (
	"errors"
	"fmt"
	"strings"
)

// ErrBadPhone is returned for anything that is not an E.164 number.
var ErrBadPhone = errors.New("not an E.164 phone number")

// IsPhone reports whether s is an E.164 number as stored: "+", a country
// code that does not start with 0, 7 to 15 digits in all. Seven, not eight,
// because a few small numbering plans (Niue's +683 4xxx) have 7-digit
// international numbers, and the bot must still be able to answer them.
func IsPhone(s string) bool {
	digits, ok := strings.CutPrefix(s, "+")
	if !ok || len(digits) < 7 || len(digits) > 15 || digits[0] == '0' {
		return false
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// phoneMarks are what people type between digits ("+54 9 (11) 5555-0101").
var phoneMarks = strings.NewReplacer(" ", "", "-", "", "(", "", ")", "", ".", "")

// ParsePhone accepts a number the way people write it and returns it in
// E.164, the one spelling stored and compared.
func ParsePhone(s string) (string, error) {
	p := phoneMarks.Replace(strings.TrimSpace(s))
	if !IsPhone(p) {
		return "", fmt.Errorf("%q: %w (want e.g. +5491123456789)", s, ErrBadPhone)
	}
	return p, nil
}
