package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

var update = flag.Bool("update", false, "rewrite golden files")

func loadInput(t testing.TB) Input {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "input.json"))
	if err != nil {
		t.Fatal(err)
	}
	var in Input
	if err := json.Unmarshal(data, &in); err != nil {
		t.Fatalf("testdata/input.json: %v", err)
	}
	return in
}

var formats = []struct {
	name  string
	ext   string
	write func(io.Writer, Input) error
}{
	{"text", "txt", Text},
	{"json", "json", JSON},
	{"markdown", "md", Markdown},
	{"html", "html", HTML},
}

func TestGolden(t *testing.T) {
	in := loadInput(t)
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := f.write(&got, in); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "report."+f.ext)
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs from %s (run go test -update and review the diff)", f.name, golden)
			}
			// Idempotence: a second run over the same input gives the same bytes.
			var again bytes.Buffer
			if err := f.write(&again, in); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), again.Bytes()) {
				t.Errorf("%s: second run differs from the first", f.name)
			}
		})
	}
}

// TestInputOrderDoesNotMatter reverses works, notes and findings: every
// format must come out the same.
func TestInputOrderDoesNotMatter(t *testing.T) {
	in := loadInput(t)
	rev := Input{Docs: in.Docs}
	for i := len(in.Works) - 1; i >= 0; i-- {
		rev.Works = append(rev.Works, in.Works[i])
	}
	// Citations in one note keep their reading order; the notes are reversed.
	var notes [][]bib.Citation
	for i, c := range in.Citations {
		if i > 0 && noteKey(c.Provenance) == noteKey(in.Citations[i-1].Provenance) {
			notes[len(notes)-1] = append(notes[len(notes)-1], c)
			continue
		}
		notes = append(notes, []bib.Citation{c})
	}
	for i := len(notes) - 1; i >= 0; i-- {
		rev.Citations = append(rev.Citations, notes[i]...)
	}
	for i := len(in.Findings) - 1; i >= 0; i-- {
		rev.Findings = append(rev.Findings, in.Findings[i])
	}
	for _, f := range formats {
		var a, b bytes.Buffer
		if err := f.write(&a, in); err != nil {
			t.Fatal(err)
		}
		if err := f.write(&b, rev); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%s depends on input order", f.name)
		}
	}
}

