package exchange

import (
	"context"
	"errors"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
)

// defaultBatch is the records per transaction of a kind that names none.
const defaultBatch = 10_000

// RejectedSuffix is added to an input's path for the report of its
// rejected rows (UTF-8 with a BOM and ";" so Excel opens it).
const RejectedSuffix = ".rejected.csv"

// pending is a parsed record waiting for its batch.
type pending struct {
	item any
	key  string
	line int
}

// importRun is one import's state.
type importRun struct {
	s      *store.Session
	im     importer
	opts   ImportOptions
	rep    model.ImportReport
	shown  map[model.ImportAction]int
	reject []model.ImportLine
}

// doImport is the import driver: the CSV reader, the kind's parse (and
// merge), batches of one transaction each through the kind's write, the
// tally, and the report file of rejected rows next to the input.
func doImport(ctx context.Context, s *store.Session, kind Kind, r io.Reader, opts ImportOptions) (model.ImportReport, error) {
	run := &importRun{s: s, opts: opts, shown: map[model.ImportAction]int{},
		rep: model.ImportReport{Kind: string(kind), File: opts.File, DryRun: opts.DryRun}}
	me := s.Me()
	if !model.Can(me, model.ActDataImport) {
		return run.rep, model.Sentencef(model.ErrForbidden, "store.forbidden", me.Role, model.T("exch.csv.act_import"))
	}
	im, ok := importers[kind]
	if !ok {
		return run.rep, model.Sentencef(nil, "exch.csv.unknown_kind", string(kind), model.T("exch.csv.imported"), kindList(importKinds()))
	}
	run.im = im
	rd, err := csvio.NewReader(r, im.columns, csvio.Options{Encoding: opts.Encoding, Delimiter: opts.Delimiter, Map: opts.Map})
	if err != nil {
		return run.rep, err
	}
	run.rep.Encoding = rd.Encoding()
	run.rep.Delimiter = delimiterName(rd.Delimiter())
	size := opts.BatchSize
	if size <= 0 {
		size = im.batch
	}
	if size <= 0 {
		size = defaultBatch
	}

	var werr error
	if im.merge != nil {
		// The rows of a record may be anywhere in the file: read it all,
		// then write the records in their first lines' order.
		var batch []pending
		merged := map[string]int{}
		rows, rejects, rerr := readRows(ctx, rd, im, opts, func(p pending) bool {
			if i, ok := merged[p.key]; ok && p.key != "" {
				m, err := im.merge(batch[i].item, p.item)
				if err != nil {
					run.rejectLine(p.line, p.key, err.Error())
					return true
				}
				batch[i].item = m
				return true
			}
			merged[p.key] = len(batch)
			batch = append(batch, p)
			return true
		})
		run.addRead(rows, rejects)
		if rerr != nil {
			return run.finish(rerr)
		}
		for len(batch) > 0 && werr == nil {
			if werr = ctx.Err(); werr != nil {
				break
			}
			k := min(size, len(batch))
			werr = run.write(batch[:k])
			batch = batch[k:]
		}
		return run.finish(werr)
	}
	// One record a row: the next batch is read and parsed while the last
	// is written.
	ch := make(chan []pending, 1)
	stop := make(chan struct{})
	var rows int
	var rejects []model.ImportLine
	var rerr error
	go func() {
		defer close(ch)
		batch := make([]pending, 0, min(size, 1<<16))
		send := func() bool {
			select {
			case ch <- batch:
				batch = make([]pending, 0, cap(batch))
				return true
			case <-stop:
				return false
			}
		}
		rows, rejects, rerr = readRows(ctx, rd, im, opts, func(p pending) bool {
			batch = append(batch, p)
			return len(batch) < size || send()
		})
		if rerr == nil && len(batch) > 0 {
			send()
		}
	}()
	for batch := range ch {
		if werr != nil {
			continue
		}
		if werr = ctx.Err(); werr == nil {
			werr = run.write(batch)
		}
		if werr != nil {
			close(stop)
		}
	}
	run.addRead(rows, rejects)
	if werr == nil {
		werr = rerr
	}
	return run.finish(werr)
}

