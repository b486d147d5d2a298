package csljson

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/ibid-project/ibid/internal/corpus"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestOutputValidatesAgainstSchema reads the rendered-dev records and the
// lenient sample, writes the items back out and validates them against the
// official CSL-JSON schema.
func TestOutputValidatesAgainstSchema(t *testing.T) {
	shared := sharedDir(t)
	schema := corpus.CSLSchema(t)
	inputs, err := filepath.Glob(filepath.Join(shared, "corpus", "rendered-dev", "*.csl.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range append(inputs, filepath.Join("testdata", "lenient.json")) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		items, err := Parse(path, bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		for i := range items {
			if items[i].ID == "" {
				items[i].ID = "no-id" // the schema requires an id; Parse does not
			}
		}
		out, err := json.Marshal(items)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: output is not valid CSL-JSON: %v", filepath.Base(path), err)
		}
	}
}