func TestJSONShape(t *testing.T) {
	in := loadInput(t)
	var buf bytes.Buffer
	if err := JSON(&buf, in); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Summary struct {
			Documents, Notes, Works, Citations, Findings int
		}
		Works []struct {
			ID        string
			Citations []struct {
				Doc  string
				Note int
			}
		}
		Notes []struct {
			Works []struct{ ID string }
		}
		Findings []struct {
			Code  string
			Count int
			Items []json.RawMessage
		}
		MostCited []struct {
			ID        string
			Citations int
		} `json:"most_cited"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Summary.Citations != len(in.Citations) || got.Summary.Findings != len(in.Findings) {
		t.Errorf("summary %+v, want %d citations and %d findings", got.Summary, len(in.Citations), len(in.Findings))
	}
	// Every citation appears once under its work and once under its note.
	byWork, byNote := 0, 0
	for _, w := range got.Works {
		byWork += len(w.Citations)
	}
	for _, n := range got.Notes {
		byNote += len(n.Works)
	}
	if byWork != len(in.Citations) || byNote != len(in.Citations) {
		t.Errorf("citations under works %d, under notes %d, want %d", byWork, byNote, len(in.Citations))
	}
	// Findings: one group per code, in FindingCodes order, counts matching.
	if len(got.Findings) != len(FindingCodes) {
		t.Fatalf("%d finding groups, want %d", len(got.Findings), len(FindingCodes))
	}
	for i, g := range got.Findings {
		if g.Code != FindingCodes[i] || g.Count != len(g.Items) {
			t.Errorf("group %d: %s with count %d and %d items", i, g.Code, g.Count, len(g.Items))
		}
	}
	for i := 1; i < len(got.MostCited); i++ {
		if got.MostCited[i].Citations > got.MostCited[i-1].Citations {
			t.Errorf("most_cited not in descending order at %d", i)
		}
	}
}

func TestWorksSortedByAuthorThenTitle(t *testing.T) {
	in := Input{Works: []bib.Work{
		{ID: "c", Item: bib.Item{Title: "Zeta", Author: []bib.Name{{Family: "Ábel"}}}},
		{ID: "a", Item: bib.Item{Title: "Anonymous work"}},
		{ID: "b", Item: bib.Item{Title: "Alpha", Author: []bib.Name{{Family: "Abel"}}}},
		{ID: "d", Item: bib.Item{Title: "Beta", Author: []bib.Name{{Family: "Carr"}}}},
	}}
	v := build(in)
	var ids []string
	for _, w := range v.Works {
		ids = append(ids, w.ID)
	}
	if got, want := strings.Join(ids, " "), "b c d a"; got != want {
		t.Errorf("order %q, want %q", got, want)
	}
}

func TestCitationOfUnknownWork(t *testing.T) {
	in := Input{Citations: []bib.Citation{{Provenance: bib.Provenance{Doc: "d", Line: 3, Seq: "1", Note: 1}, Form: "full", Work: "ghost"}}}
	for _, f := range formats {
		var buf bytes.Buffer
		if err := f.write(&buf, in); err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if !strings.Contains(buf.String(), "ghost") {
			t.Errorf("%s does not mention the unknown work", f.name)
		}
	}
}

func TestEmptyInput(t *testing.T) {
	for _, f := range formats {
		var buf bytes.Buffer
		if err := f.write(&buf, Input{}); err != nil {
			t.Errorf("%s: %v", f.name, err)
		}
		if buf.Len() == 0 {
			t.Errorf("%s wrote nothing for an empty input", f.name)
		}
	}
}

func hostileInput() Input {
	evil := `<script>alert("x")</script>`
	return Input{
		Docs: []DocSummary{{Name: "doc" + evil, Title: evil, Notes: 1, Sequences: []SeqInfo{{ID: `1"><img src=x onerror=alert(1)>`, Title: evil, Notes: 1}}}},
		Works: []bib.Work{{ID: "w" + evil, Item: bib.Item{Type: "book", Title: "Title " + evil,
			Author: []bib.Name{{Family: evil}}, URL: "https://example.org/x?a=1&b=<2>"}}},
		Citations: []bib.Citation{{Provenance: bib.Provenance{Doc: "doc" + evil, Line: 1, Seq: `1"><img src=x onerror=alert(1)>`, Note: 1},
			Form: "full", Work: "w" + evil, Locator: evil}},
		Findings: []bib.Finding{{Provenance: bib.Provenance{Doc: "doc" + evil, Line: 1}, Code: "never-cited" + evil, Message: evil}},
	}
}

func TestHTMLEscapesHostileStrings(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, hostileInput()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "<img", "onerror=alert(1)>"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML report contains %q unescaped", bad)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;") {
		t.Error("escaped title is missing from the report")
	}
}

var urlRE = regexp.MustCompile(`https?://`)

// TestHTMLSelfContained checks that the page loads nothing: no scripts, no
// external stylesheets, fonts or images, and no http(s) URL anywhere except
// inside data values (a work's URL written as text).
func TestHTMLSelfContained(t *testing.T) {
	in := loadInput(t)
	in.Works = append(in.Works, hostileInput().Works...)
	var buf bytes.Buffer
	if err := HTML(&buf, in); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "<link", "@import", "<img", "url(", "<iframe", "src="} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML report contains %q", bad)
		}
	}
	// Remove the data values that may hold URLs; nothing else may.
	for _, w := range in.Works {
		for _, u := range []string{w.Item.URL, w.Item.DOI} {
			if u != "" {
				out = strings.ReplaceAll(out, htmlEscape(u), "")
			}
		}
	}
	out = strings.ReplaceAll(out, "https://doi.org/", "")
	if loc := urlRE.FindStringIndex(out); loc != nil {
		t.Errorf("HTML report refers to %q outside data values", out[loc[0]:min(len(out), loc[0]+60)])
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

func TestMarkdownEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, hostileInput()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<script>") {
		t.Error("markdown report contains a raw <script> tag")
	}
}

