package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
	"clientbase/model/demo"
)

// department returns the demo staff and a generator of n demo clients; a
// small synthetic generator stands in while model/demo is a stub.
func department(n int) ([]model.User, func(emit func(model.Client) error) error) {
	users, gen, _ := departmentWith(n)
	return users, gen
}

// departmentWith also says how to load it: the demo generator's clients are
// prepared already (main's demo command loads them so).
func departmentWith(n int) ([]model.User, func(emit func(model.Client) error) error, BulkOptions) {
	if users := demo.Users(); len(users) > 0 {
		return users, func(emit func(model.Client) error) error { return demo.Clients(42, n, emit) }, BulkOptions{Prepared: true}
	}
	users := []model.User{{Name: "director", Role: model.RoleDirector}, {Name: "petrov", Role: model.RoleManager}, {Name: "jonaitis", Role: model.RoleManager}}
	return users, func(emit func(model.Client) error) error { return syntheticClients(n, emit) }, BulkOptions{}
}

func syntheticClients(n int, emit func(model.Client) error) error {
	r := rand.New(rand.NewPCG(42, 7))
	first := []string{"Ромашка", "Восток", "Žalgiris", "Acme", "Šilas", "Ёлка", "Baltic", "Север", "Čiurlys", "Nord"}
	second := []string{"Трейд", "Логистик", "Prekyba", "Supply", "Групп", "Tekstilė", "Холдинг", "Systems"}
	forms := []string{"ООО", "UAB", "LLC", "ИП", "АО"}
	cities := []string{"Москва", "Vilnius", "Šiauliai", "Казань", "London", "Владивосток"}
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("%s %s %s %d", forms[r.IntN(len(forms))], first[r.IntN(len(first))], second[r.IntN(len(second))], r.IntN(100000))
		c := model.Client{
			ID: model.ID(i), ShortName: name, FullName: "Общество с ограниченной ответственностью «" + name + "»",
			Kind: model.KindLegal, TaxCountry: model.TaxRU, TaxID: innOf(r.IntN(1e8)),
			LegalAddress: "ул. Ленина, д. " + fmt.Sprint(r.IntN(200)), City: cities[r.IntN(len(cities))],
			Phones:   []model.Phone{{E164: fmt.Sprintf("+79%09d", r.IntN(1e9)), Raw: "8 (912) 345-67-89", Label: "office"}},
			Emails:   []string{fmt.Sprintf("info%d@example.ru", i)},
			Language: "ru", TimeZone: "Europe/Moscow", Status: model.StatusActive, Manager: "petrov",
			Category: model.Categories[r.IntN(3)], Source: model.SourceExhibition,
			CreditLimit: model.Money{Minor: int64(r.IntN(1e9)), Currency: "RUB"}, DeferralDays: 30,
			Contacts: []model.Contact{{ID: 1, Name: "Иванов Иван Иванович", Position: "директор", Role: model.ContactDecisionMaker,
				Phones: []model.Phone{{E164: fmt.Sprintf("+79%09d", r.IntN(1e9))}}, Email: "ivanov@example.ru"}},
			Archived: r.IntN(20) == 0,
		}
		if err := emit(c); err != nil {
			return err
		}
	}
	return nil
}

// innOf makes a 10-digit INN with a correct check digit from n.
func innOf(n int) string {
	d := []byte(fmt.Sprintf("77%07d", n%1e7))
	sum := 0
	for i, w := range []int{2, 4, 10, 3, 5, 9, 4, 6, 8} {
		sum += w * int(d[i]-'0')
	}
	return string(append(d, byte('0'+sum%11%10)))
}

var million struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// millionDB builds the 1M-client database once per test process (or uses
// the file named by CLIENTBASE_BENCH_DB, built on the first run, to iterate).
func millionDB(b *testing.B) string {
	million.once.Do(func() {
		if p := os.Getenv("CLIENTBASE_BENCH_DB"); p != "" {
			million.path = p
			if _, err := os.Stat(p); err == nil {
				return
			}
			million.err = buildMillion(p)
			return
		}
		million.dir, million.err = os.MkdirTemp("", "clientbase-bench-")
		if million.err != nil {
			return
		}
		million.path = filepath.Join(million.dir, "clientbase.db")
		million.err = buildMillion(million.path)
	})
	if million.err != nil {
		b.Fatal(million.err)
	}
	return million.path
}

func buildMillion(path string) error {
	db, err := Open(path, Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	users, gen, opts := departmentWith(1_000_000)
	_, err = BulkLoadWith(db, users, opts, gen)
	return err
}

func TestMain(m *testing.M) {
	code := m.Run()
	if million.dir != "" {
		os.RemoveAll(million.dir)
	}
	os.Exit(code)
}

// rawRecordBytes is the sum of the encoded client values.
func rawRecordBytes(db *DB) int64 {
	var n int64
	db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketClients).ForEach(func(_, v []byte) error { n += int64(len(v)); return nil })
	})
	return n
}

