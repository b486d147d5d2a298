// Command ibid reads documents whose references live in footnotes and a
// bibliography, resolves every citation to the work it names, keeps the
// works in a deduplicated library and exports them. Run "ibid help" for the
// commands.
package main

import (
	"context"
	"os"
	"runtime/debug"
)

func main() {
	tuneGC(os.Getenv)
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	err := newApp(env).RunContext(context.Background(), os.Args)
	os.Exit(exitCode(err, env.Stderr))
}

// gcPercent and memoryLimit are the collector's settings for a run of
// ibid, one batch over a document or a library: the heap may grow to five
// times what is live between collections (parsing the thesis keeps about
// 10 MB live; GOGC=400 spends about a sixth less time collecting), within a
// soft limit that keeps a large export's heap in bounds.
const (
	gcPercent   = 400
	memoryLimit = 1 << 30
)

// tuneGC applies gcPercent and memoryLimit unless the user set GOGC or
// GOMEMLIMIT, which the runtime has then applied already.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
