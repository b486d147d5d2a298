package csljson

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// jsonDate is a CSL date object as written.
type jsonDate struct {
	DateParts json.RawMessage `json:"date-parts"`
	Season    json.RawMessage `json:"season"`
	Circa     json.RawMessage `json:"circa"`
	Literal   json.RawMessage `json:"literal"`
	Raw       json.RawMessage `json:"raw"`
}

// date reads a CSL date given as an object (date-parts of numbers or numeric
// strings, or raw or literal text) or as a bare string or number; nil when it
// holds nothing.
func date(raw json.RawMessage) *bib.Date {
	if s := text(raw); s != "" {
		return dateFromText(s)
	}
	var jd jsonDate
	if unmarshal(raw, &jd) != nil {
		return nil
	}
	d := &bib.Date{DateParts: dateParts(jd.DateParts)}
	if len(d.DateParts) == 0 {
		for _, s := range []string{text(jd.Raw), text(jd.Literal)} {
			if s != "" {
				d = dateFromText(s)
				break
			}
		}
	}
	d.Season = atoi(text(jd.Season))
	if d.Season < 1 || d.Season > 4 {
		d.Season = 0
	}
	d.Circa = d.Circa || truthy(jd.Circa)
	if len(d.DateParts) == 0 && d.Literal == "" {
		return nil
	}
	return d
}

// dateParts reads [[y, m, d], [y, m, d]] whose numbers may be strings; a flat
// [y, m, d] is taken as one date. Parts that are not numbers end a date.
func dateParts(raw json.RawMessage) [][]int {
	var outer []json.RawMessage
	if unmarshal(raw, &outer) != nil || len(outer) == 0 {
		return nil
	}
	if atoi(text(outer[0])) != 0 {
		outer = []json.RawMessage{raw}
	}
	var out [][]int
	for _, r := range outer {
		var inner []json.RawMessage
		if unmarshal(r, &inner) != nil {
			continue
		}
		var parts []int
		for _, p := range inner {
			n := atoi(text(p))
			if n == 0 {
				break
			}
			parts = append(parts, n)
			if len(parts) == 3 {
				break
			}
		}
		if len(parts) > 0 {
			out = append(out, parts)
		}
		if len(out) == 2 {
			break
		}
	}
	return out
}

var (
	// isoDate is an EDTF/ISO date: 1921, 1921-04, 1921-04-05.
	isoDate = regexp.MustCompile(`^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?[~?%]?$`)
	// yearNumber finds years in free text.
	yearNumber = regexp.MustCompile(`\d{3,4}`)
)

// dateFromText reads an EDTF date or range ("1921-04-05", "1922/1927"), or
// else the year or years in free text ("c. 1921", "Spring 1921", "1922–27"
// gives 1922); text with no year is kept as a literal.
func dateFromText(s string) *bib.Date {
	s = strings.TrimSpace(s)
	d := &bib.Date{}
	iso := true
	for _, side := range strings.SplitN(s, "/", 2) {
		m := isoDate.FindStringSubmatch(strings.TrimSpace(side))
		if m == nil {
			iso = false
			break
		}
		parts := []int{atoi(m[1])}
		for _, p := range m[2:4] {
			if p == "" || atoi(p) == 0 {
				break
			}
			parts = append(parts, atoi(p))
		}
		d.DateParts = append(d.DateParts, parts)
	}
	lower := strings.ToLower(s)
	d.Circa = strings.HasPrefix(lower, "c") || strings.ContainsAny(s, "~?")
	if iso && len(d.DateParts) > 0 {
		return d
	}
	d.DateParts = nil
	years := yearNumber.FindAllStringIndex(s, 2)
	if len(years) == 0 {
		return &bib.Date{Literal: s}
	}
	d.DateParts = [][]int{{atoi(s[years[0][0]:years[0][1]])}}
	if len(years) == 2 && strings.ContainsAny(strings.TrimSpace(s[years[0][1]:years[1][0]]), "-–—/") &&
		len(strings.TrimSpace(s[years[0][1]:years[1][0]])) <= len("—") {
		d.DateParts = append(d.DateParts, []int{atoi(s[years[1][0]:years[1][1]])})
	}
	return d
}

// truthy reads circa given as true, a non-zero number or a non-empty string.
func truthy(raw json.RawMessage) bool {
	var b bool
	if unmarshal(raw, &b) == nil {
		return b
	}
	s := text(raw)
	return s != "" && s != "0" && s != "false"
}

// atoi returns the integer s spells (a JSON number such as 1921 or 1921.0
// too), or 0.
func atoi(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == float64(int(f)) {
		return int(f)
	}
	return 0
}
