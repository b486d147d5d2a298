package csljson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// stringFields are the CSL variables kept as text, with the older or Zotero
// spellings some writers still use.
var stringFields = map[string]func(*bib.Item) *string{
	"title":                 func(it *bib.Item) *string { return &it.Title },
	"title-short":           func(it *bib.Item) *string { return &it.TitleShort },
	"shortTitle":            func(it *bib.Item) *string { return &it.TitleShort },
	"container-title":       func(it *bib.Item) *string { return &it.ContainerTitle },
	"container-title-short": func(it *bib.Item) *string { return &it.ContainerTitleShort },
	"journalAbbreviation":   func(it *bib.Item) *string { return &it.ContainerTitleShort },
	"collection-title":      func(it *bib.Item) *string { return &it.CollectionTitle },
	"collection-number":     func(it *bib.Item) *string { return &it.CollectionNumber },
	"original-title":        func(it *bib.Item) *string { return &it.OriginalTitle },
	"publisher":             func(it *bib.Item) *string { return &it.Publisher },
	"publisher-place":       func(it *bib.Item) *string { return &it.PublisherPlace },
	"edition":               func(it *bib.Item) *string { return &it.Edition },
	"volume":                func(it *bib.Item) *string { return &it.Volume },
	"number-of-volumes":     func(it *bib.Item) *string { return &it.NumberOfVols },
	"issue":                 func(it *bib.Item) *string { return &it.Issue },
	"number":                func(it *bib.Item) *string { return &it.Number },
	"page":                  func(it *bib.Item) *string { return &it.Page },
	"section":               func(it *bib.Item) *string { return &it.Section },
	"genre":                 func(it *bib.Item) *string { return &it.Genre },
	"medium":                func(it *bib.Item) *string { return &it.Medium },
	"event-title":           func(it *bib.Item) *string { return &it.Event },
	"event":                 func(it *bib.Item) *string { return &it.Event },
	"event-place":           func(it *bib.Item) *string { return &it.EventPlace },
	"archive":               func(it *bib.Item) *string { return &it.Archive },
	"archive_location":      func(it *bib.Item) *string { return &it.ArchiveLocation },
	"archive-place":         func(it *bib.Item) *string { return &it.ArchivePlace },
	"URL":                   func(it *bib.Item) *string { return &it.URL },
	"DOI":                   func(it *bib.Item) *string { return &it.DOI },
	"ISBN":                  func(it *bib.Item) *string { return &it.ISBN },
	"ISSN":                  func(it *bib.Item) *string { return &it.ISSN },
	"language":              func(it *bib.Item) *string { return &it.Language },
	"note":                  func(it *bib.Item) *string { return &it.Note },
}

// nameFields are the CSL name variables bib.Item keeps.
var nameFields = map[string]func(*bib.Item) *[]bib.Name{
	"author":           func(it *bib.Item) *[]bib.Name { return &it.Author },
	"editor":           func(it *bib.Item) *[]bib.Name { return &it.Editor },
	"translator":       func(it *bib.Item) *[]bib.Name { return &it.Translator },
	"recipient":        func(it *bib.Item) *[]bib.Name { return &it.Recipient },
	"interviewer":      func(it *bib.Item) *[]bib.Name { return &it.Interviewer },
	"container-author": func(it *bib.Item) *[]bib.Name { return &it.ContainerAuthor },
}

// dateFields are the CSL date variables bib.Item keeps.
var dateFields = map[string]func(*bib.Item) **bib.Date{
	"issued":        func(it *bib.Item) **bib.Date { return &it.Issued },
	"original-date": func(it *bib.Item) **bib.Date { return &it.OriginalDate },
	"accessed":      func(it *bib.Item) **bib.Date { return &it.Accessed },
}

// convertItem reads one item; msg says what is wrong when it cannot.
func convertItem(raw json.RawMessage) (it bib.Item, msg string) {
	var fields map[string]json.RawMessage
	if err := unmarshal(raw, &fields); err != nil || fields == nil {
		return it, fmt.Sprintf("expected a CSL item (a JSON object), found %s", abbreviate(raw))
	}
	it.ID = text(fields["id"])
	typ, ok := fields["type"]
	if !ok || text(typ) == "" {
		if it.ID != "" {
			return it, fmt.Sprintf("item %q has no \"type\"", it.ID)
		}
		return it, `item has no "type"`
	}
	it.Type = cslType(text(typ))
	for key, value := range fields {
		switch {
		case stringFields[key] != nil:
			*stringFields[key](&it) = text(value)
		case nameFields[key] != nil:
			*nameFields[key](&it) = names(value)
		case dateFields[key] != nil:
			*dateFields[key](&it) = date(value)
		case key == "custom":
			var custom map[string]any
			if unmarshal(value, &custom) == nil && len(custom) > 0 {
				it.Custom = custom
			}
		}
	}
	return it, ""
}

// cslType returns t as a CSL type, forgiving case and - for _; anything
// unknown is "document".
func cslType(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	for _, try := range []string{t, strings.ReplaceAll(t, "_", "-"), strings.ReplaceAll(t, "-", "_")} {
		if bib.Types[try] {
			return try
		}
	}
	return "document"
}

// text returns a JSON string or number as text, trimmed; anything else is "".
func text(raw json.RawMessage) string {
	var v any
	if unmarshal(raw, &v) != nil {
		return ""
	}
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case json.Number:
		return v.String()
	}
	return ""
}

// unmarshal decodes with numbers kept as json.Number.
func unmarshal(raw json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	return dec.Decode(v)
}

// abbreviate shows the start of a JSON value in a message.
func abbreviate(raw json.RawMessage) string {
	s := string(raw)
	if len(s) > 20 {
		s = s[:20] + "..."
	}
	return s
}
