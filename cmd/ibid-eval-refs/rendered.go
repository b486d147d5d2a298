package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/refs/cite"
)

// answerKey is the part of a rendered document's key.json we use.
type answerKey struct {
	ID         string `json:"id"`
	Style      string `json:"style"`
	StyleClass string `json:"style_class"`
	Notes      []struct {
		N     int    `json:"n"`
		Text  string `json:"text"`
		Cites []struct {
			Key string `json:"key"`
		} `json:"cites"`
	} `json:"notes"`
	Citations []struct {
		Key   string `json:"key"`
		Note  *int   `json:"note"`
		First bool   `json:"first"`
	} `json:"citations"`
	Bibliography []struct {
		Key  string `json:"key"`
		Text string `json:"text"`
	} `json:"bibliography"`
}

// record is a CSL-JSON record, decoded loosely (numbers may be strings).
type record map[string]any

// renderedFields are the compared fields in printed order.
var renderedFields = []string{"author", "title", "container-title", "issued", "publisher", "page"}

// tally counts agreements for one field.
type tally struct{ agree, total int }

func (t tally) pct() float64 { return 100 * ratio(t.agree, t.total) }

// docResult is one document's agreement per field.
type docResult struct {
	id, style       string
	entries, notes  int
	fields          map[string]*tally
	pieceMisaligned int
}

// renderedResult is the whole evaluation.
type renderedResult struct {
	docs []*docResult
	miss []mismatch
}

// evalRendered scores every document in dir.
func evalRendered(dir string, opts options) (*renderedResult, error) {
	keys, err := filepath.Glob(filepath.Join(dir, "*.key.json"))
	if err != nil {
		return nil, fmt.Errorf("list answer keys: %w", err)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("no *.key.json in %s", dir)
	}
	sort.Strings(keys)
	res := &renderedResult{}
	for _, kp := range keys {
		var key answerKey
		if err := readJSON(kp, &key); err != nil {
			return nil, err
		}
		var recs []record
		if err := readJSON(strings.TrimSuffix(kp, ".key.json")+".csl.json", &recs); err != nil {
			return nil, err
		}
		res.scoreDoc(&key, recs, opts)
	}
	return res, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decode %s: %w", path, err)
	}
	return nil
}

// scoreDoc compares one document's entries and first full notes.
func (res *renderedResult) scoreDoc(key *answerKey, recs []record, opts options) {
	byID := map[string]record{}
	for _, r := range recs {
		byID[str(r["id"])] = r
	}
	d := &docResult{id: key.ID, style: key.Style, fields: map[string]*tally{}}
	for _, f := range renderedFields {
		d.fields[f] = &tally{}
	}
	res.docs = append(res.docs, d)
	for _, b := range key.Bibliography {
		rec, ok := byID[b.Key]
		if !ok {
			continue
		}
		d.entries++
		ref := cite.Parse(b.Text, cite.Entry)
		res.compare(d, "entry", b.Text, &ref.Item, rec)
	}
	if key.StyleClass != "note" || strings.Contains(key.Style, "shortened") {
		return // no full notes: the first citation is already a short form
	}
	notes := map[int]int{}
	for i, n := range key.Notes {
		notes[n.N] = i
	}
	for _, c := range key.Citations {
		if !c.First || c.Note == nil {
			continue
		}
		rec, ok := byID[c.Key]
		ni, ok2 := notes[*c.Note]
		if !ok || !ok2 {
			continue
		}
		n := key.Notes[ni]
		pos := -1
		for k, nc := range n.Cites {
			if nc.Key == c.Key {
				pos = k
				break
			}
		}
		pieces := cite.Split(n.Text)
		var text string
		switch {
		case len(pieces) == len(n.Cites) && pos >= 0:
			text = pieces[pos].Text
		default:
			d.pieceMisaligned++
			text = bestPiece(pieces, rec)
			if text == "" {
				text = n.Text
			}
		}
		d.notes++
		ref := cite.Parse(text, cite.Note)
		res.compare(d, "note", text, &ref.Item, rec)
	}
}

