package main

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/refs/cite"
)

func refCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "ref",
		Usage:     "parse reference strings, one per line, into CSL-JSON items",
		ArgsUsage: "[FILE|-]...",
		Description: `Reads reference strings, one per line, from the files given or from stdin, and
writes one CSL-JSON item per line (JSON Lines), in input order. Blank lines are
skipped. With --note the strings are read as footnote citations (a final page number
is the pinpoint, given under "custom"), else as bibliography entries.

   echo 'Serge, Victor. Memoirs of a Revolutionary. London: Writers and Readers, 1984.' | ibid ref`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "note", Usage: "read the strings as footnote citations rather than bibliography entries"},
		},
		Action: func(c *cli.Context) error {
			kind := cite.Entry
			if c.Bool("note") {
				kind = cite.Note
			}
			paths := c.Args().Slice()
			if len(paths) == 0 {
				paths = []string{"-"}
			}
			out := bufio.NewWriter(env.Stdout)
			for _, p := range paths {
				if err := refFile(env, p, kind, out); err != nil {
					return err
				}
			}
			if err := out.Flush(); err != nil {
				return fmt.Errorf("write: %w", err)
			}
			return nil
		},
	}
}

func refFile(env *Env, path string, kind cite.Kind, out *bufio.Writer) error {
	var r io.Reader
	if path == "-" {
		if f, ok := env.Stdin.(*os.File); ok && isTerminal(f) {
			return usagef("ref: refusing to read from a terminal; pipe references in or name a file")
		}
		r = env.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, unwrapPathError(err))
		}
		defer f.Close()
		r = f
	}
	pl := startRefPipeline(kind, out)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if s == "" {
			continue
		}
		if !pl.add(s) {
			break // writing failed: stop reading
		}
	}
	if err := sc.Err(); err != nil {
		pl.abort()
		if werr := pl.wait(); werr != nil {
			return werr
		}
		return fmt.Errorf("read %s:%d: %w", path, line+1, err)
	}
	pl.flush()
	return pl.wait()
}

// refBatch is how many references are committed to the output at once: a
// read error drops the batch it happens in, as the references of a batch
// are written only once the whole batch is read.
const refBatch = 1024

// refChunk is how many references one worker parses and encodes at a
// time; a batch is split into chunks so that every core has work.
const refChunk = 64

// refInFlight is how many read batches may wait to be written, bounding
// memory on huge inputs while parsing overlaps reading and writing.
const refInFlight = 2

// refJob is a chunk of reference strings and, once done is closed, their
// JSON Lines.
type refJob struct {
	refs []string
	out  []byte
	ends []int // where each reference's line ends in out
	err  error // encoding failed after out
	done chan struct{}
}

// refPipeline parses and encodes references on every core and writes
// them in input order: the reader adds strings, workers turn chunks of
// them into JSON Lines, and a writer writes the chunks of each complete
// batch in order.
type refPipeline struct {
	kind    cite.Kind
	jobs    chan *refJob   // chunks to parse
	batches chan []*refJob // complete batches to write, in order
	chunk   *refJob        // the chunk being filled
	batch   []*refJob      // the batch being filled
	n       int            // references in the batch
	workers sync.WaitGroup
	written chan error // the writer's result
	failed  atomic.Bool
}

func startRefPipeline(kind cite.Kind, out *bufio.Writer) *refPipeline {
	pl := &refPipeline{
		kind:    kind,
		jobs:    make(chan *refJob, 2*refBatch/refChunk),
		batches: make(chan []*refJob, refInFlight),
		written: make(chan error, 1),
	}
	for range runtime.GOMAXPROCS(0) {
		pl.workers.Add(1)
		go pl.work()
	}
	go pl.write(out)
	return pl
}

