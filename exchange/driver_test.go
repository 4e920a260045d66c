package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
)

// The drivers are tested with kinds of this file's own: test_notes (one
// row a record, kept in memTable), test_orders (rows merged by key) and
// test_export. The kinds' contract with the drivers is what is tested.
const (
	testNotes  Kind = "test_notes"
	testOrders Kind = "test_orders"
	testExport Kind = "test_export"
)

type testNote struct{ Code, Note string }

type testOrder struct {
	Number string
	Client string
	Lines  []string
}

// memTable is the test kinds' "database": what the write funcs committed
// and the size of every batch they were given.
type memTable struct {
	mu      sync.Mutex
	notes   map[string]string
	orders  map[string]testOrder
	batches []int
	dry     []bool
}

var mem = &memTable{}

func (m *memTable) reset() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.notes, m.orders, m.batches, m.dry = map[string]string{}, map[string]testOrder{}, nil, nil
}

func init() {
	registerImport(testNotes, importer{
		columns: []csvio.Column{{Name: "code", Aliases: []string{"Код"}, Required: true}, {Name: "note", Aliases: []string{"Примечание"}}},
		batch:   3,
		parse: func(row csvio.Row, _ ImportOptions) (any, string, error) {
			code := row.Get("code")
			if code == "" {
				return nil, "", errors.New("The row has no code.")
			}
			if strings.HasPrefix(row.Get("note"), "!") {
				return nil, code, fmt.Errorf("Note %q: a note cannot start with \"!\".", row.Get("note"))
			}
			return testNote{code, row.Get("note")}, code, nil
		},
		write: func(_ *store.Session, items []any, dry bool) ([]store.ImportResult, error) {
			mem.mu.Lock()
			defer mem.mu.Unlock()
			mem.batches = append(mem.batches, len(items))
			mem.dry = append(mem.dry, dry)
			next := map[string]string{}
			for k, v := range mem.notes {
				next[k] = v
			}
			out := make([]store.ImportResult, len(items))
			for i, it := range items {
				n := it.(testNote)
				switch old, ok := next[n.Code]; {
				case n.Note == "explode":
					return nil, errors.New("the disk is full")
				case n.Note == "refused":
					out[i] = store.ImportResult{Action: model.ImportReject, Err: errors.New("The store refuses this note.")}
					continue
				case !ok:
					out[i].Action = model.ImportCreate
				case old != n.Note:
					out[i].Action = model.ImportUpdate
				default:
					out[i].Action = model.ImportUnchanged
				}
				next[n.Code] = n.Note
			}
			if !dry {
				mem.notes = next
			}
			return out, nil
		},
	})
	registerImport(testOrders, importer{
		columns: []csvio.Column{{Name: "number", Required: true}, {Name: "client"}, {Name: "line"}},
		parse: func(row csvio.Row, _ ImportOptions) (any, string, error) {
			return testOrder{row.Get("number"), row.Get("client"), []string{row.Get("line")}}, row.Get("number"), nil
		},
		merge: func(into, next any) (any, error) {
			a, b := into.(testOrder), next.(testOrder)
			if a.Client != b.Client {
				return nil, fmt.Errorf("Order %s names client %s on its first line and %s here.", a.Number, a.Client, b.Client)
			}
			a.Lines = append(a.Lines, b.Lines...)
			return a, nil
		},
		write: func(_ *store.Session, items []any, dry bool) ([]store.ImportResult, error) {
			mem.mu.Lock()
			defer mem.mu.Unlock()
			mem.batches = append(mem.batches, len(items))
			out := make([]store.ImportResult, len(items))
			for i, it := range items {
				o := it.(testOrder)
				out[i].Action = model.ImportCreate
				if !dry {
					mem.orders[o.Number] = o
				}
			}
			return out, nil
		},
	})
	registerExport(testExport, exporter{
		columns: []string{"code", "name", "note"},
		each: func(ctx context.Context, _ *store.Session, _ ExportOptions, emit func([]string) error) error {
			for _, r := range testExportRows {
				if err := emit(r); err != nil {
					return err
				}
			}
			return nil
		},
	})
}

var testExportRows = [][]string{
	{"A-1", "ООО «Ёлка»", "звонить после обеда; \"срочно\""},
	{"A-2", "Zeta, Inc.", "line one\nline two"},
	{"A-3", "ИП Щукин", ""},
}

func driverSession(t *testing.T) *store.Session {
	t.Helper()
	mem.reset()
	s, _ := storetest.Department(t, 0)
	return s
}

