// Package store keeps ibid's library in one bbolt file: the documents that
// were harvested, the works they cite deduplicated across documents and
// imports, every citation with its provenance, the findings, and the user's
// merge corrections. Every write is one transaction: a document or an
// import is stored whole or not at all.
//
// # Layout
//
// All values are JSON. Buckets:
//
//   - meta: "schema" → the schema version ("1"); a file without it is not
//     an ibid store.
//   - docs: document name → docRecord (hash, title, counts, sequences,
//     findings, and the map from the document's local work keys to work
//     ids).
//   - imports: import source → importRecord (the same map for an import).
//   - works: work id → workRecord: the merged item, and every description
//     it was built from (variant) with where each came from (origin:
//     "doc:NAME" or "import:SOURCE", the local key, the provenance).
//   - citations: document name → the document's []bib.Citation, whose Work
//     is the document's local key (resolved through docRecord.Keys when
//     read, so merges never rewrite citations).
//   - heads: work id → headRecord: just the merged item and the identities
//     of its descriptions, what candidate search compares, so that it never
//     decodes a popular work's whole history.
//   - index: blocking key + "\x00" + work id → empty. Candidate search for
//     deduplication seeks the prefix of each of bib.BlockKeys(item).
//   - merges: the user's corrections, re-applied on later harvests:
//     "alias\x00IDENTITY" → "WORK\x00GROUP" (a description with that
//     identity belongs to WORK), "apart\x00IDENTITY\x00IDENTITY" → "" (never
//     merge these automatically), "moved\x00OLD" → NEW (an id merged away).
//
// An identity is bib.WorkID of one description (not of the merged work).
package store

// schemaVersion is the layout described above.
const schemaVersion = "2"

// Bucket names.
var (
	bucketMeta      = []byte("meta")
	bucketDocs      = []byte("docs")
	bucketImports   = []byte("imports")
	bucketWorks     = []byte("works")
	bucketHeads     = []byte("heads")
	bucketCitations = []byte("citations")
	bucketIndex     = []byte("index")
	bucketMerges    = []byte("merges")

	allBuckets = [][]byte{bucketMeta, bucketDocs, bucketImports, bucketWorks, bucketHeads, bucketCitations, bucketIndex, bucketMerges}
)

const keySchema = "schema"