func TestDensity(t *testing.T) {
	in := Input{
		Docs: []DocSummary{{Name: "d", Notes: 4, Sequences: []SeqInfo{{ID: "1", Notes: 4}, {ID: "2", Notes: 0}}}},
		Citations: []bib.Citation{
			{Provenance: bib.Provenance{Doc: "d", Line: 1, Seq: "1", Note: 1}, Work: "w"},
			{Provenance: bib.Provenance{Doc: "d", Line: 2, Seq: "1", Note: 2}, Work: "w"},
			{Provenance: bib.Provenance{Doc: "d", Line: 2, Seq: "1", Note: 2}, Work: "v"},
		},
	}
	v := build(in)
	seqs := v.Docs[0].Sequences
	if seqs[0].Citations != 3 || seqs[0].Density != 0.75 {
		t.Errorf("sequence 1: %d citations, density %v; want 3, 0.75", seqs[0].Citations, seqs[0].Density)
	}
	if seqs[1].Density != 0 {
		t.Errorf("sequence without notes has density %v", seqs[1].Density)
	}
	if len(v.Notes) != 2 || len(v.Notes[1].Cites) != 2 {
		t.Errorf("notes %+v, want 2 notes, the second citing 2 works", v.Notes)
	}
}

func BenchmarkHTML(b *testing.B) {
	in := loadInput(b)
	for b.Loop() {
		if err := HTML(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzReport builds inputs from fuzz strings and checks that no format
// panics or fails, and that the HTML never carries a script tag (the page
// has none of its own).
func FuzzReport(f *testing.F) {
	in := loadInput(f)
	for i, c := range in.Citations[:5] {
		f.Add(c.Doc, c.Seq, c.Work, c.Locator, in.Findings[i].Code, in.Findings[i].Message, c.Line, c.Note)
	}
	f.Add("<b>", "", "", "", "", "<script>", -1, -1)
	f.Fuzz(func(t *testing.T, doc, seq, work, locator, code, message string, line, note int) {
		in := Input{
			Docs:      []DocSummary{{Name: doc, Title: message, Notes: note, Sequences: []SeqInfo{{ID: seq, Title: code, Notes: line}}}},
			Works:     []bib.Work{{ID: work, Item: bib.Item{Type: code, Title: message, Author: []bib.Name{{Family: locator}}}}},
			Citations: []bib.Citation{{Provenance: bib.Provenance{Doc: doc, Line: line, Seq: seq, Note: note}, Work: work, Locator: locator, Form: code}},
			Findings:  []bib.Finding{{Provenance: bib.Provenance{Doc: doc, Line: line, EndLine: note}, Code: code, Message: message}},
		}
		for _, f := range formats {
			var buf bytes.Buffer
			if err := f.write(&buf, in); err != nil {
				t.Fatalf("%s: %v", f.name, err)
			}
			if f.name == "html" && strings.Contains(strings.ToLower(buf.String()), "<script") {
				t.Errorf("html carries a script tag from the data")
			}
		}
	})
}

func TestAnchorsAreUnique(t *testing.T) {
	in := Input{
		Works: []bib.Work{{ID: "a b", Item: bib.Item{Title: "One"}}, {ID: "a-b", Item: bib.Item{Title: "Two"}}},
		Citations: []bib.Citation{
			{Provenance: bib.Provenance{Doc: "d", Line: 1, Seq: "1", Note: 1}, Work: "a b"},
			{Provenance: bib.Provenance{Doc: "d", Line: 2, Seq: "1", Note: 2}, Work: "a-b"},
		},
	}
	v := build(in)
	seen := map[string]bool{}
	for _, w := range v.Works {
		if seen[w.Anchor] {
			t.Errorf("anchor %q used twice", w.Anchor)
		}
		seen[w.Anchor] = true
	}
	for _, n := range v.Notes {
		for _, c := range n.Cites {
			if !seen[c.WorkAnchor] {
				t.Errorf("note links to %q, which no work has", c.WorkAnchor)
			}
		}
	}
}
