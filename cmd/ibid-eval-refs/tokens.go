package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// prf counts token matches for one field.
type prf struct{ tp, fp, fn int }

func (c prf) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c prf) recall() float64    { return ratio(c.tp, c.tp+c.fn) }
func (c prf) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// add counts the multiset overlap of predicted and gold tokens.
func (c *prf) add(pred, gold []string) (tp int) {
	count := map[string]int{}
	for _, g := range gold {
		count[g]++
	}
	for _, p := range pred {
		if count[p] > 0 {
			count[p]--
			tp++
		}
	}
	c.tp += tp
	c.fp += len(pred) - tp
	c.fn += len(gold) - tp
	return tp
}

// tokens folds s into words without the noise words given.
func tokens(s string, noise map[string]bool) []string {
	var out []string
	for _, w := range bib.Words(s) {
		if !noise[w] {
			out = append(out, w)
		}
	}
	return out
}

// namesText writes names as words.
func namesText(names []bib.Name) string {
	var b strings.Builder
	for _, n := range names {
		for _, part := range []string{n.Given, n.DroppingParticle, n.NonDroppingParticle, n.Family, n.Suffix, n.Literal} {
			if part != "" {
				b.WriteString(part)
				b.WriteByte(' ')
			}
		}
	}
	return b.String()
}

// mismatch is one disagreement kept for -v.
type mismatch struct {
	doc, field, text, got, want string
}

// printMismatches prints up to n mismatches per field.
func printMismatches(w io.Writer, ms []mismatch, n int) {
	byField := map[string][]mismatch{}
	var fields []string
	for _, m := range ms {
		if _, ok := byField[m.field]; !ok {
			fields = append(fields, m.field)
		}
		byField[m.field] = append(byField[m.field], m)
	}
	sort.Strings(fields)
	for _, f := range fields {
		fmt.Fprintf(w, "\n== %s: %d mismatches\n", f, len(byField[f]))
		for k, m := range byField[f] {
			if k >= n {
				break
			}
			fmt.Fprintf(w, "  %s  %s\n      got  %q\n      want %q\n", m.doc, shorten(m.text, 240), m.got, m.want)
		}
	}
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
