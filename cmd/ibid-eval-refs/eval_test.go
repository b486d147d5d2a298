package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestAnystyleSample(t *testing.T) {
	res, err := evalAnystyle("testdata/anystyle-sample.xml", options{verbose: true, samples: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.n != 2 {
		t.Fatalf("read %d sequences, want 2", res.n)
	}
	for _, f := range []string{"author", "title", "publisher", "issued", "container-title", "page"} {
		if c := res.fields[f]; c.f1() < 0.99 {
			t.Errorf("field %s: F1 %.2f (%+v), want 1 on this sample", f, c.f1(), *c)
		}
	}
	var out bytes.Buffer
	res.print(&out, options{})
	if !strings.Contains(out.String(), "2 references") || !strings.Contains(out.String(), "ALL") {
		t.Errorf("unexpected table:\n%s", out.String())
	}
}

func TestRenderedSample(t *testing.T) {
	res, err := evalRendered("testdata/rendered", options{verbose: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.docs) != 1 {
		t.Fatalf("%d documents, want 1", len(res.docs))
	}
	d := res.docs[0]
	if d.entries != 2 || d.notes != 2 {
		t.Errorf("compared %d entries and %d first notes, want 2 and 2", d.entries, d.notes)
	}
	for _, f := range renderedFields {
		if tl := d.fields[f]; tl.agree != tl.total {
			t.Errorf("field %s: %d/%d agree; mismatches %+v", f, tl.agree, tl.total, res.miss)
		}
	}
	if d.fields["page"].total != 1 {
		t.Errorf("page compared %d times, want 1 (notes print the locator, not the range)", d.fields["page"].total)
	}
}

func TestPages(t *testing.T) {
	for in, want := range map[string]string{"347–57": "347 357", "41-66": "41 66", "23–33, 36–37": "23 33 36 37", "12": "12"} {
		if got := normalizePages(in); got != want {
			t.Errorf("normalizePages(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRunUsage(t *testing.T) {
	var out bytes.Buffer
	var u usageError
	if err := run(nil, &out); !errors.As(err, &u) {
		t.Errorf("no arguments: err = %v, want a usage error", err)
	}
	if err := run([]string{"bogus"}, &out); !errors.As(err, &u) {
		t.Errorf("unknown evaluation: err = %v, want a usage error", err)
	}
	if err := run([]string{"rendered", "testdata/none"}, &out); err == nil || errors.As(err, &u) {
		t.Errorf("missing directory: err = %v, want a plain error", err)
	}
}