// add queues one reference string; it reports false once writing failed.
func (pl *refPipeline) add(s string) bool {
	if pl.chunk == nil {
		pl.chunk = &refJob{refs: make([]string, 0, refChunk), done: make(chan struct{})}
	}
	pl.chunk.refs = append(pl.chunk.refs, s)
	pl.n++
	if len(pl.chunk.refs) == refChunk || pl.n == refBatch {
		pl.endChunk()
	}
	if pl.n == refBatch {
		pl.endBatch()
	}
	return !pl.failed.Load()
}

func (pl *refPipeline) endChunk() {
	if pl.chunk != nil {
		pl.batch = append(pl.batch, pl.chunk)
		pl.jobs <- pl.chunk
		pl.chunk = nil
	}
}

func (pl *refPipeline) endBatch() {
	if len(pl.batch) > 0 {
		pl.batches <- pl.batch
	}
	pl.batch, pl.n = nil, 0
}

// flush commits the last, partial batch.
func (pl *refPipeline) flush() {
	pl.endChunk()
	pl.endBatch()
}

// abort drops the batch being read: its chunks already queued are
// parsed but never written.
func (pl *refPipeline) abort() {
	pl.chunk, pl.batch, pl.n = nil, nil, 0
}

// wait ends the pipeline once everything committed is written, and
// returns the first write error.
func (pl *refPipeline) wait() error {
	close(pl.jobs)
	close(pl.batches)
	err := <-pl.written
	pl.workers.Wait()
	return err
}

// work parses and encodes chunks; the locator of a note citation goes
// under "custom".
func (pl *refPipeline) work() {
	defer pl.workers.Done()
	var out []byte // the chunk's lines, reused from chunk to chunk
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // for what appendItem leaves to encoding/json
	enc.SetEscapeHTML(false)
	var it bib.Item // one per worker: encoding it makes it escape
	for job := range pl.jobs {
		out = out[:0]
		if !pl.failed.Load() {
			job.ends = make([]int, 0, len(job.refs))
			for _, s := range job.refs {
				ref := cite.Parse(s, pl.kind)
				it = ref.Item
				if ref.Locator != "" {
					it.Custom = map[string]any{"locator": ref.Locator}
				}
				ok := false
				if itemEncoderFits {
					out, ok = appendItem(out, &it)
				}
				if ok {
					out = append(out, '\n')
				} else {
					buf.Reset()
					if err := enc.Encode(&it); err != nil {
						job.err = fmt.Errorf("write: %w", err)
						break
					}
					out = append(out, buf.Bytes()...)
				}
				job.ends = append(job.ends, len(out))
			}
			job.out = bytes.Clone(out)
		}
		close(job.done)
	}
}

// write writes the batches' chunks in order, a line at a time as the
// encoder did; after an error it only drains them.
func (pl *refPipeline) write(out *bufio.Writer) {
	var err error
	for batch := range pl.batches {
		for _, job := range batch {
			<-job.done
			if err == nil {
				err = writeLines(out, job)
				if err != nil {
					pl.failed.Store(true)
				}
			}
			job.out = nil
		}
	}
	pl.written <- err
}

func writeLines(out *bufio.Writer, job *refJob) error {
	start := 0
	for _, end := range job.ends {
		if _, err := out.Write(job.out[start:end]); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		start = end
	}
	return job.err
}

// The JSON Lines of `ibid ref` are written by appendItem, a hand-written
// encoder that gives byte for byte what encoding/json gives for a
// bib.Item with HTML escaping off (fields in declaration order, empty ones
// omitted, strings escaped alike), at a fraction of the cost. It is used
// only while bib.Item, bib.Name and bib.Date have the fields it knows
// (itemEncoderFits, checked once); otherwise encoding/json writes them.

// itemFields, nameFields and dateFields are the JSON keys, in order, of the
// fields appendItem writes.
var (
	itemFields = []string{"id", "type", "author", "editor", "translator", "recipient", "interviewer",
		"container-author", "title", "title-short", "container-title", "container-title-short",
		"collection-title", "collection-number", "original-title", "publisher", "publisher-place",
		"edition", "volume", "number-of-volumes", "issue", "number", "page", "section", "genre",
		"medium", "event-title", "event-place", "archive", "archive_location", "archive-place",
		"issued", "original-date", "accessed", "URL", "DOI", "ISBN", "ISSN", "language", "note", "custom"}
	nameFields = []string{"family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal"}
	dateFields = []string{"date-parts", "season", "circa", "literal"}
)

// itemEncoderFits reports whether bib.Item, bib.Name and bib.Date are as
// appendItem knows them: the same fields with the same keys and kinds, all
// but "type" omitempty, and no marshalling methods of their own.
var itemEncoderFits = structFits(reflect.TypeFor[bib.Item](), itemFields, "type") &&
	structFits(reflect.TypeFor[bib.Name](), nameFields, "") &&
	structFits(reflect.TypeFor[bib.Date](), dateFields, "")

func structFits(t reflect.Type, keys []string, required string) bool {
	marshaler := reflect.TypeFor[json.Marshaler]()
	textMarshaler := reflect.TypeFor[encoding.TextMarshaler]()
	if t.NumField() != len(keys) || t.Implements(marshaler) || reflect.PointerTo(t).Implements(marshaler) ||
		t.Implements(textMarshaler) || reflect.PointerTo(t).Implements(textMarshaler) {
		return false
	}
	for i, key := range keys {
		f := t.Field(i)
		want := key + ",omitempty"
		if key == required {
			want = key
		}
		if f.Tag.Get("json") != want || !kindFits(key, f.Type) {
			return false
		}
	}
	return true
}

// kindFits reports whether a field under key has the type appendItem
// writes it as.
func kindFits(key string, t reflect.Type) bool {
	switch key {
	case "author", "editor", "translator", "recipient", "interviewer", "container-author":
		return t == reflect.TypeFor[[]bib.Name]()
	case "issued", "original-date", "accessed":
		return t == reflect.TypeFor[*bib.Date]()
	case "custom":
		return t == reflect.TypeFor[map[string]any]()
	case "date-parts":
		return t == reflect.TypeFor[[][]int]()
	case "season":
		return t == reflect.TypeFor[int]()
	case "circa":
		return t == reflect.TypeFor[bool]()
	}
	return t == reflect.TypeFor[string]()
}

// appendItem appends it as encoding/json encodes it with HTML escaping
// off, without the newline. ok is false when it holds what appendItem
// leaves to encoding/json (custom values other than one string).
func appendItem(b []byte, it *bib.Item) (_ []byte, ok bool) {
	if len(it.Custom) > 1 {
		return b, false
	}
	var locator string
	for k, v := range it.Custom {
		s, isString := v.(string)
		if !isString || k != "locator" {
			return b, false
		}
		locator = s
	}
	b = append(b, '{')
	open := len(b)
	b = stringField(b, open, "id", it.ID)
	b = appendJSONString(appendKey(b, open, "type"), it.Type)
	b = namesField(b, open, "author", it.Author)
	b = namesField(b, open, "editor", it.Editor)
	b = namesField(b, open, "translator", it.Translator)
	b = namesField(b, open, "recipient", it.Recipient)
	b = namesField(b, open, "interviewer", it.Interviewer)
	b = namesField(b, open, "container-author", it.ContainerAuthor)
	b = stringField(b, open, "title", it.Title)
	b = stringField(b, open, "title-short", it.TitleShort)
	b = stringField(b, open, "container-title", it.ContainerTitle)
	b = stringField(b, open, "container-title-short", it.ContainerTitleShort)
	b = stringField(b, open, "collection-title", it.CollectionTitle)
	b = stringField(b, open, "collection-number", it.CollectionNumber)
	b = stringField(b, open, "original-title", it.OriginalTitle)
	b = stringField(b, open, "publisher", it.Publisher)
	b = stringField(b, open, "publisher-place", it.PublisherPlace)
	b = stringField(b, open, "edition", it.Edition)
	b = stringField(b, open, "volume", it.Volume)
	b = stringField(b, open, "number-of-volumes", it.NumberOfVols)
	b = stringField(b, open, "issue", it.Issue)
	b = stringField(b, open, "number", it.Number)
	b = stringField(b, open, "page", it.Page)
	b = stringField(b, open, "section", it.Section)
	b = stringField(b, open, "genre", it.Genre)
	b = stringField(b, open, "medium", it.Medium)
	b = stringField(b, open, "event-title", it.Event)
	b = stringField(b, open, "event-place", it.EventPlace)
	b = stringField(b, open, "archive", it.Archive)
	b = stringField(b, open, "archive_location", it.ArchiveLocation)
	b = stringField(b, open, "archive-place", it.ArchivePlace)
	b = dateField(b, open, "issued", it.Issued)
	b = dateField(b, open, "original-date", it.OriginalDate)
	b = dateField(b, open, "accessed", it.Accessed)
	b = stringField(b, open, "URL", it.URL)
	b = stringField(b, open, "DOI", it.DOI)
	b = stringField(b, open, "ISBN", it.ISBN)
	b = stringField(b, open, "ISSN", it.ISSN)
	b = stringField(b, open, "language", it.Language)
	b = stringField(b, open, "note", it.Note)
	if len(it.Custom) == 1 {
		b = append(appendKey(b, open, "custom"), `{"locator":`...)
		b = append(appendJSONString(b, locator), '}')
	}
	return append(b, '}'), true
}

