// Package export writes works out of ibid for other programs: BibTeX that
// bibtex, biber, pandoc and Better BibTeX read, and CSL-JSON valid against
// the CSL schema that citeproc-js, pandoc and Zotero read. Both writers are
// deterministic: the same works give byte-identical output whatever their
// order, and the CSL-JSON ids equal the BibTeX keys.
package export
