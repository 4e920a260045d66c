package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/model/demo"
	"clientbase/store"
)

// The benchmark department: demo.Clients at CLIENTBASE_BENCH_CLIENTS clients
// (default 1,000,000), built once per process in a temporary directory, or
// kept at CLIENTBASE_BENCH_DB between runs.
var benchDept struct {
	once      sync.Once
	dir, path string
	err       error
}

func benchDB(b *testing.B) string {
	benchDept.once.Do(func() {
		n := 1_000_000
		if s := os.Getenv("CLIENTBASE_BENCH_CLIENTS"); s != "" {
			if _, err := fmt.Sscan(s, &n); err != nil {
				benchDept.err = err
				return
			}
		}
		benchDept.path = os.Getenv("CLIENTBASE_BENCH_DB")
		if benchDept.path != "" {
			if _, err := os.Stat(benchDept.path); err == nil {
				return
			}
		} else {
			if benchDept.dir, benchDept.err = os.MkdirTemp("", "clientbase-ui-bench-"); benchDept.err != nil {
				return
			}
			benchDept.path = filepath.Join(benchDept.dir, "clientbase.db")
		}
		db, err := store.Open(benchDept.path, store.Options{})
		if err != nil {
			benchDept.err = err
			return
		}
		defer db.Close()
		_, benchDept.err = store.BulkLoad(db, demo.Users(), func(emit func(model.Client) error) error {
			return demo.Clients(42, n, emit)
		})
	})
	if benchDept.err != nil {
		b.Fatal(benchDept.err)
	}
	return benchDept.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDept.dir != "" {
		os.RemoveAll(benchDept.dir)
	}
	os.Exit(code)
}

func director() string {
	for _, u := range demo.Users() {
		if u.Role == model.RoleDirector {
			return u.Name
		}
	}
	return ""
}

// BenchmarkFirstScreen: open the database, sign in, start the interface and
// draw the first frame of the client list (the search index is not waited for).
func BenchmarkFirstScreen(b *testing.B) {
	path := benchDB(b)
	first := func() {
		db, err := store.Open(path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		me, err := db.SignIn(director())
		if err != nil {
			b.Fatal(err)
		}
		h := &harness{t: b, app: New(Config{Store: db.As(me), Me: me, DBPath: path, Loc: time.UTC, IndexReady: db.IndexReady})}
		h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		h.run(h.app.Init())
		if _, total := h.app.Clients().Cursor(); total < 1 || !strings.Contains(h.screen(), "›") {
			b.Fatalf("no first screen:\n%s", h.screen())
		}
		db.Close()
	}
	first() // warm the page cache
	for b.Loop() {
		first()
	}
}

// BenchmarkFilterKeystroke: one key typed into the live filter, through the
// shell, until the visible rows are in memory and drawn. Each query is new
// (three letters of a real name), so no cached result answers it.
func BenchmarkFilterKeystroke(b *testing.B) {
	for _, script := range []string{"latin", "cyrillic"} {
		b.Run(script, func(b *testing.B) { benchKeystroke(b, script) })
	}
}

func benchKeystroke(b *testing.B, script string) {
	db, err := store.Open(benchDB(b), store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.BuildIndex(context.Background()); err != nil {
		b.Fatal(err)
	}
	me, err := db.SignIn(director())
	if err != nil {
		b.Fatal(err)
	}
	queries := benchQueries(b, db.As(me), script)
	h := &harness{t: b, app: New(Config{Store: db.As(me), Me: me, DBPath: "bench", Loc: time.UTC, IndexReady: db.IndexReady})}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.run(h.app.Init())
	var took []time.Duration
	i := 0
	for b.Loop() {
		b.StopTimer()
		q := []rune(queries[i%len(queries)])
		i++
		h.press("esc", "esc", "/")
		h.typeText(string(q[:2]))
		b.StartTimer()
		start := time.Now()
		h.send(tea.KeyPressMsg{Code: q[2], Text: string(q[2])})
		_ = h.app.View()
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	if len(took) > 0 {
		b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
	}
}

// benchQueries picks three-letter beginnings of client names in one script,
// more of them than the store keeps cached answers for.
func benchQueries(b *testing.B, s interface {
	List(context.Context, model.ClientFilter, int, int) (model.ClientPage, error)
}, script string) []string {
	seen := map[string]bool{}
	var out []string
	for off := 0; len(out) < 64 && off < 2_000_000; off += 997 {
		p, err := s.List(context.Background(), model.ClientFilter{}, off, 1)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Rows) == 0 {
			break
		}
		for _, w := range strings.Fields(p.Rows[0].ShortName) {
			r := []rune(strings.ToLower(w))
			if len(r) < 3 {
				continue
			}
			cyr := r[0] >= 'а' && r[0] <= 'я'
			lat := r[0] >= 'a' && r[0] <= 'z'
			if (script == "cyrillic" && cyr || script == "latin" && lat) && !seen[string(r[:3])] {
				seen[string(r[:3])] = true
				out = append(out, string(r[:3]))
			}
		}
	}
	if len(out) < 20 {
		b.Fatalf("only %d %s queries found", len(out), script)
	}
	return out
}
