package bib

import (
	"strconv"
	"strings"
)

// pageDashes makes the dashes of a page value hyphens.
var pageDashes = strings.NewReplacer("–", "-", "—", "-", "‑", "-", "−", "-", "--", "-")

// NormalizePage writes a CSL page value as a data file keeps it: ranges
// with a hyphen and in full, as styles abbreviate them again when they
// print ("312–14" → "312-314", "1096–167" → "1096-1167", "pp. 5–9" stays
// "pp. 5-9" only when it is not a plain range). Anything that is not a
// number range is returned with its dashes made hyphens.
func NormalizePage(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	s = pageDashes.Replace(s)
	var parts []string
	for _, piece := range strings.Split(s, ",") {
		parts = append(parts, expandRange(strings.TrimSpace(piece)))
	}
	return strings.Join(parts, ", ")
}

// expandRange writes "312-14" as "312-314"; other text is returned as is.
func expandRange(r string) string {
	a, b, ok := strings.Cut(r, "-")
	if !ok {
		return r
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	na, errA := strconv.Atoi(a)
	_, errB := strconv.Atoi(b)
	if errA != nil || errB != nil || b == "" {
		return r
	}
	if len(b) < len(a) {
		full := a[:len(a)-len(b)] + b
		if nf, _ := strconv.Atoi(full); nf > na {
			b = full
		}
	}
	return a + "-" + b
}
