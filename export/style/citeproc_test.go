package style

import (
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/internal/corpus"

	"github.com/ibid-project/ibid/bib"
)

// sharedDir finds ../shared beside the module root, or "".
func sharedDir(t testing.TB) string { return corpus.Shared(t) }

// devItems reads every distinct record of the rendered-dev corpus, both as
// raw JSON (for citeproc-js) and as bib.Items.
func devItems(t *testing.T, shared string) (raw []json.RawMessage, items map[string]bib.Item) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "rendered-dev", "*.csl.json"))
	if len(files) == 0 {
		t.Skip("no rendered-dev corpus in ../shared")
	}
	sort.Strings(files)
	items = map[string]bib.Item{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var recs []json.RawMessage
		if err := json.Unmarshal(data, &recs); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, rec := range recs {
			var it bib.Item
			if err := json.Unmarshal(rec, &it); err != nil {
				// Records with numbers where bib keeps strings: decode loosely.
				it = looseItem(t, rec)
			}
			if _, dup := items[it.ID]; dup {
				continue
			}
			items[it.ID] = it
			raw = append(raw, rec)
		}
	}
	return raw, items
}

// looseItem decodes a record whose number fields are JSON numbers or whose
// date parts are strings, turning them into what bib.Item holds.
func looseItem(t *testing.T, rec json.RawMessage) bib.Item {
	var m map[string]any
	if err := json.Unmarshal(rec, &m); err != nil {
		t.Fatal(err)
	}
	for k, v := range m {
		switch v := v.(type) {
		case float64:
			m[k] = strings.TrimSuffix(strings.TrimRight(jsonNumber(v), "0"), ".")
		case map[string]any:
			if parts, ok := v["date-parts"].([]any); ok {
				for _, p := range parts {
					if p, ok := p.([]any); ok {
						for i, x := range p {
							if s, ok := x.(string); ok {
								n, _ := atoi(s)
								p[i] = n
							}
						}
					}
				}
			}
		}
	}
	data, _ := json.Marshal(m)
	var it bib.Item
	if err := json.Unmarshal(data, &it); err != nil {
		t.Logf("record %s: %v", m["id"], err)
	}
	return it
}

func jsonNumber(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

// citeprocOutput runs testdata/citeproc-render.js, or reads its saved
// output from $IBID_CITEPROC_CACHE/STYLE.json when that is set (citeproc-js
// takes about a minute per style on a busy machine).
func citeprocOutput(node, clients, shared, cslName, items string) ([]byte, error) {
	if dir := os.Getenv("IBID_CITEPROC_CACHE"); dir != "" {
		cached := filepath.Join(dir, cslName+".json")
		if data, err := os.ReadFile(cached); err == nil {
			return data, nil
		}
		out, err := exec.Command(node, "testdata/citeproc-render.js", clients, filepath.Join(shared, "csl"), cslName, items).Output()
		if err != nil {
			return nil, err
		}
		return out, os.WriteFile(cached, out, 0o644)
	}
	return exec.Command(node, "testdata/citeproc-render.js", clients, filepath.Join(shared, "csl"), cslName, items).Output()
}

var tagRE = regexp.MustCompile(`<[^>]+>`)

// normalise strips HTML tags and entities and collapses white space, so that
// citeproc-js's HTML and ours compare as text.
func normalise(s string) string {
	s = html.UnescapeString(tagRE.ReplaceAllString(s, ""))
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// TestCiteprocAgreement renders the rendered-dev records with citeproc-js
// (when node and the judge clients are installed) and with Format, and
// reports how many entries agree character for character. It fails only
// when agreement falls below the floor measured when it was last improved.
func TestCiteprocAgreement(t *testing.T) {
	if testing.Short() {
		t.Skip("citeproc-js takes a minute or more; skipped with -short")
	}
	shared := sharedDir(t)
	if shared == "" {
		t.Skip("../shared is absent")
	}
	clients := filepath.Join(shared, "tools", "clients")
	if _, err := os.Stat(filepath.Join(clients, "node_modules", "citeproc")); err != nil {
		t.Skip("citeproc-js is not installed (bash ../shared/tools/clients/setup.sh)")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	raw, items := devItems(t, shared)
	all := filepath.Join(t.TempDir(), "items.json")
	data, _ := json.Marshal(raw)
	if err := os.WriteFile(all, data, 0o644); err != nil {
		t.Fatal(err)
	}
	floors := map[string]float64{"chicago-notes-bibliography": 0.88, "chicago-author-date": 0.88}
	ours := map[string]string{"chicago-notes-bibliography": ChicagoNotes, "chicago-author-date": ChicagoAuthorDate}
	for _, cslName := range []string{"chicago-notes-bibliography", "chicago-author-date"} {
		out, err := citeprocOutput(node, clients, shared, cslName, all)
		if err != nil {
			t.Fatalf("citeproc-js %s: %v", cslName, err)
		}
		var want map[string]string
		if err := json.Unmarshal(out, &want); err != nil {
			t.Fatal(err)
		}
		ids := make([]string, 0, len(want))
		for id := range want {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		agree := 0
		byType := map[string][2]int{}
		for _, id := range ids {
			it := items[id]
			got, _ := Format(&it, ours[cslName])
			w := normalise(want[id])
			g := normalise(got.HTML())
			c := byType[it.Type]
			c[1]++
			if w == g {
				agree++
				c[0]++
			} else if testing.Verbose() && os.Getenv("SHOW_DIFF") != "" {
				t.Logf("%s %s\n  citeproc: %s\n  ibid:     %s", it.Type, id, w, g)
			}
			byType[it.Type] = c
		}
		t.Logf("%s: %d of %d entries agree with citeproc-js", cslName, agree, len(ids))
		types := make([]string, 0, len(byType))
		for ty := range byType {
			types = append(types, ty)
		}
		sort.Strings(types)
		for _, ty := range types {
			t.Logf("  %-20s %3d/%3d", ty, byType[ty][0], byType[ty][1])
		}
		if ratio := float64(agree) / float64(len(ids)); ratio < floors[cslName] {
			t.Errorf("%s: agreement %.2f fell below %.2f", cslName, ratio, floors[cslName])
		}
	}
}
