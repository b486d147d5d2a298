package store

import "errors"

// Errors of the store. Every error Open and the methods return wraps one of
// these when the cause is one of these situations, so callers test with
// errors.Is; the wrapping message names the store's path or the missing id.
var (
	// ErrNoStore: the store file does not exist and was opened read-only
	// (nothing has been harvested or imported yet).
	ErrNoStore = errors.New("no ibid store")

	// ErrNotStore: the file exists but is not an ibid store: not a bbolt
	// file, a bbolt file of another program, or an empty file. The file is
	// left untouched.
	ErrNotStore = errors.New("not an ibid store")

	// ErrSchema: the file is an ibid store of another schema version.
	ErrSchema = errors.New("unsupported store schema")

	// ErrLocked: another process holds the store and did not release it
	// within Options.Timeout.
	ErrLocked = errors.New("locked by another ibid process")

	// ErrReadOnly: a write was attempted on a store opened read-only.
	ErrReadOnly = errors.New("store opened read-only")

	// ErrNotFound: no document, import or work has that name or id.
	ErrNotFound = errors.New("not found")

	// ErrInvalidInput: a document or import that cannot be stored (no
	// name, no hash).
	ErrInvalidInput = errors.New("invalid input")

	// ErrNothingToUnmerge: Unmerge was asked to split a work that was built
	// from one description only.
	ErrNothingToUnmerge = errors.New("nothing to unmerge")
)