// appendKey appends an object's key, after a comma unless it is the first
// since the object opened at open.
func appendKey(b []byte, open int, key string) []byte {
	if len(b) > open {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, key...)
	return append(b, '"', ':')
}

func stringField(b []byte, open int, key, v string) []byte {
	if v == "" {
		return b
	}
	return appendJSONString(appendKey(b, open, key), v)
}

func namesField(b []byte, open int, key string, names []bib.Name) []byte {
	if len(names) == 0 {
		return b
	}
	b = append(appendKey(b, open, key), '[')
	for i := range names {
		if i > 0 {
			b = append(b, ',')
		}
		n := &names[i]
		b = append(b, '{')
		at := len(b)
		b = stringField(b, at, "family", n.Family)
		b = stringField(b, at, "given", n.Given)
		b = stringField(b, at, "dropping-particle", n.DroppingParticle)
		b = stringField(b, at, "non-dropping-particle", n.NonDroppingParticle)
		b = stringField(b, at, "suffix", n.Suffix)
		b = stringField(b, at, "literal", n.Literal)
		b = append(b, '}')
	}
	return append(b, ']')
}

func dateField(b []byte, open int, key string, d *bib.Date) []byte {
	if d == nil {
		return b
	}
	b = append(appendKey(b, open, key), '{')
	at := len(b)
	if len(d.DateParts) > 0 {
		b = append(appendKey(b, at, "date-parts"), '[')
		for i, part := range d.DateParts {
			if i > 0 {
				b = append(b, ',')
			}
			if part == nil {
				b = append(b, "null"...)
				continue
			}
			b = append(b, '[')
			for j, n := range part {
				if j > 0 {
					b = append(b, ',')
				}
				b = strconv.AppendInt(b, int64(n), 10)
			}
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	if d.Season != 0 {
		b = strconv.AppendInt(appendKey(b, at, "season"), int64(d.Season), 10)
	}
	if d.Circa {
		b = append(appendKey(b, at, "circa"), "true"...)
	}
	b = stringField(b, at, "literal", d.Literal)
	return append(b, '}')
}

// appendJSONString appends s quoted as encoding/json quotes a string with
// HTML escaping off: `"` and `\` and control characters escaped (\b, \f,
// \n, \r, \t or \u00XX), invalid bytes as \ufffd, U+2028 and U+2029 as
// \u2028 and \u2029, everything else as it is.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
