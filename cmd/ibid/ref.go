package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

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
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	var it bib.Item // one per worker: encoding it makes it escape
	for job := range pl.jobs {
		buf.Reset()
		if !pl.failed.Load() {
			job.ends = make([]int, 0, len(job.refs))
			for _, s := range job.refs {
				ref := cite.Parse(s, pl.kind)
				it = ref.Item
				if ref.Locator != "" {
					it.Custom = map[string]any{"locator": ref.Locator}
				}
				if err := enc.Encode(&it); err != nil {
					job.err = fmt.Errorf("write: %w", err)
					break
				}
				job.ends = append(job.ends, buf.Len())
			}
			job.out = bytes.Clone(buf.Bytes())
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
