package ticketing

import (
	"strings"

	"supportbot/ticketing/wording"
)

// PhoneLanguage is the language a number nobody invited is answered in,
// read from its country code: Argentina's (+54) voseo, Chile's (+56) tú,
// English for any other country.
func PhoneLanguage(phone string) wording.Language {
	switch {
	case strings.HasPrefix(phone, "+54"):
		return CountryAR.Language()
	case strings.HasPrefix(phone, "+56"):
		return CountryCL.Language()
	}
	return wording.English
}
