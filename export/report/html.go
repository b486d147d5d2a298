package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"noteName": noteName,
	"where":    where,
	"plural":   plural,
	"chart":    densityChart,
	"entry":    func(w workView) template.HTML { return template.HTML(w.Entry.HTML()) }, // Rich.HTML escapes
	"density":  func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"inc":      func(i int) int { return i + 1 },
}).Parse(htmlSource))

// HTML writes the report as one self-contained HTML page: inline CSS and
// SVG only, no scripts, fonts or images from anywhere. Besides what every
// format holds (documents, index of works, index of notes, findings), it
// has a summary header, a table of contents, a bar chart per document of
// citations per note in each sequence (chapter), and the twenty most-cited
// works. All input text is escaped by html/template.
func HTML(w io.Writer, in Input) error {
	v := build(in)
	data := struct {
		view
		Top []topBar
	}{view: v, Top: topBars(v.MostCited)}
	if err := htmlTemplate.Execute(w, data); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}
