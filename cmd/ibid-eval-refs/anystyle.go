package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/corpus"
	"github.com/ibid-project/ibid/refs/cite"
)

// labelled is one AnyStyle sequence: its full text and labelled parts.
type labelled = corpus.Sequence

// readAnystyle reads the sequences of an AnyStyle core.xml file.
func readAnystyle(r io.Reader) ([]labelled, error) { return corpus.ReadAnystyle(r) }

// anystyleFields are the compared fields in printed order.
var anystyleFields = []string{"author", "editor", "translator", "title", "container-title", "publisher",
	"publisher-place", "issued", "volume", "page", "edition", "collection-title", "genre", "URL", "DOI"}

// goldLabels maps each compared field to the AnyStyle labels that hold it.
var goldLabels = map[string][]string{
	"author": {"author"}, "editor": {"editor"}, "translator": {"translator"}, "title": {"title"},
	"container-title": {"container-title", "journal"}, "publisher": {"publisher"},
	"publisher-place": {"location"}, "issued": {"date"}, "volume": {"volume"}, "page": {"pages"},
	"edition": {"edition"}, "collection-title": {"collection-title"}, "genre": {"genre"},
	"URL": {"url"}, "DOI": {"doi"},
}

// labelNoise are words that labels include but field values do not.
var labelNoise = map[string]map[string]bool{
	"author":          setOf("and et und y eds ed editor editors by"),
	"editor":          setOf("in and et und y eds ed editor editors by edited hrsg hg dir"),
	"translator":      setOf("and trans translated by tr translator transl"),
	"volume":          setOf("vol vols volume volumes no nos issue band bd t tome part pt"),
	"page":            setOf("pp p pages page s pgs"),
	"edition":         setOf("ed edn edition eds"),
	"container-title": setOf("in"),
	"DOI":             setOf("doi"),
	"URL":             setOf("url"),
}

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// anystyleResult holds per-field counts.
type anystyleResult struct {
	n      int
	fields map[string]*prf
	miss   []mismatch
}

// evalAnystyle parses every sequence as an Entry and scores fields.
func evalAnystyle(path string, opts options) (*anystyleResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open anystyle corpus: %w", err)
	}
	defer f.Close()
	seqs, err := readAnystyle(f)
	if err != nil {
		return nil, err
	}
	return scoreAnystyle(seqs, opts), nil
}

// writeAnystyleStrings writes the text of every sequence, one per line:
// the input `ibid ref` reads.
func writeAnystyleStrings(path string, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open anystyle corpus: %w", err)
	}
	defer f.Close()
	seqs, err := readAnystyle(f)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	for _, s := range seqs {
		w.WriteString(s.Text)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write strings: %w", err)
	}
	return nil
}

// scoreAnystyle scores parsed sequences against their labels.
func scoreAnystyle(seqs []labelled, opts options) *anystyleResult {
	res := &anystyleResult{fields: map[string]*prf{}}
	for _, f := range anystyleFields {
		res.fields[f] = &prf{}
	}
	for _, sq := range seqs {
		res.n++
		ref := cite.Parse(sq.Text, cite.Entry)
		for _, f := range anystyleFields {
			var gold []string
			for _, l := range goldLabels[f] {
				for _, v := range sq.Labels[l] {
					gold = append(gold, goldTokens(f, v)...)
				}
			}
			pred := predTokens(f, &ref.Item)
			if len(gold) == 0 && len(pred) == 0 {
				continue
			}
			tp := res.fields[f].add(pred, gold)
			if opts.verbose && (tp != len(gold) || tp != len(pred)) {
				res.miss = append(res.miss, mismatch{field: f, text: sq.Text,
					got: strings.Join(pred, " "), want: strings.Join(gold, " ")})
			}
		}
	}
	return res
}

// goldTokens returns the tokens of a labelled value for a field.
func goldTokens(field, v string) []string {
	if field == "issued" {
		var out []string
		for _, w := range bib.Words(v) {
			if len(w) >= 4 && isYear(w[:4]) && (len(w) == 4 || len(w) == 5) {
				out = append(out, w[:4])
			}
		}
		return out
	}
	if field == "edition" {
		return editionTokens(tokens(v, labelNoise[field]))
	}
	return tokens(v, labelNoise[field])
}

// editionOrdinals are the ordinal words and suffixes of editions.
var editionOrdinals = map[string]string{"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
	"sixth": "6", "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10"}

// editionTokens writes an edition's ordinal as its number ("2nd",
// "second", "2ª" → "2"), as CSL's edition holds it and ibid writes it, so
// that the number is compared, not its spelling.
func editionTokens(ws []string) []string {
	for k, w := range ws {
		if n, ok := editionOrdinals[w]; ok {
			ws[k] = n
			continue
		}
		if d := strings.TrimRightFunc(w, func(r rune) bool { return r < '0' || r > '9' }); d != "" && strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) == len(d) {
			ws[k] = d // "2nd", "3rd", "1ª"
		}
	}
	return ws
}

func isYear(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1000 && n <= 2100
}

// predTokens returns the tokens of a parsed field.
func predTokens(field string, it *bib.Item) []string {
	var v string
	switch field {
	case "author":
		v = namesText(it.Author)
	case "editor":
		v = namesText(it.Editor)
	case "translator":
		v = namesText(it.Translator)
	case "title":
		v = it.Title
	case "container-title":
		v = it.ContainerTitle
	case "publisher":
		v = it.Publisher
	case "publisher-place":
		v = it.PublisherPlace
	case "issued":
		if y := it.Issued.Year(); y > 0 {
			return []string{strconv.Itoa(y)}
		}
		return nil
	case "volume":
		v = it.Volume + " " + it.Issue
	case "page":
		v = it.Page
	case "edition":
		v = it.Edition
	case "collection-title":
		v = it.CollectionTitle
	case "genre":
		// AnyStyle labels a report's number as part of its genre
		// ("Technical Report TR93-3"); CSL keeps the number apart
		v = it.Genre + " " + it.Number
	case "URL":
		v = it.URL
	case "DOI":
		v = it.DOI
	}
	return tokens(v, labelNoise[field])
}

// print writes the per-field table.
func (r *anystyleResult) print(w io.Writer, opts options) {
	fmt.Fprintf(w, "anystyle: %d references parsed as bibliography entries; token P/R/F1 per field (micro-averaged)\n\n", r.n)
	fmt.Fprintf(w, "%-17s %9s %9s %7s %7s %7s\n", "field", "gold tok", "pred tok", "P", "R", "F1")
	var all prf
	for _, f := range anystyleFields {
		c := r.fields[f]
		all.tp += c.tp
		all.fp += c.fp
		all.fn += c.fn
		fmt.Fprintf(w, "%-17s %9d %9d %7.3f %7.3f %7.3f\n", f, c.tp+c.fn, c.tp+c.fp, c.precision(), c.recall(), c.f1())
	}
	fmt.Fprintf(w, "%-17s %9d %9d %7.3f %7.3f %7.3f\n", "ALL", all.tp+all.fn, all.tp+all.fp, all.precision(), all.recall(), all.f1())
	if opts.verbose {
		printMismatches(w, r.miss, opts.samples)
	}
}
