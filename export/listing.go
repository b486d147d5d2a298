package export

import (
	"sort"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// Chicago styles (CMOS 18) leave out of a bibliography what a reader cannot
// retrieve: personal communications and interviews, and in note styles
// manuscripts, documents, speeches and conference papers, unless an archive,
// publisher, container, number, DOI, URL or references say where to find
// them; unsigned reference entries; classics without an edition; social
// media posts. An export must list every work, so such an item gets what
// ibid knows about where it is found, and the nearest type that is listed.

// retrievable are the variables whose presence makes Chicago list an
// otherwise unlisted item.
func retrievable(it *bib.Item) bool {
	for _, v := range []string{it.Archive, it.ArchivePlace, it.ContainerTitle, it.DOI, it.Number, it.Publisher, it.URL} {
		if strings.TrimSpace(v) != "" {
			return true
		}
	}
	return false
}

// makeListed changes it, when Chicago would leave it out of a
// bibliography, so that it is listed: an unsigned reference entry in a
// named work becomes a chapter of it, a classic without an edition a book,
// a post a blog post, and an item nobody could retrieve says where it was
// cited ("Cited in thesis.txt") in references.
func makeListed(out *cslRecord, sources []bib.Provenance) {
	it := &out.Item
	switch it.Type {
	case "entry", "entry-dictionary", "entry-encyclopedia":
		if len(it.Author) > 0 {
			return
		}
		if strings.TrimSpace(it.ContainerTitle) != "" {
			it.Type = "chapter"
			return
		}
		it.Type = "document"
	case "classic":
		if it.Archive == "" && it.Publisher == "" && len(it.Editor) == 0 && len(it.Translator) == 0 {
			it.Type = "book"
		}
		return
	case "post":
		it.Type = "post-weblog"
		return
	case "interview", "personal_communication", "document", "manuscript", "paper-conference", "speech":
	default:
		return
	}
	if retrievable(it) {
		return
	}
	out.References = citedIn(sources)
}

// citedIn says which documents cite a work: "Cited in a.txt, b.txt", or
// "Unpublished" when ibid has no provenance for it.
func citedIn(sources []bib.Provenance) string {
	seen := map[string]bool{}
	var docs []string
	for _, s := range sources {
		if d := strings.TrimSpace(s.Doc); d != "" && !seen[d] {
			seen[d] = true
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return "Unpublished"
	}
	sort.Strings(docs)
	return "Cited in " + strings.Join(docs, ", ")
}
