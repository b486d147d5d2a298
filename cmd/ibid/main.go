// Command ibid reads documents whose references live in footnotes and a
// bibliography, resolves every citation to the work it names, keeps the
// works in a deduplicated library and exports them. Run "ibid help" for the
// commands.
package main

import (
	"context"
	"os"
)

func main() {
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	err := newApp(env).RunContext(context.Background(), os.Args)
	os.Exit(exitCode(err, env.Stderr))
}
