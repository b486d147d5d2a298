package biblio

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDumpDebug(t *testing.T) {
	p := os.Getenv("BIBDUMP")
	if p == "" {
		t.Skip()
	}
	doc := readDoc(t, p)
	var b strings.Builder
	for _, bb := range Find(doc, nil) {
		fmt.Fprintf(&b, "BIB %q %d-%d\n", bb.Heading, bb.Line, bb.EndLine)
		for _, h := range bb.Headings {
			fmt.Fprintf(&b, "H %d L%d %q %q\n", h.Line, h.Level, h.Label, h.Title)
		}
		for _, e := range bb.Entries {
			fmt.Fprintf(&b, "E %d-%d [%s] sec=%q grp=%.30q lead=%.20q au=%q | %.90s\n", e.Line, e.EndLine, e.Label, strings.Join(e.Section, " > "), e.Group, e.Lead, e.Author, e.Raw)
		}
	}
	os.WriteFile(filepath.Join(os.TempDir(), "bibdump.txt"), []byte(b.String()), 0o644)
}
