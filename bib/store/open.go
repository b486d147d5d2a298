package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Options configure Open.
type Options struct {
	// ReadOnly opens the store for queries only: the file is never
	// written, and other read-only processes may read it at the same time.
	ReadOnly bool
	// Timeout is how long Open waits for another process to release the
	// store before failing with ErrLocked; zero or negative means 2s.
	Timeout time.Duration

	// noSync skips fsync after each commit; benchmarks only.
	noSync bool
}

// DefaultTimeout is the lock wait of Options with no Timeout.
const DefaultTimeout = 2 * time.Second

// boltLockPoll is bbolt's interval between two attempts at the file lock.
const boltLockPoll = 50 * time.Millisecond

// Store is an open ibid library. Its methods may be called from several
// goroutines; bbolt serialises the writes.
type Store struct {
	db       *bolt.DB
	path     string
	readOnly bool
}

// DefaultPath returns where the library lives when the user names none:
// $IBID_DB, else $XDG_DATA_HOME/ibid/library.db, else
// ~/.local/share/ibid/library.db.
func DefaultPath() (string, error) {
	if p := os.Getenv("IBID_DB"); p != "" {
		return p, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "ibid", "library.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("locate the library: set IBID_DB or XDG_DATA_HOME: %w", err)
	}
	return filepath.Join(home, ".local", "share", "ibid", "library.db"), nil
}

// Open opens the store at path. Read-write, it creates the directories and
// the file when they are missing; read-only, a missing file is ErrNoStore.
// A file that is not an ibid store fails with ErrNotStore and one of
// another schema version with ErrSchema, the file untouched. When another
// process holds the store, Open waits opt.Timeout, then fails with
// ErrLocked.
func Open(path string, opt Options) (*Store, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if opt.ReadOnly {
			return nil, fmt.Errorf("%w at %s: nothing has been harvested or imported yet", ErrNoStore, path)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("create store directory: %w", err)
		}
	case err != nil:
		return nil, fmt.Errorf("open store %s: %w", path, err)
	case info.IsDir():
		return nil, fmt.Errorf("store %s is a directory: %w", path, ErrNotStore)
	case info.Size() == 0:
		return nil, fmt.Errorf("store %s is an empty file: %w", path, ErrNotStore)
	}
	db, err := openBolt(path, opt)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, readOnly: opt.ReadOnly}
	if err := s.checkSchema(); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// openBolt opens the bbolt file, turning its errors (and, defensively, a
// panic on a damaged file) into the store's.
func openBolt(path string, opt Options) (db *bolt.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("store %s is damaged (%v): %w", path, r, ErrNotStore)
		}
	}()
	// bbolt polls the lock every 50ms and gives up one poll before its
	// timeout: add that poll so the wait is at least opt.Timeout.
	wait := opt.Timeout + boltLockPoll
	db, err = bolt.Open(path, 0o644, &bolt.Options{ReadOnly: opt.ReadOnly, Timeout: wait, NoSync: opt.noSync})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("store %s is %w (waited %s)", path, ErrLocked, opt.Timeout)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch),
		errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrInvalidMapping):
		return nil, fmt.Errorf("store %s is %w: %v", path, ErrNotStore, err)
	}
	return nil, fmt.Errorf("open store %s: %w", path, err)
}

// checkSchema verifies the schema version, and on a brand-new read-write
// file creates the buckets. A bbolt file that has buckets but no ibid
// schema belongs to another program: it is not touched.
func (s *Store) checkSchema() error {
	check := func(tx *bolt.Tx) (fresh bool, err error) {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			empty := true
			_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
			if empty && !s.readOnly {
				return true, nil
			}
			return false, fmt.Errorf("store %s is %w: it has no ibid schema", s.path, ErrNotStore)
		}
		if v := string(meta.Get([]byte(keySchema))); v != schemaVersion {
			return false, fmt.Errorf("store %s has %w version %q (this ibid reads version %s)", s.path, ErrSchema, v, schemaVersion)
		}
		for _, b := range allBuckets {
			if tx.Bucket(b) == nil {
				return false, fmt.Errorf("store %s is %w: bucket %s is missing", s.path, ErrNotStore, b)
			}
		}
		return false, nil
	}
	var fresh bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		fresh, err = check(tx)
		return err
	})
	if err != nil || !fresh {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		if fresh, err := check(tx); err != nil || !fresh {
			return err
		}
		for _, b := range allBuckets {
			if _, err := tx.CreateBucket(b); err != nil {
				return fmt.Errorf("create bucket %s: %w", b, err)
			}
		}
		return tx.Bucket(bucketMeta).Put([]byte(keySchema), []byte(schemaVersion))
	})
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close releases the store and its lock.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// update runs fn in one write transaction, refusing in read-only mode.
func (s *Store) update(fn func(*txn) error) (err error) {
	if s.readOnly {
		return fmt.Errorf("store %s: %w", s.path, ErrReadOnly)
	}
	defer s.recoverDamage(&err)
	return s.db.Update(func(tx *bolt.Tx) error {
		t := newTxn(tx)
		if err := fn(t); err != nil {
			return err
		}
		return t.flush()
	})
}

// view runs fn in one read transaction.
func (s *Store) view(fn func(*txn) error) (err error) {
	defer s.recoverDamage(&err)
	return s.db.View(func(tx *bolt.Tx) error { return fn(newTxn(tx)) })
}

// recoverDamage turns a bbolt panic on a damaged page into an error (bbolt
// rolls the transaction back as the panic passes).
func (s *Store) recoverDamage(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("store %s is damaged (%v): %w", s.path, r, ErrNotStore)
	}
}
