package bibtex

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// isoDate is one side of a biblatex date: 1921, 1921-04 or 1921-04-05, with
// an optional EDTF ~ or ? for circa and uncertain.
var isoDate = regexp.MustCompile(`^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?([~?%]?)$`)

// yearNumber finds years in free text such as "c. 1921" or "1922–1927".
var yearNumber = regexp.MustCompile(`\d{3,4}`)

// issued builds a CSL date from a biblatex date field or from BibTeX's year,
// month and day; nil when all are empty. A year that holds no number is kept
// as a literal ("n.d.", "forthcoming").
func issued(date, year, month, day string) *bib.Date {
	if d := isoRange(date); d != nil {
		return d
	}
	if year == "" {
		year = date
	}
	year = strings.TrimSpace(year)
	if year == "" {
		return nil
	}
	years := yearNumber.FindAllStringIndex(year, 2)
	if len(years) == 0 {
		return &bib.Date{Literal: year}
	}
	first := atoi(year[years[0][0]:years[0][1]])
	d := &bib.Date{DateParts: [][]int{{first}}}
	if m := monthNumber(month); m > 0 {
		d.DateParts[0] = append(d.DateParts[0], m)
		if dd := atoi(strings.TrimSpace(day)); dd >= 1 && dd <= 31 {
			d.DateParts[0] = append(d.DateParts[0], dd)
		}
	}
	if len(years) == 2 && isRangeSeparator(year[years[0][1]:years[1][0]]) {
		d.DateParts = append(d.DateParts, []int{atoi(year[years[1][0]:years[1][1]])})
	}
	lower := strings.ToLower(year)
	d.Circa = strings.HasPrefix(lower, "c") || strings.Contains(lower, "?") || strings.HasPrefix(year, "[")
	return d
}

// isRangeSeparator reports whether the text between two years joins them
// as a range.
func isRangeSeparator(s string) bool {
	s = strings.TrimSpace(s)
	return s == "-" || s == "–" || s == "—" || s == "/"
}

// isoRange parses a biblatex date or date range ("1921-04-05", "1922/1927").
func isoRange(s string) *bib.Date {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	d := &bib.Date{}
	for i, side := range strings.SplitN(s, "/", 2) {
		side = strings.TrimSpace(side)
		if i == 1 && (side == "" || side == "..") {
			continue // open-ended range: 1921/ or 1921/..
		}
		m := isoDate.FindStringSubmatch(side)
		if m == nil {
			return nil
		}
		parts := []int{atoi(m[1])}
		if m[2] != "" {
			parts = append(parts, atoi(m[2]))
			if m[3] != "" {
				parts = append(parts, atoi(m[3]))
			}
		}
		if len(parts) > 1 && (parts[1] < 1 || parts[1] > 12) && (parts[1] < 21 || parts[1] > 24) {
			return nil
		}
		if m[4] != "" {
			d.Circa = true
		}
		d.DateParts = append(d.DateParts, parts)
	}
	if len(d.DateParts) == 0 {
		return nil
	}
	return d
}

var monthNames = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// monthNumber reads a month as a number (4, 04) or an English name or
// abbreviation ("April", "Apr.", "apr"); 0 when it is neither.
func monthNumber(s string) int {
	s = strings.ToLower(strings.TrimSpace(s))
	if n := atoi(s); n >= 1 && n <= 12 {
		return n
	}
	if len(s) >= 3 {
		return monthNames[s[:3]]
	}
	return 0
}

// atoi returns the number s spells, or 0.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}