func operator(t *testing.T, s *store.Session) *store.Session {
	t.Helper()
	u, err := s.SaveUser(model.User{Name: "ivanova", FullName: "Ирина Иванова", Role: model.RoleOperator})
	if err != nil {
		t.Fatal(err)
	}
	return s.DB().As(u)
}

func runImport(t *testing.T, s *store.Session, kind Kind, data string, opts ImportOptions) model.ImportReport {
	t.Helper()
	rep, err := Import(context.Background(), s, kind, strings.NewReader(data), opts)
	if err != nil {
		t.Fatalf("import: %v (%+v)", err, rep)
	}
	return rep
}

func rejectedLines(rep model.ImportReport) map[int]string {
	out := map[int]string{}
	for _, l := range rep.Lines {
		if l.Action == model.ImportReject {
			out[l.Line] = l.Reason
		}
	}
	return out
}

func TestImportDriverBatchesAndTally(t *testing.T) {
	s := driverSession(t)
	data := "Код;Примечание\r\n" +
		"c1;первая\r\n" +
		"c2;вторая\r\n" +
		"\r\n" +
		"c3;третья; лишнее\r\n" + // an unquoted delimiter: 3 fields
		";без кода\r\n" +
		"c4;!плохая\r\n" +
		"c5;refused\r\n" +
		"c6;\"много\r\nстрок\"\r\n" +
		"c7;седьмая\r\n"
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.csv")
	rep := runImport(t, s, testNotes, data, ImportOptions{File: file})
	if rep.Rows != 8 || rep.Created != 4 || rep.Rejected != 4 || rep.Encoding != "utf-8" || rep.Delimiter != ";" || rep.DryRun {
		t.Fatalf("%+v", rep)
	}
	want := map[int]string{5: "3 fields", 6: "no code", 7: "cannot start", 8: "refuses"}
	got := rejectedLines(rep)
	for line, w := range want {
		if !strings.Contains(got[line], w) {
			t.Errorf("line %d: %q, want %q (all: %v)", line, got[line], w, got)
		}
	}
	if len(got) != len(want) || len(rep.Lines) != 4 {
		t.Errorf("lines %+v", rep.Lines)
	}
	for i := 1; i < len(rep.Lines); i++ {
		if rep.Lines[i-1].Line > rep.Lines[i].Line {
			t.Errorf("lines out of order: %+v", rep.Lines)
		}
	}
	if rep.Lines[1].Key != "" || rep.Lines[2].Key != "c4" || rep.Lines[3].Key != "c5" {
		t.Errorf("keys: %+v", rep.Lines)
	}
	// Batches of the kind's 3 records; c5 went to the store and was refused there.
	if fmt.Sprint(mem.batches) != "[3 2]" {
		t.Errorf("batches %v", mem.batches)
	}
	if mem.notes["c6"] != "много\nстрок" || len(mem.notes) != 4 {
		t.Errorf("stored %v", mem.notes)
	}
	// The report file: UTF-8 with a BOM, ';', line, key, reason.
	if rep.ReportFile != file+RejectedSuffix {
		t.Fatalf("report file %q", rep.ReportFile)
	}
	b, err := os.ReadFile(rep.ReportFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\uFEFFline;key;reason\r\n5;;")) || !strings.Contains(string(b), "\r\n7;c4;") {
		t.Fatalf("report file:\n%s", b)
	}
	rd, err := csvio.NewReader(bytes.NewReader(b), []csvio.Column{{Name: "line"}, {Name: "key"}, {Name: "reason"}}, csvio.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		row, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if row.Get("reason") != got[atoi(t, row.Get("line"))] {
			t.Errorf("report row %v", row.Values)
		}
		n++
	}
	if n != 4 {
		t.Errorf("%d report rows", n)
	}

	// A second run: all unchanged, nothing more written. A smaller batch
	// size from the options wins over the kind's.
	mem.batches = nil
	clean := "code;note\nc1;первая\nc2;вторая\nc6;\"много\nстрок\"\nc7;седьмая\nc8;new\n"
	rep = runImport(t, s, testNotes, clean, ImportOptions{File: file, BatchSize: 2, Preview: 1})
	if rep.Unchanged != 4 || rep.Created != 1 || rep.Rejected != 0 || fmt.Sprint(mem.batches) != "[2 2 1]" {
		t.Fatalf("%+v batches %v", rep, mem.batches)
	}
	// The preview keeps one line of each action.
	if len(rep.Lines) != 2 || rep.Lines[0].Action != model.ImportUnchanged || rep.Lines[0].Line != 2 || rep.Lines[1].Action != model.ImportCreate || rep.Lines[1].Key != "c8" {
		t.Errorf("preview %+v", rep.Lines)
	}
	// No rejections: the stale report is gone.
	if _, err := os.Stat(file + RejectedSuffix); !errors.Is(err, os.ErrNotExist) || rep.ReportFile != "" {
		t.Errorf("stale report: %v %q", err, rep.ReportFile)
	}
}

