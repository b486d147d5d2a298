package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ibid-project/ibid/internal/harvest"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/bib/store"
	"github.com/ibid-project/ibid/export"
	"github.com/ibid-project/ibid/refs"
	"github.com/ibid-project/ibid/refs/bibtex"
)

// libraryKey is the part of an answer key the library evaluation reads
// besides key: which records the document prints in its bibliography.
type libraryKey struct {
	Works map[string]struct {
		Cited          bool `json:"cited"`
		InBibliography bool `json:"in_bibliography"`
	} `json:"works"`
}

// library measures deduplication in the store: every rendered-dev document
// harvested into one library (works against records, wrong and missed
// merges), the thesis harvested twice, and the records re-imported as
// CSL-JSON and as BibTeX over the harvested library.
func library(w io.Writer, dir, thesisPath string, verbose bool) error {
	tmp, err := os.MkdirTemp("", "ibid-eval-library")
	if err != nil {
		return fmt.Errorf("temp dir: %w", err)
	}
	defer os.RemoveAll(tmp)
	keys, err := filepath.Glob(filepath.Join(dir, "*.key.json"))
	if err != nil || len(keys) == 0 {
		return fmt.Errorf("no answer keys in %s", dir)
	}
	sort.Strings(keys)

	base := filepath.Join(tmp, "harvested.db")
	lib, err := harvestRendered(w, base, keys, verbose)
	if err != nil {
		return err
	}
	if err := thesisTwice(w, filepath.Join(tmp, "thesis.db"), thesisPath); err != nil {
		return err
	}
	for _, format := range []string{"csljson", "bibtex"} {
		if err := reimport(w, base, filepath.Join(tmp, format+".db"), format, keys, lib, verbose); err != nil {
			return err
		}
	}
	return nil
}

// harvested is what the rendered-dev harvest established: the record keys
// printed in some harvested bibliography.
type harvested struct {
	printed map[string]bool
	worksOf map[string]map[string]bool // record key → the works holding it
	byID    map[string]*bib.Item
}