func BenchmarkBulkLoad1M(b *testing.B) {
	const n = 1_000_000
	var elapsed, cpu time.Duration
	var ratio float64
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "bulk.db")
		db, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		users, gen, opts := departmentWith(n)
		b.StartTimer()
		start, cpu0 := time.Now(), processCPU()
		got, err := BulkLoadWith(db, users, opts, gen)
		elapsed += time.Since(start)
		cpu += processCPU() - cpu0
		b.StopTimer()
		if err != nil || got != n {
			b.Fatalf("loaded %d: %v", got, err)
		}
		raw := rawRecordBytes(db)
		db.Close()
		fi, _ := os.Stat(path)
		ratio = float64(fi.Size()) / float64(raw)
		b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
		b.ReportMetric(float64(raw)/(1<<20), "records-MB")
		os.Remove(path)
		b.StartTimer()
	}
	b.ReportMetric(float64(n)*float64(b.N)/elapsed.Seconds(), "clients/s")
	b.ReportMetric(ratio, "file/records")
	// CPU seconds (user+system) per million clients: unlike clients/s it
	// does not depend on what else the machine runs.
	b.ReportMetric(cpu.Seconds()/float64(b.N)*1e6/n, "cpu-s/1M")
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkOpenFirstPage1M(b *testing.B) {
	path := millionDB(b)
	first := func() {
		db, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		u, err := db.SignIn(firstDirector(b, db))
		if err != nil {
			b.Fatal(err)
		}
		page, err := db.As(u).List(context.Background(), model.ClientFilter{}, 0, 50)
		if err != nil || len(page.Rows) != 50 || page.Total < 900_000 {
			b.Fatalf("first page: %d rows of %d, %v", len(page.Rows), page.Total, err)
		}
		db.Close()
	}
	first() // warm the page cache
	for b.Loop() {
		first()
	}
}

func firstDirector(b *testing.B, db *DB) string {
	for _, u := range db.usersByNm {
		if u.Role == model.RoleDirector {
			return u.Name
		}
	}
	b.Fatal("no director")
	return ""
}

func BenchmarkBuildIndex1M(b *testing.B) {
	db, err := Open(millionDB(b), Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	build := func() {
		db.idx.Store(nil)
		if err := db.BuildIndex(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	build() // warm
	for b.Loop() {
		build()
	}
}

// BenchmarkSaveClient edits random clients of the 1M database with fsync on,
// and reports the per-save percentiles: "records" before the search index is
// built, "indexed" with it (the save returns once its bbolt transaction —
// record, indexes, audit, fsync — is durable; the resident index catches up
// in the background, outside the timing).
func BenchmarkSaveClient(b *testing.B) {
	db, err := Open(millionDB(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	u, _ := db.SignIn(firstDirector(b, db))
	s := db.As(u)
	st, _ := s.Stats()
	r := rand.New(rand.NewPCG(1, 2))
	run := func(b *testing.B) {
		var took []time.Duration
		for b.Loop() {
			b.StopTimer()
			c, err := s.Client(model.ID(1 + r.IntN(st.Clients+st.Archived)))
			if err != nil {
				b.Fatal(err)
			}
			c.Notes = fmt.Sprintf("call back %d", r.IntN(1000))
			c.City = "Kaunas"
			b.StartTimer()
			start := time.Now()
			if _, err := s.SaveClient(c, ""); err != nil {
				b.Fatal(err)
			}
			took = append(took, time.Since(start))
			b.StopTimer()
			db.waitIndexed() // the search index applies it in the background
			b.StartTimer()
		}
		slices.Sort(took)
		pct := func(p float64) float64 { return float64(took[int(p*float64(len(took)-1))].Microseconds()) / 1000 }
		b.ReportMetric(pct(0.50), "p50-ms")
		b.ReportMetric(pct(0.95), "p95-ms")
	}
	b.Run("records", run)
	if err := db.BuildIndex(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.Run("indexed", run)
}

// BenchmarkDuplicates1M checks a new client against a million: the search
// index proposes candidates for the tax id, phone, e-mail and name words,
// and each is confirmed on its record.
func BenchmarkDuplicates1M(b *testing.B) {
	db, err := Open(millionDB(b), Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	u, _ := db.SignIn(firstDirector(b, db))
	s := db.As(u)
	if err := db.BuildIndex(context.Background()); err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	st, _ := s.Stats()
	var took []time.Duration
	for b.Loop() {
		c, err := s.Client(model.ID(1 + r.IntN(st.Clients+st.Archived)))
		if err != nil {
			b.Fatal(err)
		}
		c.ID = 0 // a new client with the same details
		start := time.Now()
		dups, err := s.Duplicates(c)
		took = append(took, time.Since(start))
		if err != nil || len(dups) == 0 {
			b.Fatalf("no duplicate of an existing client: %v", err)
		}
	}
	slices.Sort(took)
	pct := func(p float64) float64 { return float64(took[int(p*float64(len(took)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
}