func atoi(t *testing.T, s string) int {
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return n
}

func TestImportDriverDryRunWritesNothing(t *testing.T) {
	s := driverSession(t)
	rep := runImport(t, s, testNotes, "code,note\na,1\nb,2\na,3\nc,!\n", ImportOptions{DryRun: true, File: filepath.Join(t.TempDir(), "x.csv")})
	if !rep.DryRun || rep.Created != 2 || rep.Updated != 1 || rep.Rejected != 1 || len(mem.notes) != 0 {
		t.Fatalf("%+v stored %v", rep, mem.notes)
	}
	for _, d := range mem.dry {
		if !d {
			t.Fatal("a batch was written for real")
		}
	}
}

func TestImportDriverBatchFailureKeepsEarlierBatches(t *testing.T) {
	s := driverSession(t)
	data := "code,note\na,1\nb,2\nc,3\nd,4\ne,explode\nf,6\n"
	rep, err := Import(context.Background(), s, testNotes, strings.NewReader(data), ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "line 5") || !strings.Contains(err.Error(), "disk is full") {
		t.Fatalf("err %v", err)
	}
	if rep.Created != 3 || len(mem.notes) != 3 {
		t.Fatalf("%+v stored %v", rep, mem.notes)
	}
	// Resumable: without the bad row the rest goes in, the first batch unchanged.
	rep = runImport(t, s, testNotes, strings.Replace(data, "explode", "5", 1), ImportOptions{})
	if rep.Unchanged != 3 || rep.Created != 3 {
		t.Fatalf("%+v", rep)
	}
}

func TestImportDriverCancelled(t *testing.T) {
	s := driverSession(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Import(ctx, s, testNotes, strings.NewReader("code\na\nb\n"), ImportOptions{})
	if !errors.Is(err, context.Canceled) || len(mem.notes) != 0 {
		t.Fatalf("%v %v", err, mem.notes)
	}
}

func TestImportDriverMergeByKey(t *testing.T) {
	s := driverSession(t)
	data := "number,client,line\n" +
		"O-2,k1,a\n" +
		"O-1,k2,b\n" +
		"O-2,k1,c\n" +
		"O-2,k9,d\n" + // another client: rejected, the order keeps its other lines
		"O-3,k3,e\n" +
		"O-1,k2,f\n"
	rep := runImport(t, s, testOrders, data, ImportOptions{BatchSize: 2, Preview: 10})
	if rep.Rows != 6 || rep.Created != 3 || rep.Rejected != 1 || fmt.Sprint(mem.batches) != "[2 1]" {
		t.Fatalf("%+v batches %v", rep, mem.batches)
	}
	if r := rejectedLines(rep); !strings.Contains(r[5], "k9") {
		t.Fatalf("rejected %v", r)
	}
	// The records in first-line order, each on its first row's line.
	var order []string
	for _, l := range rep.Lines {
		if l.Action == model.ImportCreate {
			order = append(order, fmt.Sprintf("%d:%s", l.Line, l.Key))
		}
	}
	if fmt.Sprint(order) != "[2:O-2 3:O-1 6:O-3]" {
		t.Errorf("created %v", order)
	}
	if fmt.Sprint(mem.orders["O-2"].Lines) != "[a c]" || fmt.Sprint(mem.orders["O-1"].Lines) != "[b f]" {
		t.Errorf("orders %+v", mem.orders)
	}
}

func TestImportDriverRefusals(t *testing.T) {
	s := driverSession(t)
	op := operator(t, s)
	if _, err := Import(context.Background(), op, testNotes, strings.NewReader("code\na\n"), ImportOptions{}); !errors.Is(err, model.ErrForbidden) {
		t.Fatalf("operator: %v", err)
	}
	if len(mem.batches) != 0 {
		t.Fatal("an operator's import reached the writer")
	}
	_, err := Import(context.Background(), s, "nonsense", strings.NewReader("code\na\n"), ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "nonsense") || !strings.Contains(err.Error(), string(Clients)) {
		t.Fatalf("unknown kind: %v", err)
	}
	_, err = Import(context.Background(), s, testNotes, strings.NewReader("note\nx\n"), ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "code") || !strings.Contains(err.Error(), `"note"`) {
		t.Fatalf("missing column: %v", err)
	}
	// --map names the file's header for a column.
	rep := runImport(t, s, testNotes, "Артикул;x\nq;1\n", ImportOptions{Map: map[string]string{"Артикул": "code"}})
	if rep.Created != 1 {
		t.Fatalf("%+v", rep)
	}
}

func TestExportDriverCSVAndJSON(t *testing.T) {
	s := driverSession(t)
	var buf bytes.Buffer
	n, err := Export(context.Background(), s, testExport, &buf, ExportOptions{Excel: true})
	if err != nil || n != 3 {
		t.Fatalf("%d %v", n, err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\uFEFFcode;name;note\r\nA-1;ООО «Ёлка»;\"звонить после обеда; \"\"срочно\"\"\"\r\n")) {
		t.Fatalf("excel csv:\n%q", buf.String())
	}
	rd, err := csvio.NewReader(&buf, []csvio.Column{{Name: "code"}, {Name: "name"}, {Name: "note"}}, csvio.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		row, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil || row.Get("note") != testExportRows[i][2] || row.Get("name") != testExportRows[i][1] {
			t.Fatalf("row %d: %v %v", i, row.Values, err)
		}
	}
	buf.Reset()
	if n, err = Export(context.Background(), s, testExport, &buf, ExportOptions{}); err != nil || !strings.HasPrefix(buf.String(), "code,name,note\nA-1,") {
		t.Fatalf("%v %q", err, buf.String())
	}

	buf.Reset()
	n, err = Export(context.Background(), s, testExport, &buf, ExportOptions{Format: JSON})
	if err != nil || n != 3 {
		t.Fatalf("%d %v", n, err)
	}
	var objs []map[string]string
	if err := json.Unmarshal(buf.Bytes(), &objs); err != nil {
		t.Fatalf("json: %v\n%s", err, buf.String())
	}
	for i, o := range objs {
		if o["code"] != testExportRows[i][0] || o["name"] != testExportRows[i][1] || o["note"] != testExportRows[i][2] {
			t.Errorf("object %d: %v", i, o)
		}
	}
	// Keys in the columns' order.
	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
			}
		case string:
			if depth == 2 && len(keys) < 3 {
				keys = append(keys, v)
				dec.Token() // the value
			}
		}
	}
	if fmt.Sprint(keys) != "[code name note]" {
		t.Errorf("keys %v", keys)
	}
	// An empty export is an empty array.
	registerExport("test_empty", exporter{columns: []string{"a"}, each: func(context.Context, *store.Session, ExportOptions, func([]string) error) error { return nil }})
	buf.Reset()
	if n, err := Export(context.Background(), s, "test_empty", &buf, ExportOptions{Format: JSON}); err != nil || n != 0 || strings.TrimSpace(buf.String()) != "[]" {
		t.Fatalf("%d %v %q", n, err, buf.String())
	}
}

