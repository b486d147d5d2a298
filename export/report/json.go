package report

import (
	"encoding/json"
	"fmt"
	"io"
)

// JSON writes the report as one indented JSON object. The shape is stable;
// fields are only ever added:
//
//	{
//	  "summary":   {"documents": N, "notes": N, "works": N, "citations": N, "findings": N},
//	  "documents": [{"name", "title", "notes", "entries", "citations",
//	                 "sequences": [{"id", "title", "notes", "citations",
//	                                "density"}]}],           // input order
//	  "works":     [{"id", "label", "entry",                  // sorted by author, title
//	                 "citations": [{"doc", "seq", "note", "line", "locator",
//	                                "form"}]}],               // document order
//	  "notes":     [{"doc", "seq", "note", "line",            // document order
//	                 "works": [{"id", "label", "locator", "form"}]}],
//	  "findings":  [{"code", "count",                         // FindingCodes order
//	                 "items": [{"doc", "line", "end_line", "seq", "note",
//	                            "message"}]}],                // document order
//	  "most_cited": [{"id", "label", "citations"}]            // top 20, most first
//	}
//
// "entry" is the work's Chicago bibliography entry as plain text; "density"
// is citations per note; "note" is 0 and "seq" empty for citations outside
// notes (in-text); "locator", "seq", "end_line" and "entry" are omitted when
// empty. Lists are [] when empty, never null.
func JSON(w io.Writer, in Input) error {
	v := build(in)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(toJSON(v)); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}

type jsonReport struct {
	Summary   jsonSummary    `json:"summary"`
	Documents []jsonDoc      `json:"documents"`
	Works     []jsonWork     `json:"works"`
	Notes     []jsonNote     `json:"notes"`
	Findings  []jsonFindings `json:"findings"`
	MostCited []jsonTop      `json:"most_cited"`
}

type jsonSummary struct {
	Documents int `json:"documents"`
	Notes     int `json:"notes"`
	Works     int `json:"works"`
	Citations int `json:"citations"`
	Findings  int `json:"findings"`
}

type jsonDoc struct {
	Name      string    `json:"name"`
	Title     string    `json:"title"`
	Notes     int       `json:"notes"`
	Entries   int       `json:"entries"`
	Citations int       `json:"citations"`
	Sequences []jsonSeq `json:"sequences"`
}

type jsonSeq struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Notes     int     `json:"notes"`
	Citations int     `json:"citations"`
	Density   float64 `json:"density"`
}

type jsonWork struct {
	ID        string     `json:"id"`
	Label     string     `json:"label"`
	Entry     string     `json:"entry,omitempty"`
	Citations []jsonCite `json:"citations"`
}

type jsonCite struct {
	Doc     string `json:"doc"`
	Seq     string `json:"seq,omitempty"`
	Note    int    `json:"note"`
	Line    int    `json:"line"`
	Locator string `json:"locator,omitempty"`
	Form    string `json:"form"`
}

type jsonNote struct {
	Doc   string         `json:"doc"`
	Seq   string         `json:"seq,omitempty"`
	Note  int            `json:"note"`
	Line  int            `json:"line"`
	Works []jsonNoteWork `json:"works"`
}

type jsonNoteWork struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Locator string `json:"locator,omitempty"`
	Form    string `json:"form"`
}

type jsonFindings struct {
	Code  string        `json:"code"`
	Count int           `json:"count"`
	Items []jsonFinding `json:"items"`
}

type jsonFinding struct {
	Doc     string `json:"doc"`
	Line    int    `json:"line"`
	EndLine int    `json:"end_line,omitempty"`
	Seq     string `json:"seq,omitempty"`
	Note    int    `json:"note"`
	Message string `json:"message"`
}

type jsonTop struct {
	ID        string `json:"id"`
	Label     string `json:"label"`
	Citations int    `json:"citations"`
}

func toJSON(v view) jsonReport {
	r := jsonReport{
		Summary:   jsonSummary(v.Summary),
		Documents: []jsonDoc{}, Works: []jsonWork{}, Notes: []jsonNote{},
		Findings: []jsonFindings{}, MostCited: []jsonTop{},
	}
	for _, d := range v.Docs {
		jd := jsonDoc{Name: d.Name, Title: d.Title, Notes: d.Notes, Entries: d.Entries, Citations: d.Citations, Sequences: []jsonSeq{}}
		for _, s := range d.Sequences {
			jd.Sequences = append(jd.Sequences, jsonSeq{ID: s.ID, Title: s.Title, Notes: s.Notes, Citations: s.Citations,
				Density: round2(s.Density)})
		}
		r.Documents = append(r.Documents, jd)
	}
	for _, w := range v.Works {
		jw := jsonWork{ID: w.ID, Label: w.Label, Entry: w.Entry.Text(), Citations: []jsonCite{}}
		for _, c := range w.Cites {
			jw.Citations = append(jw.Citations, jsonCite(c))
		}
		r.Works = append(r.Works, jw)
	}
	for _, n := range v.Notes {
		jn := jsonNote{Doc: n.Doc, Seq: n.Seq, Note: n.Note, Line: n.Line, Works: []jsonNoteWork{}}
		for _, c := range n.Cites {
			jn.Works = append(jn.Works, jsonNoteWork{ID: c.WorkID, Label: c.Label, Locator: c.Locator, Form: c.Form})
		}
		r.Notes = append(r.Notes, jn)
	}
	for _, g := range v.Findings {
		jf := jsonFindings{Code: g.Code, Count: len(g.Items), Items: []jsonFinding{}}
		for _, f := range g.Items {
			jf.Items = append(jf.Items, jsonFinding{Doc: f.Doc, Line: f.Line, EndLine: f.EndLine, Seq: f.Seq, Note: f.Note, Message: f.Message})
		}
		r.Findings = append(r.Findings, jf)
	}
	for _, w := range v.MostCited {
		r.MostCited = append(r.MostCited, jsonTop{ID: w.ID, Label: w.Label, Citations: len(w.Cites)})
	}
	return r
}

// round2 rounds to two decimals so that densities print the same on every
// platform.
func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }
