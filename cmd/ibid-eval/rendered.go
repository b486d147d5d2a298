package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/refs"
	"github.com/ibid-project/ibid/refs/csljson"
)

// key is the part of a rendered-dev answer key the evaluation reads.
type key struct {
	ID     string `json:"id"`
	Style  string `json:"style"`
	Counts struct {
		Notes   int `json:"notes"`
		Entries int `json:"bibliography_entries"`
	} `json:"counts"`
	Notes []struct {
		N     int `json:"n"`
		Cites []struct {
			Key string `json:"key"`
		} `json:"cites"`
	} `json:"notes"`
	InText []struct {
		Text  string `json:"text"`
		Cites []struct {
			Key string `json:"key"`
		} `json:"cites"`
	} `json:"in_text_citations"`
	Bibliography []struct {
		Key  string `json:"key"`
		Text string `json:"text"`
	} `json:"bibliography"`
}

// tally counts agreements of one measure.
type tally struct{ ok, all int }

func (t *tally) add(ok bool) {
	t.all++
	if ok {
		t.ok++
	}
}

func (t tally) String() string {
	if t.all == 0 {
		return "    -   "
	}
	return fmt.Sprintf("%5.1f%% ", 100*float64(t.ok)/float64(t.all))
}

var fieldNames = []string{"author", "title", "container", "year", "publisher", "page"}

type result struct {
	notes, entries tally // counts equal to the key
	cites          tally // citations resolved to the right record
	fields         map[string]*tally
	gotN, wantN    int
	gotE, wantE    int
	mistakes       []string
	fieldMistakes  []string
	printed        map[string]*tally // fields whose value the entry prints
}

func rendered(w io.Writer, dir string, verbose bool) error {
	keys, err := filepath.Glob(filepath.Join(dir, "*.key.json"))
	if err != nil || len(keys) == 0 {
		return fmt.Errorf("no answer keys in %s", dir)
	}
	sort.Strings(keys)
	total := newResult()
	fmt.Fprintf(w, "%-7s %-8s %-44s %9s %9s %8s", "doc", "variant", "style", "notes", "entries", "cites")
	for _, f := range fieldNames {
		fmt.Fprintf(w, " %8s", f)
	}
	fmt.Fprintln(w)
	for _, kf := range keys {
		var k key
		data, err := os.ReadFile(kf)
		if err != nil {
			return fmt.Errorf("read %s: %w", kf, err)
		}
		if err := json.Unmarshal(data, &k); err != nil {
			return fmt.Errorf("parse %s: %w", kf, err)
		}
		records, err := readRecords(strings.TrimSuffix(kf, ".key.json") + ".csl.json")
		if err != nil {
			return err
		}
		for _, variant := range []string{"plain.txt", "ocr.txt", "markdown.md"} {
			path := strings.TrimSuffix(kf, ".key.json") + "." + variant
			data, err := os.ReadFile(path)
			if err != nil {
				return fmt.Errorf("read %s: %w", path, err)
			}
			doc, err := refs.Parse(filepath.Base(path), data)
			if err != nil {
				return err
			}
			r := evaluate(&k, records, doc)
			total.merge(r)
			fmt.Fprintf(w, "%-7s %-8s %-44s %4d/%-4d %4d/%-4d %s", k.ID, strings.Split(variant, ".")[0], k.Style,
				r.gotN, r.wantN, r.gotE, r.wantE, r.cites)
			for _, f := range fieldNames {
				fmt.Fprintf(w, " %s", *r.fields[f])
			}
			fmt.Fprintln(w)
			if verbose {
				for _, m := range r.mistakes {
					fmt.Fprintln(w, "    ", m)
				}
				if variant == "plain.txt" {
					for _, m := range r.fieldMistakes {
						fmt.Fprintln(w, "     field", m)
					}
				}
			}
		}
	}
	fmt.Fprintf(w, "%-7s %-8s %-44s %4d/%-4d %4d/%-4d %s", "all", "", "", total.gotN, total.wantN, total.gotE, total.wantE, total.cites)
	for _, f := range fieldNames {
		fmt.Fprintf(w, " %s", *total.fields[f])
	}
	fmt.Fprintf(w, "\n%-7s %-8s %-44s %9s %9s %8s", "printed", "", "fields the entry prints", "", "", "")
	for _, f := range fieldNames {
		fmt.Fprintf(w, " %s", *total.printed[f])
	}
	fmt.Fprintf(w, "\ncitations resolved to the right record: %d of %d; documents with exact note counts %d/%d, entry counts %d/%d\n",
		total.cites.ok, total.cites.all, total.notes.ok, total.notes.all, total.entries.ok, total.entries.all)
	return nil
}

