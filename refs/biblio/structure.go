package biblio

import (
	"strings"
	"unicode/utf8"

	"github.com/ibid-project/ibid/internal/textscan"
)

// role is what a unit is in the bibliography.
type role int

const (
	roleEntry   role = iota
	roleHeading      // a structural heading
	roleGroup        // a group header (periodical above its articles)
	roleLead         // a lead-in line inside a group ("... in the following:")
	roleNote         // prose or an annotation: neither heading nor entry
)

// parse reads the bibliography whose heading is line h (0-based).
func (d *doc) parse(h int) (Bibliography, bool) {
	end := d.end(h)
	us, stop := d.units(h+1, end)
	b := Bibliography{Heading: strings.TrimSpace(strings.Trim(d.lines[h].text, "#")), Line: h + 1}
	r := reader{d: d, us: us, levels: map[labelKind]int{}}
	r.read(&b)
	if len(b.Entries) < 1 {
		return b, false
	}
	b.EndLine = h + 1
	for i := stop - 1; i > h; i-- {
		if !d.lines[i].blank {
			b.EndLine = i + 1
			break
		}
	}
	if len(b.Entries) < 2 && end < len(d.lines) {
		return b, false
	}
	return b, true
}

// reader walks the units of one bibliography, keeping the heading stack,
// the open group and the open sub-list.
type reader struct {
	d      *doc
	us     []unit
	levels map[labelKind]int // heading level of each label kind, by first use
	stack  []printedHeading
	// lastRoman and lastUpper are the last numeral and letter used by
	// headings, to read "I." after "H." as a letter.
	lastRoman, lastUpper int
	group, lead          string
	grouped              bool // the current section has group headers
	sublist              string
	entries              []Entry
	meta                 []entryMeta
}

// entryMeta is what author inheritance needs to know about an entry.
type entryMeta struct {
	kind    labelKind
	section string // the entry's heading path and group
}

func (r *reader) read(b *Bibliography) {
	for i := range r.us {
		u := &r.us[i]
		switch r.classify(i) {
		case roleHeading:
			h := r.heading(u)
			b.Headings = append(b.Headings, h)
		case roleGroup:
			r.group, r.lead, r.grouped, r.sublist = u.text, "", true, ""
		case roleLead:
			r.lead = u.text
		case roleNote:
		case roleEntry:
			r.entry(u, i)
		}
	}
	inherit(r.entries, r.meta)
	b.Entries = r.entries
}

// classify decides the role of unit i.
func (r *reader) classify(i int) role {
	u := &r.us[i]
	next := r.next(i)
	switch u.label.kind {
	case kindBracket, kindDash:
		return roleEntry
	case kindRoman, kindUpper, kindDigit, kindLower:
		if labelledHeading(u.parts) {
			return roleHeading
		}
		if u.label.kind != kindUpper {
			return roleEntry
		}
		// A capital letter that is no heading label is an initial:
		// "R. Albert, 26 Feb. 1925".
		u.label, u.parts[0] = label{}, u.first
		u.text = joinParts(u.parts)
	}
	if r.d.markdown && markdownLevel(u.first) > 0 {
		return roleHeading
	}
	if isProse(u.text) {
		return roleNote
	}
	if i > 0 && r.group != "" && r.us[i-1].text == r.group && strings.HasPrefix(u.text, "(") && !hasYear(u.text) {
		return roleNote // "(Organ of the Party ...)" describing the periodical above
	}
	if strings.HasSuffix(u.text, ":") && !hasQuote(u.text) && len(u.lines) == 1 && next != nil {
		if r.group != "" {
			return roleLead
		}
		return roleGroup
	}
	if next != nil && strings.HasPrefix(next.text, "(") && !hasYear(next.text) && i+2 < len(r.us) {
		next = &r.us[i+2] // look past a "(description)" of a periodical
	}
	if next == nil || !headerShaped(u) {
		return roleEntry
	}
	if startsWithQuote(next.text) && groupShaped(u.text) && (r.grouped || r.quotedAfter(next)) {
		return roleGroup // a periodical above its articles
	}
	if r.grouped && groupShaped(u.text) && entryLike(next) {
		return roleGroup
	}
	if plainHeading(u.text) && entryLike(next) {
		return roleHeading
	}
	return roleEntry
}

// quotedAfter reports whether the unit after u also starts with a quoted
// title: a run of articles, not one quoted item.
func (r *reader) quotedAfter(u *unit) bool {
	for k := range r.us {
		if &r.us[k] == u {
			return k+1 < len(r.us) && startsWithQuote(r.us[k+1].text)
		}
	}
	return false
}

func (r *reader) next(i int) *unit {
	if i+1 < len(r.us) {
		return &r.us[i+1]
	}
	return nil
}

// labelledHeading reports whether the text of a labelled unit (its label
// removed) reads as a heading: one line, at most 16 words, no digits, no
// quotation marks, not ending like a sentence, a list item or a lead-in
// (period, comma, semicolon, colon).
func labelledHeading(parts []string) bool {
	if len(parts) != 1 {
		return false
	}
	s := parts[0]
	if textscan.FieldCountUpTo(s, 16) > 16 || runes(s) > 120 || hasDigit(s) || hasQuote(s) {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".,;:", r) {
		return false
	}
	return firstUpper(s)
}

// headerShaped reports an unlabelled single line short enough to be a
// heading or group header: at most 12 words, not quoted, not a sentence.
func headerShaped(u *unit) bool {
	s := u.text
	if len(u.lines) != 1 || textscan.FieldCountUpTo(s, 12) > 12 || runes(s) > 90 || startsWithQuote(s) || !firstUpper(s) {
		return false
	}
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, ";") || sentences(s) > 0 {
		return false
	}
	return !strings.Contains(s, "pp.") && !strings.Contains(s, " p. ")
}

