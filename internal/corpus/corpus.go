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
