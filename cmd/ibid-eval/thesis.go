package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/refs"
)

// expected is one hand-checked citation of the thesis sample.
type expected struct {
	form, family, words, locator string
}

// thesis scores the resolver on the hand-checked sample of the thesis's
// notes (testdata/thesis-sample.tsv), and prints the thesis's
// not-in-bibliography and never-cited counts with examples.
func thesis(w io.Writer, docPath, samplePath string, verbose bool) error {
	data, err := os.ReadFile(docPath)
	if err != nil {
		return fmt.Errorf("read %s: %w", docPath, err)
	}
	doc, err := refs.Parse(docPath, data)
	if err != nil {
		return err
	}
	sample, err := readSample(samplePath)
	if err != nil {
		return err
	}
	byLine := map[int]*refs.Note{}
	for i := range doc.Notes {
		byLine[doc.Notes[i].Line] = &doc.Notes[i]
	}
	entryRaw := map[int]string{}
	for _, e := range doc.Entries {
		entryRaw[e.Line] = e.Raw
	}
	var all, back, right, backRight, commentary, commentaryRight, notesFound int
	for _, line := range sample.order {
		want := sample.cites[line]
		n := byLine[line]
		if n != nil {
			notesFound++
		}
		if len(want) == 0 {
			commentary++
			if n != nil && len(n.Citations) == 0 {
				commentaryRight++
			} else if verbose {
				fmt.Fprintf(w, "  %d: commentary, but got %d citations\n", line, citationsOf(n))
			}
			continue
		}
		var got []refs.Citation
		if n != nil {
			got = append(got, n.Citations...)
		}
		for _, e := range want {
			isBack := e.form == "ibid" || e.form == "opcit" || e.form == "abbrev"
			all++
			if isBack {
				back++
			}
			ok := takeMatch(&got, e, entryRaw)
			if ok {
				right++
				if isBack {
					backRight++
				}
			} else if verbose {
				fmt.Fprintf(w, "  %d: missed %s|%s|%s|%s in %s\n", line, e.form, e.family, e.words, e.locator, describeCites(n))
			}
		}
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	fmt.Fprintf(w, "thesis sample: %d notes (%d found at their line)\n", len(sample.order), notesFound)
	fmt.Fprintf(w, "citations resolved right (work and locator): %d/%d = %.1f%%\n", right, all, pct(right, all))
	fmt.Fprintf(w, "back-references (ibid, op. cit., abbreviations) right: %d/%d = %.1f%%\n", backRight, back, pct(backRight, back))
	fmt.Fprintf(w, "commentary-only notes left without citations: %d/%d\n", commentaryRight, commentary)
	counts := map[string]int{}
	examples := map[string][]string{}
	for _, p := range doc.Problems {
		counts[p.Code]++
		if len(examples[p.Code]) < 10 {
			examples[p.Code] = append(examples[p.Code], fmt.Sprintf("%d: %s", p.Line, p.Message))
		}
	}
	fmt.Fprintf(w, "whole thesis: %d notes, %d entries, %d citations\n", len(doc.Notes), len(doc.Entries), doc.CitationCount())
	for _, code := range []string{refs.CodeNotInBibliography, refs.CodeNeverCited, refs.CodeUnresolvedIbid, refs.CodeAmbiguousShort,
		refs.CodeMissingNote, refs.CodeDuplicateNote, refs.CodeMarkerWithoutNote, refs.CodeNoteWithoutMarker} {
		fmt.Fprintf(w, "  %-22s %d\n", code, counts[code])
		if verbose || code == refs.CodeNotInBibliography || code == refs.CodeNeverCited {
			for _, ex := range examples[code] {
				fmt.Fprintf(w, "      %s\n", ex)
			}
		}
	}
	return nil
}

func citationsOf(n *refs.Note) int {
	if n == nil {
		return 0
	}
	return len(n.Citations)
}

func describeCites(n *refs.Note) string {
	if n == nil {
		return "(no note at that line)"
	}
	var parts []string
	for _, c := range n.Citations {
		loc := ""
		if c.Locator != nil {
			loc = *c.Locator
		}
		title := ""
		if c.Item != nil {
			title = c.Item.FirstFamily() + ": " + c.Item.Title
		}
		parts = append(parts, fmt.Sprintf("[%s %s %q %s]", c.Form, c.Work, title, loc))
	}
	return strings.Join(parts, " ")
}

// takeMatch removes from got the first citation that names the expected
// work with the expected locator.
func takeMatch(got *[]refs.Citation, e expected, entryRaw map[int]string) bool {
	for i, c := range *got {
		if c.Item == nil {
			continue
		}
		words := map[string]bool{}
		add := func(s string) {
			for _, x := range bib.Words(s) {
				words[x] = true
			}
		}
		for _, names := range [][]bib.Name{c.Item.Author, c.Item.Editor, c.Item.Recipient, c.Item.Translator, c.Item.Interviewer} {
			for _, n := range names {
				add(n.Family + " " + n.Given + " " + n.Literal)
			}
		}
		add(c.Item.Title)
		add(c.Item.ContainerTitle)
		add(c.Item.Archive)
		if y := c.Item.YearOf(); y != 0 {
			add(fmt.Sprint(y)) // a letter is known by its date: "Serge to Trotsky, 1936"
		}
		if c.BibLine != nil {
			add(entryRaw[*c.BibLine])
		}
		ok := true
		for _, x := range append(bib.Words(e.family), bib.Words(e.words)...) {
			if !words[x] {
				ok = false
				break
			}
		}
		loc := ""
		if c.Locator != nil {
			loc = *c.Locator
		}
		if ok && numbers(loc) == numbers(e.locator) {
			*got = append((*got)[:i], (*got)[i+1:]...)
			return true
		}
	}
	return false
}

var numberRE = regexp.MustCompile(`[0-9]+|\b[ivxlc]+\b`)

func numbers(s string) string {
	return strings.Join(numberRE.FindAllString(strings.ToLower(s), -1), ",")
}

type sampleFile struct {
	order []int
	cites map[int][]expected
}

func readSample(path string) (*sampleFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	s := &sampleFile{cites: map[int][]expected{}}
	sc := bufio.NewScanner(f)
	ln := 0
	for sc.Scan() {
		ln++
		text := sc.Text()
		if strings.HasPrefix(text, "#") || strings.TrimSpace(text) == "" {
			continue
		}
		cols := strings.SplitN(text, "\t", 2)
		line, err := strconv.Atoi(cols[0])
		if err != nil || len(cols) != 2 {
			return nil, fmt.Errorf("%s:%d: want LINE<TAB>citations", path, ln)
		}
		s.order = append(s.order, line)
		if strings.TrimSpace(cols[1]) == "-" {
			continue
		}
		for _, c := range strings.Split(cols[1], " ; ") {
			p := strings.Split(strings.TrimSpace(c), "|")
			if len(p) != 4 {
				return nil, fmt.Errorf("%s:%d: citation %q: want form|family|words|locator", path, ln, c)
			}
			s.cites[line] = append(s.cites[line], expected{p[0], p[1], p[2], p[3]})
		}
	}
	return s, sc.Err()
}