// plainHeading reports heading text: at most eight words, no digits,
// quotation marks or commas (a comma makes "Title, Publisher").
func plainHeading(s string) bool {
	return !hasDigit(s) && !hasQuote(s) && !strings.Contains(s, ",") && textscan.FieldCountUpTo(s, 8) <= 8
}

// groupShaped reports a periodical header: a name, optionally with years
// or a parenthesis, but no day, month, volume or page.
func groupShaped(s string) bool {
	low := " " + strings.ToLower(fold(s)) + " "
	for _, w := range []string{" no.", " vol.", " p.", " pp.", " num.", " nr."} {
		if strings.Contains(low, w) {
			return false
		}
	}
	for f := range strings.FieldsSeq(low) {
		if monthWord(strings.Trim(f, ".,;:()")) {
			return false
		}
	}
	return true
}

// entryLike reports a unit that looks like a reference: it has a year or
// "n.d.", a quoted title, or a label.
func entryLike(u *unit) bool {
	return hasYear(u.text) || startsWithQuote(u.text) || u.label.kind == kindDash || u.label.kind == kindBracket ||
		u.label.kind == kindDigit && !labelledHeading(u.parts)
}

// isProse reports an explanatory paragraph that does not start with an
// author's name: eight or more words, mostly lower-case, with no year,
// quotation mark or parenthesis; or a long one (25 words or more) of two
// or more sentences.
func isProse(s string) bool {
	n := textscan.FieldCountUpTo(s, 25) // counts above 25 are told apart no further
	if n < 8 || startsWithQuote(s) || lowerRatio(s) < 0.5 {
		return false
	}
	if _, _, named := ownAuthor(s); named {
		return false // a reference that starts with its author
	}
	if !hasYear(s) && !hasQuote(s) && !strings.ContainsAny(s, "()[]") {
		return true
	}
	return n >= 25 && sentences(s) >= 2
}

var months = map[string]bool{}

func init() {
	for _, m := range strings.Fields("jan feb mar apr may jun jul aug sep sept oct nov dec " +
		"january february march april june july august september october november december " +
		"janvier fevrier fev mars avril avr mai juin juillet aout septembre octobre novembre decembre " +
		"januar februar marz juni juli oktober dezember " +
		"enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre dic") {
		months[m] = true
	}
}

func monthWord(w string) bool { return months[w] }

// heading records unit u as a heading and makes it the innermost one.
func (r *reader) heading(u *unit) Heading {
	kind, lab, title := u.label.kind, u.label.text, u.text
	if r.d.markdown && markdownLevel(u.first) > 0 {
		kind, lab, title = kindPlain, "", strings.TrimSpace(strings.Trim(u.first, "#"))
	}
	if kind == kindNone {
		kind = kindPlain
	}
	if u.label.ambiguous {
		kind = r.resolveLetter(lab)
	}
	switch kind {
	case kindRoman:
		r.lastRoman = romanValue(lab)
	case kindUpper:
		r.lastUpper = int(lab[0]-'A') + 1
	}
	level, ok := r.levels[kind]
	if !ok {
		level = len(r.levels) + 1
		r.levels[kind] = level
	}
	if r.d.markdown && markdownLevel(u.first) > 0 {
		level = markdownLevel(u.first)
	}
	h := Heading{Line: u.lines[0] + 1, Level: level, Label: lab, Title: title}
	for len(r.stack) > 0 && r.stack[len(r.stack)-1].Level >= level {
		r.stack = r.stack[:len(r.stack)-1]
	}
	printed := u.first
	if kind == kindPlain {
		printed = title
	}
	r.stack = append(r.stack, printedHeading{h, printed})
	r.group, r.lead, r.grouped, r.sublist = "", "", false, ""
	return h
}

// resolveLetter reads a single I, V or X as a roman numeral or a capital
// letter: the reading that continues its sequence wins; a letter when
// letters are in use, a numeral otherwise.
func (r *reader) resolveLetter(lab string) labelKind {
	letter := int(lab[0]-'A') + 1
	roman := romanValue(lab)
	switch {
	case r.lastUpper > 0 && letter == r.lastUpper+1:
		return kindUpper
	case roman == r.lastRoman+1:
		return kindRoman
	case r.lastUpper > 0:
		return kindUpper
	}
	return kindRoman
}

// entry records unit u (index i) as an entry.
func (r *reader) entry(u *unit, i int) {
	e := Entry{Line: u.lines[0] + 1, EndLine: u.lines[len(u.lines)-1] + 1, Raw: u.text}
	for _, l := range u.lines {
		e.Lines = append(e.Lines, l+1)
	}
	for _, h := range r.stack {
		e.Section = append(e.Section, h.printed)
	}
	if u.label.kind != kindNone {
		e.Label = u.label.text
	}
	switch u.label.kind {
	case kindDash, kindNone:
		if r.sublist != "" {
			e.Group = r.sublist
		}
	default:
		r.sublist = ""
		if next := r.next(i); next != nil && next.label.kind == kindDash && u.label.kind != kindBracket {
			r.sublist = u.text
		}
	}
	if e.Group == "" {
		e.Group, e.Lead = r.group, r.lead
	}
	r.entries = append(r.entries, e)
	r.meta = append(r.meta, entryMeta{kind: u.label.kind, section: strings.Join(e.Section, "\n") + "\n" + e.Group})
}

// printedHeading is a heading with its text as printed.
type printedHeading struct {
	Heading
	printed string
}