func TestExportDriverRightsFormatsAudit(t *testing.T) {
	s := driverSession(t)
	op := operator(t, s)
	var buf bytes.Buffer
	if _, err := Export(context.Background(), op, testExport, &buf, ExportOptions{}); !errors.Is(err, model.ErrForbidden) || buf.Len() != 0 {
		t.Fatalf("operator: %v %q", err, buf.String())
	}
	if _, err := Export(context.Background(), s, "nonsense", &buf, ExportOptions{}); err == nil || !strings.Contains(err.Error(), string(Clients)) {
		t.Fatalf("unknown kind: %v", err)
	}
	if _, err := Export(context.Background(), s, testExport, &buf, ExportOptions{Format: ICS}); err == nil || !strings.Contains(err.Error(), "ics") {
		t.Fatalf("ics of a CSV kind: %v", err)
	}
	// A failed write is the export's error.
	if _, err := Export(context.Background(), s, testExport, failWriter{}, ExportOptions{}); err == nil {
		t.Fatal("a failed write went unnoticed")
	}
	if _, err := Export(context.Background(), s, testExport, io.Discard, ExportOptions{Format: JSON}); err != nil {
		t.Fatal(err)
	}
	// The audit: one entry of the JSON export by boss with 3 records (the
	// refused and failed ones wrote none).
	db := s.DB()
	path := db.Path()
	db.Close()
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	var found []string
	bdb.View(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("audit")).ForEach(func(_, v []byte) error {
			var e model.AuditEntry
			if json.Unmarshal(v, &e) == nil && e.Kind == "export" {
				f := e.User
				for _, c := range e.Changes {
					f += " " + c.Field + "=" + c.New
				}
				found = append(found, f)
			}
			return nil
		})
	})
	if fmt.Sprint(found) != "[boss kind=test_export records=3 format=json]" {
		t.Fatalf("export audit entries %v", found)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }
