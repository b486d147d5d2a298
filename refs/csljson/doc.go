// Package csljson reads CSL-JSON into bib.Items, leniently, because the
// files people have come from many writers (Zotero, pandoc, citeproc-js,
// hand-written): an array of items, a single item or JSON Lines; ids as
// strings or numbers or absent; numbers where CSL wants strings (volume,
// issue, page, edition); dates as date-parts of numbers or numeric strings,
// as "raw" or "literal" text or as a bare string; names as objects or as
// plain strings. Keys CSL-JSON does not define are left out, and an unknown
// type becomes "document". What cannot be read is an *Error printing
// "file:line:col: message"; an item without a type is an error naming the
// item's line.
package csljson
