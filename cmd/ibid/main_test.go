package main

import (
	"context"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"ibid": func() {
			env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
			os.Exit(exitCode(newApp(env).RunContext(context.Background(), os.Args), os.Stderr))
		},
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each runs
// ibid commands and asserts exit status, stdout and stderr.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("IBID_DB", e.WorkDir+"/library.db")
			return nil
		},
	})
}
