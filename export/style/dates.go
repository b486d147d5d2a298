package style

import (
	"strconv"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var seasonNames = [...]string{"Spring", "Summer", "Autumn", "Winter"}

// dateForm is how much of a date is written.
type dateForm int

const (
	yearOnly     dateForm = iota // 1990
	fullDate                     // March 3, 1990
	monthDayOnly                 // March 3 (the year is written elsewhere)
	dayMonthYear                 // 3 March 1990
)

// formatDate writes d in the given form; ranges are joined with an en dash.
// It returns "" when d holds nothing writable.
func formatDate(d *bib.Date, form dateForm) string {
	if d == nil {
		return ""
	}
	if len(d.DateParts) == 0 {
		if form == monthDayOnly {
			return ""
		}
		return d.Literal
	}
	from := formatParts(d.DateParts[0], d.Season, form)
	if len(d.DateParts) > 1 {
		to := formatParts(d.DateParts[1], 0, form)
		switch {
		case to == "" && form != monthDayOnly && from != "":
			from += "–" // an open range: 2009–
		case to != "" && to != from:
			from += "–" + to
		}
	}
	if d.Circa && from != "" && form != monthDayOnly {
		from = "ca. " + from
	}
	return from
}

func formatParts(parts []int, season int, form dateForm) string {
	year, month, day := 0, 0, 0
	if len(parts) > 0 {
		year = parts[0]
	}
	if len(parts) > 1 {
		month = parts[1]
	}
	if len(parts) > 2 {
		day = parts[2]
	}
	y := yearText(year)
	if form == yearOnly {
		return y
	}
	m := ""
	switch {
	case month >= 1 && month <= 12:
		m = monthNames[month-1]
	case month >= 13 && month <= 16:
		m = seasonNames[month-13]
	case season >= 1 && season <= 4:
		m = seasonNames[season-1]
	}
	if m == "" {
		day = 0
	}
	md := m
	if day > 0 && day <= 31 {
		md = m + " " + strconv.Itoa(day)
		if form == dayMonthYear {
			md = strconv.Itoa(day) + " " + m
		}
	}
	switch form {
	case monthDayOnly:
		return md
	case dayMonthYear:
		return joinWords(md, y)
	}
	if day > 0 && day <= 31 && m != "" {
		return md + ", " + y
	}
	return joinWords(md, y)
}

// yearText writes a year; years before the common era get "BC".
func yearText(year int) string {
	switch {
	case year > 0:
		return strconv.Itoa(year)
	case year < 0:
		return strconv.Itoa(-year) + " BC"
	}
	return ""
}

// pageRange writes page ranges with an en dash, shortening the second
// number as Chicago (16th and later) does: 3–10, 71–72, 100–104, 101–8,
// 321–28, 1087–89, i135–41 (and, as citeproc-js, 1496–500). Comma-separated ranges are each
// shortened. Anything else is returned with its hyphens as en dashes.
func pageRange(s string) string {
	s = strings.TrimSpace(s)
	if strings.Contains(s, ",") {
		parts := strings.Split(s, ",")
		for i, p := range parts {
			parts[i] = pageRange(p)
		}
		return strings.Join(parts, ", ")
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '–' || r == '—' })
	if len(parts) != 2 || strings.Count(s, "-")+strings.Count(s, "–")+strings.Count(s, "—") > 2 {
		return strings.ReplaceAll(strings.ReplaceAll(s, "--", "–"), "-", "–")
	}
	from, to := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
	prefix := strings.TrimRight(from, "0123456789")
	if prefix != "" && strings.HasPrefix(to, prefix) && len(prefix) < len(from) {
		from, to = from[len(prefix):], to[len(prefix):]
	} else {
		prefix = ""
	}
	a, errA := strconv.Atoi(from)
	b, errB := strconv.Atoi(to)
	if errA != nil || errB != nil || b <= a || len(from) != len(to) {
		return prefix + from + "–" + to
	}
	return prefix + from + "–" + chicagoSecond(a, from, to)
}

// chicagoSecond shortens the end of a range as citeproc-js does for
// page-range-format="chicago-16": past 100, and unless the start is a
// multiple of 100, drop the leading digits the two numbers share, keeping
// at least two (101–8 keeps one: 108 % 100 is 8).
func chicagoSecond(a int, from, to string) string {
	b, err := strconv.Atoi(to)
	if err != nil || a <= 100 || a%100 == 0 {
		return to
	}
	for i, div := 2, 100; i < len(to); i, div = i+1, div*10 {
		if a/div == b/div {
			return strconv.Itoa(b % div)
		}
	}
	return to
}
