package notes

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ibid-project/ibid/refs/text"
)

// scanTable lists single lines and how the page-foot finder reads them when
// they follow a separator rule: the label found, or "" for no note.
var scanTable = []struct {
	line  string
	label string
	text  string
}{
	{"¹⁴Serge, Memoirs, p. 71.", "14", "Serge, Memoirs, p. 71."},
	{"¹⁴ Serge, Memoirs, p. 71.", "14", "Serge, Memoirs, p. 71."},
	{"12 Smith, River Trade, 40.", "12", "Smith, River Trade, 40."},
	{"12. Smith, River Trade, 40.", "12", "Smith, River Trade, 40."},
	{"12.Smith", "", ""},
	{"30.7 (1987), p. 600.", "", ""},
	{"1984), p. 251.", "", ""},
	{"12", "", ""},
	{"   ³ Indented superscript note.", "3", "Indented superscript note."},
	{"Body text with a marker.¹", "", ""},
	{"123456 too long to be a number", "", ""},
}

func TestPagefootLines(t *testing.T) {
	for _, c := range scanTable {
		t.Run(c.line, func(t *testing.T) {
			doc, err := text.Decode("t", []byte("Body.\n\n__________\n"+c.line+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			res := Find(doc, nil)
			got, text := "", ""
			if len(res.Notes) > 0 {
				got, text = res.Notes[0].Label, res.Notes[0].Text
			}
			if got != c.label || text != c.text {
				t.Errorf("note %q %q, want %q %q", got, text, c.label, c.text)
			}
		})
	}
}

func TestContinuationTags(t *testing.T) {
	for _, c := range []struct {
		in   string
		out  bool   // ends a first part, on a line of its own
		rest string // after an opening tag
		open bool
	}{
		{"(continued...)", true, "", true},
		{"(continued...))", true, "", true},
		{"(continued...)\"", true, "", true},
		{"(cont.)", true, "", true},
		{"continued: the rest", false, "the rest", true},
		{"cont'd", true, "", true},
		{"(...continued)", true, "", true},
		{"(...continued) the rest", false, "the rest", true},
		{"(continued) the rest", false, "the rest", true},
		{"Continued fighting broke out.", false, "Continued fighting broke out.", false},
		{"(see above)", false, "(see above)", false},
	} {
		if got := continuedOut(c.in); got != c.out {
			t.Errorf("continuedOut(%q) = %v, want %v", c.in, got, c.out)
		}
		rest, open := continuedIn(c.in)
		if open != c.open || (open && rest != c.rest) {
			t.Errorf("continuedIn(%q) = %q, %v; want %q, %v", c.in, rest, open, c.rest, c.open)
		}
	}
	for _, c := range []struct{ in, text string }{
		{"record the closure of the (continued)", "record the closure of the"},
		{"as in Smith (1962)", "as in Smith (1962)"},
	} {
		if got, _ := cutContinuedOut(c.in); got != c.text {
			t.Errorf("cutContinuedOut(%q) = %q, want %q", c.in, got, c.text)
		}
	}
}

func TestLabelsAndLines(t *testing.T) {
	labels := map[string]string{"14": "14", "l4": "14", "I4": "14", "1O": "10", "A": "A", "l": "", "II": "", "sic": "", "0": ""}
	for in, want := range labels {
		got, ok := transcribedLabel(in)
		if got != want || ok != (want != "") {
			t.Errorf("transcribedLabel(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	pages := map[string]bool{"12": true, "- 12 -": true, "xiv": true, "Page 3": true, "civil": false, "1984)": false, "": false}
	for in, want := range pages {
		if got := isPageNumber(in); got != want {
			t.Errorf("isPageNumber(%q) = %v, want %v", in, got, want)
		}
	}
	rules := map[string]bool{"____________________": true, "————————————————": true, "------": true, "---": false, "-- --": false, "_-_-_-": false}
	for in, want := range rules {
		if got := isSeparator(in); got != want {
			t.Errorf("isSeparator(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestHeadings(t *testing.T) {
	for _, c := range []struct{ heading, id string }{
		{"CHAPTER TWO: ON COMINTERN ASSIGNMENT IN BERLIN AND VIENNA 1922-1926", "ch2"},
		{"Chapter Four: Section II ORENBURG 1933-1936", "ch4-sec2"},
		{"Chapitre cinq: Entre la lecture et la presse", "ch5"},
		{"Part III", "part3"},
		{"CHAPTER I.", "ch1"},
		{"Chapter and verse", ""},
		{"The course of the river", ""},
	} {
		id, ok := chapterNumber(c.heading)
		if id != c.id || ok != (c.id != "") {
			t.Errorf("chapterNumber(%q) = %q, %v; want %q", c.heading, id, ok, c.id)
		}
	}
	levels := map[string]int{"1.2 Title": 2, "1.2. Title": 2, "3. Title": 1, "V. Another Exile": 1, "II. 4.12 Crimes": 0, "1984 was a year": 0, "12 May 1861": 1}
	for in, want := range levels {
		if got := headingLevel(in); got != want {
			t.Errorf("headingLevel(%q) = %d, want %d", in, got, want)
		}
	}
	texts := map[string]string{"Section II ORENBURG¹": "Section II ORENBURG", "## Sources": "Sources", "A line.[^3]": "A line.", "Title^2": "Title"}
	for in, want := range texts {
		if got := headingText(in); got != want {
			t.Errorf("headingText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSequenceRestarts(t *testing.T) {
	for _, c := range []struct {
		name    string
		numbers string
		seqs    int
	}{
		{"gap", "1 2 4 5", 1},
		{"restart at one", "1 2 3 1 2", 2},
		{"misread inside", "44 45 17 47", 1},
		{"lost digit", "40 1 41", 1},
		{"restart then two", "1 1 2", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			for _, n := range strings.Fields(c.numbers) {
				b.WriteString("Body.\n\n")
				for _, d := range n {
					b.WriteRune([]rune("⁰¹²³⁴⁵⁶⁷⁸⁹")[d-'0'])
				}
				b.WriteString("A note.\n\n")
			}
			doc, _ := text.Decode("t", []byte(b.String()))
			seen := map[string]bool{}
			for _, n := range Find(doc, nil).Notes {
				seen[n.Seq] = true
			}
			if len(seen) != c.seqs {
				t.Errorf("%s: %d sequences %v, want %d", c.numbers, len(seen), seen, c.seqs)
			}
		})
	}
}

func TestMarkdownPlain(t *testing.T) {
	for in, want := range map[string]string{
		"*River Trade*, 40":                     "River Trade, 40",
		"doi:[gkhrjr](https://doi.org/gkhrjr).": "doi:gkhrjr.",
		"\\<<https://example.org>\\> \\[x\\]":   "<https://example.org> [x]",
		"4 (1962), [i]{.smallcaps}, pp. 418":    "4 (1962), I, pp. 418",
		"a < b and [not a link]":                "a < b and [not a link]",
	} {
		if got := markdownPlain(in); got != want {
			t.Errorf("markdownPlain(%q) = %q, want %q", in, got, want)
		}
	}
}

// superscriptMarkersByByte is superscriptMarkers reading every byte.
func superscriptMarkersByByte(line string, emit func(col int, label string)) {
	for i := 0; i < len(line); {
		c := line[i]
		if c != 0xC2 && c != 0xE2 {
			i++
			continue
		}
		n, size := leadingSuperscript(line[i:])
		if size == 0 {
			_, w := utf8.DecodeRuneInString(line[i:])
			i += w
			continue
		}
		emit(i, itoa(n))
		i += size
	}
}

func FuzzSuperscriptMarkers(f *testing.F) {
	for _, s := range []string{"word¹² and³", "x\xc2\xb9\xe2\x81\xb4 ⁵", "\xc2", "é¹"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got, want []string
		superscriptMarkers(s, func(col int, label string) { got = append(got, itoa(col)+":"+label) })
		superscriptMarkersByByte(s, func(col int, label string) { want = append(want, itoa(col)+":"+label) })
		if !slices.Equal(got, want) {
			t.Fatalf("superscriptMarkers(%q) = %v, want %v", s, got, want)
		}
	})
}
