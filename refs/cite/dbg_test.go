package cite

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDebugSegs(t *testing.T) {
	s := os.Getenv("DBG")
	if s == "" {
		t.Skip()
	}
	p := getParser(s, Entry)
	lo, hi := trimSpan(p.s, 0, len(p.s))
	segs := splitGluedPages(p.s, joinInnerQuotes(p.s, joinCommaPublishers(p.s, segment(nil, p.s, lo, hi))))
	for _, sg := range segs {
		fmt.Printf("%d %q sep=%q\n", sg.kind, strings.TrimSpace(s[sg.start:sg.end]), sg.sep)
	}
}