// readRows reads and parses the file's rows, handing each record to emit
// (false stops); it returns the rows read and the rows rejected.
func readRows(ctx context.Context, rd *csvio.Reader, im importer, opts ImportOptions, emit func(pending) bool) (int, []model.ImportLine, error) {
	var rejects []model.ImportLine
	reject := func(line int, key, reason string) {
		rejects = append(rejects, model.ImportLine{Line: line, Action: model.ImportReject, Key: key, Reason: reason})
	}
	rows := 0
	for n := 0; ; n++ {
		if n&1023 == 0 && ctx.Err() != nil {
			return rows, rejects, ctx.Err()
		}
		row, err := rd.Next()
		if err == io.EOF {
			return rows, rejects, nil
		}
		var re *csvio.RowError
		if errors.As(err, &re) {
			rows++
			reject(re.Line, "", re.Reason)
			continue
		}
		if err != nil {
			return rows, rejects, err
		}
		rows++
		item, key, err := im.parse(row, opts)
		if err != nil {
			reject(row.Line, key, err.Error())
			continue
		}
		if !emit(pending{item: item, key: key, line: row.Line}) {
			return rows, rejects, nil
		}
	}
}

// addRead counts the rows read and the rows the reading rejected.
func (run *importRun) addRead(rows int, rejects []model.ImportLine) {
	run.rep.Rows += rows
	run.rep.Rejected += len(rejects)
	run.rep.Lines = append(run.rep.Lines, rejects...)
}

// write stores one batch and tallies what happened to each record.
func (run *importRun) write(batch []pending) error {
	items := make([]any, len(batch))
	for i := range batch {
		items[i] = batch[i].item
	}
	res, err := run.im.write(run.s, items, run.opts.DryRun)
	if err != nil {
		var se *model.Sentence
		if errors.As(err, &se) && errors.Is(err, model.ErrForbidden) {
			return err
		}
		return model.Sentencef(nil, "exch.csv.batch_failed", batch[0].line, strings.TrimSuffix(err.Error(), "."))
	}
	for i, p := range batch {
		var r store.ImportResult
		if i < len(res) {
			r = res[i]
		} else {
			r = store.ImportResult{Action: model.ImportReject, Err: errors.New(model.T("exch.csv.no_result"))}
		}
		if r.Err != nil || r.Action == model.ImportReject {
			reason := model.T("exch.csv.no_reason")
			if r.Err != nil {
				reason = r.Err.Error()
			}
			run.rejectLine(p.line, p.key, reason)
			continue
		}
		switch r.Action {
		case model.ImportCreate:
			run.rep.Created++
		case model.ImportUpdate:
			run.rep.Updated++
		default:
			r.Action = model.ImportUnchanged
			run.rep.Unchanged++
		}
		if run.opts.Preview > 0 && run.shown[r.Action] < run.opts.Preview {
			run.shown[r.Action]++
			run.rep.Lines = append(run.rep.Lines, model.ImportLine{Line: p.line, Action: r.Action, Key: p.key})
		}
	}
	return nil
}

func (run *importRun) rejectLine(line int, key, reason string) {
	run.rep.Rejected++
	l := model.ImportLine{Line: line, Action: model.ImportReject, Key: key, Reason: reason}
	run.rep.Lines = append(run.rep.Lines, l)
}

// finish orders the lines, writes (or removes) the report file and
// returns the report with err.
func (run *importRun) finish(err error) (model.ImportReport, error) {
	sort.SliceStable(run.rep.Lines, func(i, j int) bool { return run.rep.Lines[i].Line < run.rep.Lines[j].Line })
	if run.opts.File == "" {
		return run.rep, err
	}
	path := run.opts.File + RejectedSuffix
	if run.rep.Rejected == 0 {
		if err == nil {
			if rerr := os.Remove(path); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
				return run.rep, model.Sentencef(nil, "exch.csv.report_write", path, rerr.Error())
			}
		}
		return run.rep, err
	}
	if werr := writeRejected(path, run.rep.Lines); werr != nil {
		if err == nil {
			err = model.Sentencef(nil, "exch.csv.report_write", path, werr.Error())
		}
		return run.rep, err
	}
	run.rep.ReportFile = path
	return run.rep, err
}

// writeRejected writes the rejected lines as CSV for Excel: line, key, reason.
func writeRejected(path string, lines []model.ImportLine) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	w := csvio.NewWriter(f, true)
	w.Write([]string{model.T("exch.csv.report_line"), model.T("exch.csv.report_key"), model.T("exch.csv.report_reason")})
	for _, l := range lines {
		if l.Action != model.ImportReject {
			continue
		}
		w.Write([]string{strconv.Itoa(l.Line), l.Key, l.Reason})
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

func delimiterName(r rune) string {
	if r == '\t' {
		return "tab"
	}
	return string(r)
}

func importKinds() []Kind {
	out := make([]Kind, 0, len(importers))
	for k := range importers {
		out = append(out, k)
	}
	return out
}

func exportKinds() []Kind {
	out := make([]Kind, 0, len(exporters))
	for k := range exporters {
		out = append(out, k)
	}
	return out
}

func kindList(ks []Kind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	sort.Strings(s)
	return strings.Join(s, ", ")
}
