package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/corpus"
	"github.com/ibid-project/ibid/refs/cite"
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

// TestAppendItem checks that the hand-written encoder of `ibid ref` gives
// byte for byte what encoding/json gives, on every AnyStyle string read
// both ways and on items holding what the corpus lacks.
func TestAppendItem(t *testing.T) {
	if !itemEncoderFits {
		t.Fatal("bib.Item, bib.Name or bib.Date changed: update appendItem (encoding/json is used meanwhile)")
	}
	var items []bib.Item
	for _, s := range corpus.AnystyleStrings(t) {
		for _, kind := range []cite.Kind{cite.Entry, cite.Note} {
			ref := cite.Parse(s, kind)
			it := ref.Item
			if ref.Locator != "" {
				it.Custom = map[string]any{"locator": ref.Locator}
			}
			items = append(items, it)
		}
	}
	odd := "a\"b\\c\x00\x01\x1f\b\f\n\r\t\x7f<>&é\u2028\u2029\xff\xc3 🙂 end"
	items = append(items,
		bib.Item{Type: "book"},
		bib.Item{ID: odd, Type: odd, Title: odd, Note: odd, URL: "http://x/?a=1&b=<2>",
			Author:          []bib.Name{{}, {Family: odd, Given: "G", DroppingParticle: "d", NonDroppingParticle: "n", Suffix: "Jr.", Literal: "L"}},
			ContainerAuthor: []bib.Name{{Literal: "Org"}}, Editor: []bib.Name{}, Custom: map[string]any{"locator": odd}},
		bib.Item{Type: "article", Issued: &bib.Date{}, OriginalDate: &bib.Date{DateParts: [][]int{nil, {}, {-1, 0, 12}}, Season: -2, Circa: true, Literal: odd},
			Accessed: &bib.Date{DateParts: [][]int{{2020, 11, 17}}}, Custom: map[string]any{}},
	)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i := range items {
		buf.Reset()
		if err := enc.Encode(&items[i]); err != nil {
			t.Fatal(err)
		}
		got, ok := appendItem(nil, &items[i])
		if !ok {
			t.Fatalf("appendItem refused %+v", items[i])
		}
		if want := bytes.TrimSuffix(buf.Bytes(), []byte("\n")); !bytes.Equal(got, want) {
			t.Fatalf("appendItem:\n got %s\nwant %s", got, want)
		}
	}
	other := bib.Item{Type: "book", Custom: map[string]any{"locator": 12}}
	if _, ok := appendItem(nil, &other); ok {
		t.Fatal("appendItem took a custom value that is no string")
	}
}
