package main

import (
	"errors"
	"fmt"
	"io"
)

// Exit statuses, as diff(1) has them: 0 clean, 1 findings, 2 trouble.
const (
	exitOK       = 0
	exitFindings = 1
	exitTrouble  = 2
)

// usageError is a mistake in how ibid was called: exit 2, one line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// errFindings means the command ran and reported findings (exit 1); what
// there was to say has already been written.
var errFindings = errors.New("findings reported")

// exitCode maps the error a command returned to the process's exit status,
// printing it as one line on stderr. This is the only place that decides.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errFindings) {
		return exitFindings
	}
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintf(stderr, "ibid: %s (see 'ibid help')\n", u.msg)
		return exitTrouble
	}
	fmt.Fprintf(stderr, "ibid: %v\n", err)
	return exitTrouble
}