func newResult() *result {
	r := &result{fields: map[string]*tally{}, printed: map[string]*tally{}}
	for _, f := range fieldNames {
		r.fields[f] = &tally{}
		r.printed[f] = &tally{}
	}
	return r
}

func (r *result) merge(o *result) {
	add := func(a *tally, b tally) { a.ok += b.ok; a.all += b.all }
	add(&r.notes, o.notes)
	add(&r.entries, o.entries)
	add(&r.cites, o.cites)
	for _, f := range fieldNames {
		add(r.fields[f], *o.fields[f])
		add(r.printed[f], *o.printed[f])
	}
	r.gotN += o.gotN
	r.wantN += o.wantN
	r.gotE += o.gotE
	r.wantE += o.wantE
}

func readRecords(path string) (map[string]bib.Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	items, err := csljson.Parse(path, f)
	if err != nil {
		return nil, err
	}
	out := map[string]bib.Item{}
	for _, it := range items {
		out[it.ID] = it
	}
	return out, nil
}

// evaluate compares one parsed document with its answer key.
func evaluate(k *key, records map[string]bib.Item, doc *refs.Document) *result {
	r := newResult()
	r.gotN, r.wantN = len(doc.Notes), k.Counts.Notes
	r.gotE, r.wantE = len(doc.Entries), len(k.Bibliography)
	r.notes.add(r.gotN == r.wantN)
	r.entries.add(r.gotE == r.wantE)

	// Entries are in printed order: the i-th entry is the i-th key entry
	// when the counts agree; otherwise pair them by text.
	keyOfLine := map[int]string{}
	pairEntries(k, doc, keyOfLine)
	for i, e := range doc.Entries {
		kk := keyOfLine[e.Line]
		rec, ok := records[kk]
		if !ok || e.Item == nil {
			continue
		}
		_ = i
		for _, m := range compareFields(r, &rec, e.Item, e.Raw) {
			r.fieldMistakes = append(r.fieldMistakes, fmt.Sprintf("line %d %s: %s\n        in %q", e.Line, kk, m, clip(e.Raw)))
		}
	}
	keyOf := func(c refs.Citation) string {
		if c.BibLine == nil {
			return ""
		}
		return keyOfLine[*c.BibLine]
	}
	// Notes: the i-th note of the document is note i+1 of the key.
	for i, kn := range k.Notes {
		var got []string
		if i < len(doc.Notes) {
			for _, c := range doc.Notes[i].Citations {
				got = append(got, keyOf(c))
			}
		}
		for _, want := range kn.Cites {
			ok := take(&got, want.Key)
			r.cites.add(ok)
			if !ok {
				txt := ""
				if i < len(doc.Notes) {
					txt = doc.Notes[i].Text
				}
				r.mistakes = append(r.mistakes, fmt.Sprintf("note %d: want %s in %q", kn.N, want.Key, clip(txt)))
			}
		}
	}
	// In-text groups: paired in order by their text. A key's group holds
	// the prose pandoc printed around its brackets ("[13, p. 48], for a
	// fuller discussion", "quoted in [90], with [72], see also [67]"), so it
	// takes the run of ibid's groups whose texts it contains.
	j := 0
	for _, kt := range k.InText {
		want := norm(kt.Text)
		var got []string
		for look := j; look < len(doc.InText) && look < j+8; look++ {
			if !strings.Contains(want, norm(doc.InText[look].Text)) {
				continue
			}
			for j = look; j < len(doc.InText) && strings.Contains(want, norm(doc.InText[j].Text)); j++ {
				for _, c := range doc.InText[j].Citations {
					got = append(got, keyOf(c))
				}
			}
			break
		}
		for _, c := range kt.Cites {
			ok := take(&got, c.Key)
			r.cites.add(ok)
			if !ok {
				r.mistakes = append(r.mistakes, fmt.Sprintf("in-text %s: want %s", kt.Text, c.Key))
			}
		}
	}
	return r
}