// bestPiece picks the piece whose parsed title is closest to the record's.
func bestPiece(pieces []cite.Piece, rec record) string {
	want := bib.Fold(str(rec["title"]))
	best, score := "", -1
	for _, p := range pieces {
		got := bib.Fold(cite.Parse(p.Text, cite.Note).Item.Title)
		s := commonWords(got, want)
		if s > score {
			best, score = p.Text, s
		}
	}
	return best
}

func commonWords(a, b string) int {
	set := map[string]bool{}
	for _, w := range strings.Fields(b) {
		set[w] = true
	}
	n := 0
	for _, w := range strings.Fields(a) {
		if set[w] {
			n++
		}
	}
	return n
}

// compare scores one parsed item against its record. A field counts when
// the record has it and the text prints it, or when the parse produced it.
func (res *renderedResult) compare(d *docResult, what, text string, it *bib.Item, rec record) {
	folded := bib.Fold(text)
	for _, f := range renderedFields {
		got, want := gotField(f, it), wantField(f, rec, text)
		if want == "" && got == "" {
			continue
		}
		if want != "" && got == "" && !printed(f, want, folded) {
			continue // the style does not print it
		}
		if f == "page" && what == "note" && got == "" && !strings.Contains(want, " ") {
			continue // a full note prints the pinpoint, which may equal a one-page item's page
		}
		t := d.fields[f]
		t.total++
		if got == want {
			t.agree++
		} else {
			res.miss = append(res.miss, mismatch{doc: d.id + " " + what, field: f, text: text, got: got, want: want})
		}
	}
}

// printed reports whether a folded record value appears in the folded text.
func printed(field, want, folded string) bool {
	switch field {
	case "author":
		for _, w := range strings.Split(want, "|") {
			if !strings.Contains(folded, w) {
				return false
			}
		}
		return true
	case "page":
		return pagePrinted(want, folded)
	case "issued":
		return strings.Contains(folded, want)
	}
	return strings.Contains(folded, want)
}

// gotField returns the folded value of a parsed field.
func gotField(f string, it *bib.Item) string {
	switch f {
	case "author":
		var fam []string
		for _, n := range it.Author {
			fam = append(fam, familyKey(n.NonDroppingParticle, n.Family, n.Literal))
		}
		return strings.Join(fam, "|")
	case "title":
		return bib.Fold(it.Title)
	case "container-title":
		return bib.Fold(it.ContainerTitle)
	case "issued":
		if y := it.Issued.Year(); y > 0 {
			return strconv.Itoa(y)
		}
		return ""
	case "publisher":
		return bib.Fold(it.Publisher)
	case "page":
		return normalizePages(it.Page)
	}
	return ""
}

// normalizePages writes page ranges in full and folded: "347–57, 60" →
// "347 357 60".
func normalizePages(s string) string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		a, b, ok := cutRange(strings.TrimSpace(part))
		if !ok {
			out = append(out, bib.Fold(part))
			continue
		}
		if len(b) < len(a) && allDigits(a) && allDigits(b) {
			b = a[:len(a)-len(b)] + b
		}
		out = append(out, bib.Fold(a), bib.Fold(b))
	}
	return strings.Join(strings.Fields(strings.Join(out, " ")), " ")
}

