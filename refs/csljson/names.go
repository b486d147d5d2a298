package csljson

import (
	"encoding/json"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// jsonName is a CSL name object as written.
type jsonName struct {
	Family              json.RawMessage `json:"family"`
	Given               json.RawMessage `json:"given"`
	DroppingParticle    json.RawMessage `json:"dropping-particle"`
	NonDroppingParticle json.RawMessage `json:"non-dropping-particle"`
	Suffix              json.RawMessage `json:"suffix"`
	Literal             json.RawMessage `json:"literal"`
}

// names reads a name list: an array of name objects or strings, a single
// name object, or a single string (a literal).
func names(raw json.RawMessage) []bib.Name {
	var list []json.RawMessage
	if unmarshal(raw, &list) != nil {
		list = []json.RawMessage{raw}
	}
	var out []bib.Name
	for _, r := range list {
		if n, ok := name(r); ok {
			out = append(out, n)
		}
	}
	return out
}

// name reads one name object or string; ok is false when it holds nothing.
func name(raw json.RawMessage) (bib.Name, bool) {
	if s := text(raw); s != "" {
		return bib.Name{Literal: s}, true
	}
	var jn jsonName
	if unmarshal(raw, &jn) != nil {
		return bib.Name{}, false
	}
	n := bib.Name{
		Family:              text(jn.Family),
		Given:               text(jn.Given),
		DroppingParticle:    text(jn.DroppingParticle),
		NonDroppingParticle: text(jn.NonDroppingParticle),
		Suffix:              text(jn.Suffix),
		Literal:             text(jn.Literal),
	}
	if strings.TrimSpace(n.Family+n.Given+n.Literal) == "" {
		return bib.Name{}, false
	}
	return n, true
}
