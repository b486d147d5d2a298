// Package corpus locates the shared corpus (../shared beside the
// repository root) for tests and measurements, and skips a test cleanly
// where it is absent.
package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Dir returns the shared directory: $IBID_SHARED if set, else ../shared
// beside the directory that holds go.mod, searched upward from the working
// directory.
func Dir() (string, error) {
	if d := os.Getenv("IBID_SHARED"); d != "" {
		return d, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("getwd: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		return "", fmt.Errorf("shared corpus absent: %w", err)
	}
	return shared, nil
}

// Shared returns the shared directory, or skips t with the reason.
func Shared(t testing.TB) string {
	t.Helper()
	d, err := Dir()
	if err != nil {
		t.Skipf("skipped: %v (the corpus lives in ../shared beside the repository)", err)
	}
	return d
}

// CSLSchema compiles the official CSL-JSON schema (csl/csl-data.json in
// the shared directory), or skips t where it is absent.
func CSLSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join(Shared(t), "csl", "csl-data.json"))
	if err != nil {
		t.Skipf("CSL schema absent: %v", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("read the CSL schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("csl-data.json", doc); err != nil {
		t.Fatalf("load the CSL schema: %v", err)
	}
	schema, err := c.Compile("csl-data.json")
	if err != nil {
		t.Fatalf("compile the CSL schema: %v", err)
	}
	return schema
}
