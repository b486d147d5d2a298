package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/ibid-project/ibid/bib"
)

// BenchmarkHarvestDocuments harvests 10,000 small synthetic documents (3–7
// works each, drawn from a pool of 2,000 with noise: initials, lost
// accents, abbreviated titles, OCR misreadings, missing years) into a fresh
// store, one transaction and one fsync per document, as `ibid harvest`
// does. Goal: at most 60 s for the 10,000. The "nosync" run skips fsync
// (an unexported benchmark-only option) to separate the store's own cost
// from the disk's: the real store always syncs.
//
//	go test ./bib/store -run '^$' -bench HarvestDocuments -benchtime 1x
func BenchmarkHarvestDocuments(b *testing.B) {
	const docs, pool = 10000, 2000
	inputs := make([]DocInput, docs)
	for d := range inputs {
		inputs[d], _ = syntheticDoc(d, pool)
	}
	b.Run("fsync", func(b *testing.B) { benchmarkHarvest(b, inputs, Options{}) })
	b.Run("nosync", func(b *testing.B) { benchmarkHarvest(b, inputs, Options{noSync: true}) })
}

func benchmarkHarvest(b *testing.B, inputs []DocInput, opt Options) {
	docs := len(inputs)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("lib%d.db", i)), opt)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, cpuStart := time.Now(), cpuTime()
		for _, in := range inputs {
			if _, err := s.Harvest(in); err != nil {
				b.Fatal(err)
			}
		}
		elapsed, cpu := time.Since(start), cpuTime()-cpuStart
		b.StopTimer()
		works, err := s.Works(Filter{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(elapsed.Seconds(), "s/10k-docs")
		b.ReportMetric(cpu.Seconds(), "cpu-s/10k-docs") // the wall time on a shared machine is mostly waiting
		b.ReportMetric(float64(elapsed.Microseconds())/float64(docs), "µs/doc")
		b.ReportMetric(float64(len(works)), "works")
		s.Close()
		b.StartTimer()
	}
}

// cpuTime returns the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// lookupStores caches the stores of the lookup benchmarks across the
// benchmark's runs (building 100,000 works takes a while).
var (
	lookupMu     sync.Mutex
	lookupStores = map[int]*Store{}
	lookupDir    string
)

func lookupStore(b *testing.B, n int) *Store {
	lookupMu.Lock()
	defer lookupMu.Unlock()
	if s, ok := lookupStores[n]; ok {
		return s
	}
	if lookupDir == "" {
		dir, err := os.MkdirTemp("", "ibid-lookup-bench")
		if err != nil {
			b.Fatal(err)
		}
		lookupDir = dir
	}
	s, err := Open(filepath.Join(lookupDir, fmt.Sprintf("lib-%d.db", n)), Options{noSync: true})
	if err != nil {
		b.Fatal(err)
	}
	const batch = 10000
	for start := 0; start < n; start += batch {
		var items []bib.Item
		for p := start; p < min(start+batch, n); p++ {
			items = append(items, poolWork(p, n))
		}
		if _, err := s.Import(fmt.Sprintf("batch-%d", start), items); err != nil {
			b.Fatal(err)
		}
	}
	lookupStores[n] = s
	return s
}

// benchmarkLookup measures one dedup candidate lookup (blocking keys, index
// seeks, candidate loads and comparisons) for a noisy citation of a stored
// work, in a store of n works.
func benchmarkLookup(b *testing.B, n int) {
	s := lookupStore(b, n)
	r := rand.New(rand.NewPCG(1, 2))
	queries := make([]bib.Item, 1000)
	for i := range queries {
		queries[i] = noisy(poolWork(r.IntN(n), n), r)
	}
	b.ResetTimer()
	found := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		for i := 0; i < b.N; i++ {
			q := &queries[i%len(queries)]
			t := newTxn(tx) // a fresh cache: each lookup loads its candidates
			w, _, err := t.findSame(q, bib.WorkID(q))
			if err != nil {
				return err
			}
			if w != nil {
				found++
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(found)/float64(b.N), "found/op")
}

// BenchmarkLookup10k and BenchmarkLookup100k compare the lookup cost at
// 10,000 and 100,000 works: with blocking it must not grow more than about
// twofold.
//
//	go test ./bib/store -run '^$' -bench Lookup
func BenchmarkLookup10k(b *testing.B)  { benchmarkLookup(b, 10000) }
func BenchmarkLookup100k(b *testing.B) { benchmarkLookup(b, 100000) }

func TestMain(m *testing.M) {
	code := m.Run()
	for _, s := range lookupStores {
		s.Close()
	}
	if lookupDir != "" {
		os.RemoveAll(lookupDir)
	}
	os.Exit(code)
}
