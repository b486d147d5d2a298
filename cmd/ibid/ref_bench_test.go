package main

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/internal/corpus"
)

// BenchmarkRef runs the whole `ibid ref` path (reading lines, parsing on
// every core, encoding JSON Lines) over the AnyStyle corpus's 1,514
// reference strings, and reports references per second:
//
//	go test -run '^$' -bench Ref ./cmd/ibid/
func BenchmarkRef(b *testing.B) {
	refs := corpus.AnystyleStrings(b)
	input := strings.Join(refs, "\n") + "\n"
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		env := &Env{Stdin: strings.NewReader(input), Stdout: io.Discard, Stderr: io.Discard,
			Getenv: func(string) string { return "" }}
		if err := newApp(env).RunContext(context.Background(), []string{"ibid", "ref"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(refs)*b.N)/b.Elapsed().Seconds(), "refs/s")
}
