package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// WriteCSLJSON writes works as a CSL-JSON array valid against the CSL
// schema (csl-data.json), sorted by key, each item's id its key from keys
// (see Keys; a nil map or a missing key gets a generated one). A work's
// provenance goes under custom.ibid (with its ibid id), since the schema
// allows no other extra keys. The language of a title in French, Spanish
// or German is filled in when the item has none, so that citeproc does not
// title-case it.
func WriteCSLJSON(w io.Writer, works []bib.Work, keys map[string]string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	ordered := orderWorks(works, keys)
	if len(ordered) == 0 {
		bw.WriteString("[]\n")
	} else {
		bw.WriteString("[\n")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	for i, k := range ordered {
		buf.Reset()
		if err := enc.Encode(cslItem(k.work, k.key)); err != nil {
			return fmt.Errorf("write csl-json item %s: %w", k.key, err)
		}
		bw.WriteString("  ")
		bw.Write(bytes.TrimRight(buf.Bytes(), "\n"))
		if i < len(ordered)-1 {
			bw.WriteString(",\n")
		} else {
			bw.WriteString("\n]\n")
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write csl-json: %w", err)
	}
	return nil
}

// cslRecord is an item as written: bib.Item and the CSL variables ibid
// only fills on export.
type cslRecord struct {
	bib.Item
	// References says where an item nobody could otherwise retrieve was
	// cited (see makeListed).
	References string `json:"references,omitempty"`
}

// cslItem is the item as written: id set to the key, only schema types,
// dates and names the schema accepts, provenance under custom, and what
// Chicago styles need to list it (see makeListed).
func cslItem(w *bib.Work, key string) cslRecord {
	it := w.Item
	it.ID = key
	if !bib.Types[it.Type] {
		it.Type = "document"
	}
	it.Language = itemLanguage(it.Language, it.Title)
	it.Author = cslNames(it.Author)
	it.Editor = cslNames(it.Editor)
	it.Translator = cslNames(it.Translator)
	it.Recipient = cslNames(it.Recipient)
	it.Interviewer = cslNames(it.Interviewer)
	it.ContainerAuthor = cslNames(it.ContainerAuthor)
	it.Issued = cslDate(it.Issued)
	it.OriginalDate = cslDate(it.OriginalDate)
	it.Accessed = cslDate(it.Accessed)
	it.Custom = cslCustom(w)
	out := cslRecord{Item: it}
	makeListed(&out, w.Sources)
	return out
}

// cslCustom adds ibid's id and provenance to the item's custom object,
// keeping what is there.
func cslCustom(w *bib.Work) map[string]any {
	custom := make(map[string]any, len(w.Item.Custom)+1)
	for k, v := range w.Item.Custom {
		custom[k] = v
	}
	ibid := map[string]any{}
	if prev, ok := custom["ibid"].(map[string]any); ok {
		for k, v := range prev {
			ibid[k] = v
		}
	}
	if w.ID != "" {
		ibid["work"] = w.ID
	}
	if len(w.Sources) > 0 {
		ibid["sources"] = w.Sources
	}
	if len(ibid) > 0 {
		custom["ibid"] = ibid
	}
	if len(custom) == 0 {
		return nil
	}
	return custom
}

// cslNames drops names with no part filled, which the schema would take
// but citeproc renders as nothing.
func cslNames(names []bib.Name) []bib.Name {
	var out []bib.Name
	for _, n := range names {
		if strings.TrimSpace(n.Family+n.Given+n.Literal) != "" {
			out = append(out, n)
		}
	}
	return out
}

// cslDate keeps what the schema accepts: one or two date-parts of one to
// three positive integers (a part is cut at its first zero), else a
// literal, else nothing.
func cslDate(d *bib.Date) *bib.Date {
	if d == nil {
		return nil
	}
	out := bib.Date{Season: d.Season, Circa: d.Circa}
	if out.Season < 0 || out.Season > 4 {
		out.Season = 0
	}
	for _, p := range d.DateParts {
		if len(out.DateParts) == 2 {
			break
		}
		var part []int
		for _, n := range p {
			if n <= 0 || len(part) == 3 {
				break
			}
			part = append(part, n)
		}
		if len(part) == 0 {
			break
		}
		out.DateParts = append(out.DateParts, part)
	}
	if len(out.DateParts) == 0 {
		out.Literal = strings.TrimSpace(d.Literal)
		if out.Literal == "" {
			return nil
		}
	}
	return &out
}