func pairEntries(k *key, doc *refs.Document, keyOfLine map[int]string) {
	if len(doc.Entries) == len(k.Bibliography) {
		for i, e := range doc.Entries {
			keyOfLine[e.Line] = k.Bibliography[i].Key
		}
		return
	}
	used := map[int]bool{}
	for _, e := range doc.Entries {
		best, bestScore := -1, 0.5
		ew := wordSet(e.Raw)
		for i, b := range k.Bibliography {
			if used[i] {
				continue
			}
			if s := jaccard(ew, wordSet(b.Text)); s > bestScore {
				best, bestScore = i, s
			}
		}
		if best >= 0 {
			used[best] = true
			keyOfLine[e.Line] = k.Bibliography[best].Key
		}
	}
}

// compareFields tallies the fields of one entry against its record and
// returns a line for each disagreement.
//
// The printed tallies count only the fields whose value the entry's text
// shows: a style that leaves a field out of its bibliography (Chicago
// prints no page range for a chapter) cannot be read back from it.
func compareFields(r *result, rec, got *bib.Item, raw string) []string {
	var diffs []string
	text := " " + strings.Join(bib.Words(raw), " ") + " "
	add := func(field string, ok bool, want, have string) {
		r.fields[field].add(ok)
		printed := strings.Contains(text, " "+strings.Join(bib.Words(strings.ReplaceAll(want, "|", " ")), " ")+" ")
		if printed {
			r.printed[field].add(ok)
		}
		if !ok {
			tag := "unprinted"
			if printed {
				tag = "printed"
			}
			diffs = append(diffs, fmt.Sprintf("%s (%s): want %q, got %q", field, tag, want, have))
		}
	}
	if want := families(rec.Author); want != "" {
		have := families(got.Author)
		add("author", have == want, want, have)
	}
	cmp := func(field, want, have string) {
		if want != "" {
			add(field, bib.Fold(want) == bib.Fold(have), want, have)
		}
	}
	cmp("title", rec.Title, got.Title)
	cmp("container", rec.ContainerTitle, got.ContainerTitle)
	cmp("publisher", rec.Publisher, got.Publisher)
	cmp("page", rec.Page, got.Page)
	if y := rec.YearOf(); y != 0 {
		add("year", got.YearOf() == y, fmt.Sprint(y), fmt.Sprint(got.YearOf()))
	}
	return diffs
}

func families(names []bib.Name) string {
	var parts []string
	for _, n := range names {
		// CSL allows "De Nardis" as a family name or as particle "De" and
		// family "Nardis", and an inverted name prints a dropping and a
		// non-dropping particle alike ("Ṭarrāzī, Fīlīb dī"): the particles
		// count with the family name.
		f := strings.Join(strings.Fields(n.DroppingParticle+" "+n.NonDroppingParticle+" "+n.Family), " ")
		if n.Family == "" {
			f = n.Literal
		}
		parts = append(parts, bib.Fold(f))
	}
	return strings.Join(parts, "|")
}

func take(list *[]string, k string) bool {
	for i, x := range *list {
		if x == k {
			*list = append((*list)[:i], (*list)[i+1:]...)
			return true
		}
	}
	return false
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string) string {
	if r := []rune(s); len(r) > 90 {
		return string(r[:90]) + "…"
	}
	return s
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range bib.Words(s) {
		m[w] = true
	}
	return m
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}