// harvestRendered harvests every variant of every document into a fresh
// store at path and prints how the stored works map onto the records.
func harvestRendered(w io.Writer, path string, keys []string, verbose bool) (*harvested, error) {
	s, err := store.Open(path, store.Options{})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	recordOf := map[string]string{} // "doc\x00line" of a bibliography entry → record key
	records := map[string]bool{}
	printed := map[string]bool{}
	docs := 0
	for _, kf := range keys {
		var k key
		if err := readJSON(kf, &k); err != nil {
			return nil, err
		}
		var lk libraryKey
		if err := readJSON(kf, &lk); err != nil {
			return nil, err
		}
		for id := range lk.Works {
			records[id] = true
		}
		for _, b := range k.Bibliography {
			printed[b.Key] = true
		}
		for _, variant := range []string{"plain.txt", "ocr.txt", "markdown.md"} {
			file := strings.TrimSuffix(kf, ".key.json") + "." + variant
			data, err := os.ReadFile(file)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", file, err)
			}
			name := filepath.Base(file)
			doc, err := refs.Parse(name, data)
			if err != nil {
				return nil, err
			}
			keyOfLine := map[int]string{}
			pairEntries(&k, doc, keyOfLine)
			for line, rk := range keyOfLine {
				recordOf[name+"\x00"+fmt.Sprint(line)] = rk
			}
			if _, err := s.Harvest(harvest.Input(doc, data)); err != nil {
				return nil, err
			}
			docs++
		}
	}
	works, err := s.Works(store.Filter{})
	if err != nil {
		return nil, err
	}
	byID := map[string]*bib.Item{}
	for i := range works {
		byID[works[i].ID] = &works[i].Item
	}
	worksOf := map[string]map[string]bool{} // record key → work ids
	wrong, unattributed := 0, 0
	var lines []string
	for _, wk := range works {
		held := map[string]bool{}
		for _, p := range wk.Sources {
			if rk, ok := recordOf[p.Doc+"\x00"+fmt.Sprint(p.Line)]; ok {
				held[rk] = true
			}
		}
		if len(held) == 0 {
			unattributed++
			lines = append(lines, fmt.Sprintf("  no bibliography entry: %s %q (%s)", wk.ID, clip(wk.Item.Title), sourceDocs(wk.Sources)))
		}
		if len(held) > 1 {
			wrong++
			lines = append(lines, fmt.Sprintf("  wrong merge: %s %q holds %s", wk.ID, clip(wk.Item.Title), strings.Join(sortedSet(held), ", ")))
		}
		for rk := range held {
			if worksOf[rk] == nil {
				worksOf[rk] = map[string]bool{}
			}
			worksOf[rk][wk.ID] = true
		}
	}
	missed := 0
	for _, rk := range sortedSet(printed) {
		if n := len(worksOf[rk]); n > 1 {
			missed++
			lines = append(lines, fmt.Sprintf("  missed merge: %s in %d works: %s", rk, n, strings.Join(sortedSet(worksOf[rk]), ", ")))
			lines = append(lines, whyApart(rk, sortedSet(worksOf[rk]), byID)...)
		}
	}
	notFound := 0
	for rk := range printed {
		if len(worksOf[rk]) == 0 {
			notFound++
			lines = append(lines, "  printed record in no work: "+rk)
		}
	}
	fmt.Fprintf(w, "harvest: %d documents; %d works stored, %d records in the keys (%d printed in a bibliography)\n",
		docs, len(works), len(records), len(printed))
	fmt.Fprintf(w, "  works holding >1 record (wrong merges): %d; records spread over >1 work (missed merges): %d\n", wrong, missed)
	fmt.Fprintf(w, "  works from no bibliography entry: %d; printed records in no work: %d\n", unattributed, notFound)
	if verbose {
		sort.Strings(lines)
		for _, l := range lines {
			fmt.Fprintln(w, l)
		}
	}
	return &harvested{printed: printed, worksOf: worksOf, byID: byID}, nil
}

// thesisTwice harvests the thesis twice into a fresh store: the second run
// must be Unchanged and leave the counts as they were.
func thesisTwice(w io.Writer, path, thesisPath string) error {
	data, err := os.ReadFile(thesisPath)
	if err != nil {
		return fmt.Errorf("read %s: %w", thesisPath, err)
	}
	doc, err := refs.Parse(filepath.Base(thesisPath), data)
	if err != nil {
		return err
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	var counts [2]int
	var results [2]store.HarvestResult
	for i := range 2 {
		if results[i], err = s.Harvest(harvest.Input(doc, data)); err != nil {
			return err
		}
		works, err := s.Works(store.Filter{})
		if err != nil {
			return err
		}
		counts[i] = len(works)
	}
	fmt.Fprintf(w, "thesis twice: first %d new works, %d merged, %d citations; second unchanged=%v, %d citations; works %d then %d\n",
		results[0].NewWorks, results[0].MergedWorks, results[0].Citations, results[1].Unchanged, results[1].Citations, counts[0], counts[1])
	return nil
}

// reimport copies the harvested store and imports every document's records
// into the copy, as CSL-JSON or round-tripped through BibTeX, counting the
// records that made a new work.
func reimport(w io.Writer, base, path, format string, keys []string, lib *harvested, verbose bool) error {
	if err := copyFile(base, path); err != nil {
		return err
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	items, newWorks, newPrinted, newOther := 0, 0, 0, 0
	var lines []string
	for _, kf := range keys {
		cslPath := strings.TrimSuffix(kf, ".key.json") + ".csl.json"
		records, err := readRecords(cslPath)
		if err != nil {
			return err
		}
		ids := sortedKeysOf(records)
		list := make([]bib.Item, 0, len(records))
		for _, id := range ids {
			list = append(list, records[id])
		}
		source := filepath.Base(cslPath)
		if format == "bibtex" {
			source = strings.TrimSuffix(source, ".csl.json") + ".bib"
			if list, err = viaBibTeX(source, list); err != nil {
				return err
			}
		}
		before, err := workIDs(s)
		if err != nil {
			return err
		}
		res, err := s.Import(source, list)
		if err != nil {
			return err
		}
		items += res.Items
		newWorks += res.NewWorks
		fresh, err := newItems(s, source, before)
		if err != nil {
			return err
		}
		for _, i := range fresh {
			id := ids[i]
			if lib.printed[id] {
				newPrinted++
				lines = append(lines, fmt.Sprintf("  %s: %s %q is new though harvested", source, id, clip(list[i].Title)))
				for _, wid := range sortedSet(lib.worksOf[id]) {
					a, _ := json.Marshal(list[i])
					b, _ := json.Marshal(lib.byID[wid])
					lines = append(lines, fmt.Sprintf("      against %s: %s\n      %s\n      %s", wid, bib.Compare(&list[i], lib.byID[wid]).Reason, a, b))
				}
			} else {
				newOther++
			}
		}
	}
	fmt.Fprintf(w, "import %s: %d items, %d new works: %d of records printed in a harvested bibliography, %d of records never printed\n",
		format, items, newWorks, newPrinted, newOther)
	if verbose {
		for _, l := range lines {
			fmt.Fprintln(w, l)
		}
	}
	return nil
}

// workIDs returns the ids of the works in s.
func workIDs(s *store.Store) (map[string]bool, error) {
	works, err := s.Works(store.Filter{})
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, wk := range works {
		ids[wk.ID] = true
	}
	return ids, nil
}

// newItems returns the indexes (0-based) of the items of source that sit
// in works created by its import (not among before).
func newItems(s *store.Store, source string, before map[string]bool) ([]int, error) {
	works, err := s.Works(store.Filter{})
	if err != nil {
		return nil, err
	}
	var out []int
	for _, wk := range works {
		if before[wk.ID] {
			continue
		}
		for _, p := range wk.Sources {
			if p.Doc == source {
				out = append(out, p.Line-1)
			}
		}
	}
	sort.Ints(out)
	return out, nil
}

// viaBibTeX writes items as BibTeX and reads them back, in the same order
// (the keys are their positions).
func viaBibTeX(name string, items []bib.Item) ([]bib.Item, error) {
	works := make([]bib.Work, len(items))
	keys := map[string]string{}
	for i, it := range items {
		id := fmt.Sprintf("r%05d", i)
		works[i] = bib.Work{ID: id, Item: it}
		keys[id] = id
	}
	var buf bytes.Buffer
	if err := export.WriteBibTeX(&buf, works, keys, export.Options{}); err != nil {
		return nil, err
	}
	entries, err := bibtex.Parse(name, &buf)
	if err != nil {
		return nil, fmt.Errorf("reread %s: %w", name, err)
	}
	return bibtex.Items(entries), nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return fmt.Errorf("read %s: %w", from, err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		return fmt.Errorf("write %s: %w", to, err)
	}
	return nil
}

func sortedKeysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedSet(m map[string]bool) []string { return sortedKeysOf(m) }

func sourceDocs(ps []bib.Provenance) string {
	seen := map[string]bool{}
	for _, p := range ps {
		seen[fmt.Sprintf("%s:%d", p.Doc, p.Line)] = true
	}
	all := sortedSet(seen)
	if len(all) > 3 {
		all = append(all[:3], "…")
	}
	return strings.Join(all, " ")
}

// whyApart says why Compare keeps the works of one record apart: the
// verdict on each against the first.
func whyApart(rk string, ids []string, byID map[string]*bib.Item) []string {
	var out []string
	first := byID[ids[0]]
	for _, id := range ids[1:] {
		v := bib.Compare(first, byID[id])
		a, _ := json.Marshal(first)
		b, _ := json.Marshal(byID[id])
		out = append(out, fmt.Sprintf("  missed merge: %s   %s vs %s: %s\n      %s\n      %s", rk, ids[0], id, v.Reason, a, b))
	}
	return out
}