// cutRange splits "12-30" at its dash.
func cutRange(s string) (string, string, bool) {
	for _, d := range []string{"-", "–", "—", "‑"} {
		if a, b, ok := strings.Cut(s, d); ok {
			return strings.TrimSpace(a), strings.TrimSpace(b), true
		}
	}
	return "", "", false
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// pagePrinted reports whether a record's page range is printed in the
// folded text: a range must appear as a range (its first page followed by
// another number), a single page as a number.
func pagePrinted(want, folded string) bool {
	f := strings.Fields(want)
	if len(f) == 0 {
		return false
	}
	words := strings.Fields(folded)
	for k, w := range words {
		if w != f[0] {
			continue
		}
		if len(f) == 1 {
			return true
		}
		if k+1 < len(words) && allDigits(words[k+1]) && strings.HasSuffix(f[1], words[k+1]) {
			return true
		}
	}
	return false
}

// wantField returns the folded value of a record field. Author lists cut
// short by "et al." in the text are compared as far as printed.
func wantField(f string, rec record, text string) string {
	switch f {
	case "author":
		names, _ := rec["author"].([]any)
		var fam []string
		for _, n := range names {
			m, _ := n.(map[string]any)
			if str(m["literal"]) == "others" {
				continue
			}
			fam = append(fam, familyKey(str(m["non-dropping-particle"]), str(m["family"]), str(m["literal"])))
		}
		if etAl(text) {
			folded := bib.Fold(text)
			k := 0
			for k < len(fam) && strings.Contains(folded, fam[k]) {
				k++
			}
			fam = fam[:max(k, min(1, len(fam)))]
		}
		return strings.Join(fam, "|")
	case "title":
		return bib.Fold(str(rec["title"]))
	case "container-title":
		return bib.Fold(str(rec["container-title"]))
	case "issued":
		return yearOf(rec["issued"])
	case "publisher":
		return bib.Fold(str(rec["publisher"]))
	case "page":
		return normalizePages(str(rec["page"]))
	}
	return ""
}

func etAl(text string) bool {
	l := strings.ToLower(text)
	return strings.Contains(l, "et al") || strings.Contains(l, "and others") || strings.Contains(l, "u. a.")
}

func familyKey(particle, family, literal string) string {
	if literal != "" {
		return bib.Fold(literal)
	}
	return bib.Fold(strings.TrimSpace(particle + " " + family))
}

// yearOf reads the first year of a CSL date.
func yearOf(v any) string {
	m, _ := v.(map[string]any)
	parts, _ := m["date-parts"].([]any)
	if len(parts) == 0 {
		return ""
	}
	first, _ := parts[0].([]any)
	if len(first) == 0 {
		return ""
	}
	return str(first[0])
}

// str renders a JSON scalar as a string.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// print writes per-document and overall agreement.
func (r *renderedResult) print(w io.Writer, opts options) {
	fmt.Fprintf(w, "rendered: exact agreement with the CSL records (bib.Fold), entries + first full notes\n\n")
	fmt.Fprintf(w, "%-7s %-44s %4s %4s", "doc", "style", "ent", "note")
	for _, f := range renderedFields {
		fmt.Fprintf(w, " %9s", short(f))
	}
	fmt.Fprintf(w, " %5s\n", "split")
	total := map[string]*tally{}
	for _, f := range renderedFields {
		total[f] = &tally{}
	}
	var ent, notes, mis int
	for _, d := range r.docs {
		fmt.Fprintf(w, "%-7s %-44s %4d %4d", d.id, shorten(d.style, 44), d.entries, d.notes)
		for _, f := range renderedFields {
			t := d.fields[f]
			total[f].agree += t.agree
			total[f].total += t.total
			fmt.Fprintf(w, " %8.1f%%", t.pct())
		}
		fmt.Fprintf(w, " %5d\n", d.pieceMisaligned)
		ent += d.entries
		notes += d.notes
		mis += d.pieceMisaligned
	}
	fmt.Fprintf(w, "%-7s %-44s %4d %4d", "ALL", "", ent, notes)
	for _, f := range renderedFields {
		fmt.Fprintf(w, " %8.1f%%", total[f].pct())
	}
	fmt.Fprintf(w, " %5d\n", mis)
	fmt.Fprintf(w, "\nfield totals (agree/compared):")
	for _, f := range renderedFields {
		fmt.Fprintf(w, " %s %d/%d;", f, total[f].agree, total[f].total)
	}
	fmt.Fprintln(w)
	if opts.verbose {
		printMismatches(w, r.miss, opts.samples)
	}
}

func short(f string) string {
	if f == "container-title" {
		return "container"
	}
	return f
}
