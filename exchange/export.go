package exchange

import (
	"bufio"
	"context"
	"encoding/json"
	"io"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
)

// doExport is the export driver: the right (the kind's own check, else
// the bulk-export right), CSV (for Excel with a BOM and ";") or JSON from
// the kind's rows, other formats through the kind's writer, then the
// export's audit entry.
func doExport(ctx context.Context, s *store.Session, kind Kind, w io.Writer, opts ExportOptions) (int, error) {
	ex, ok := exporters[kind]
	if !ok {
		return 0, model.Sentencef(nil, "exch.csv.unknown_kind", string(kind), model.T("exch.csv.exported"), kindList(exportKinds()))
	}
	if opts.Format == "" {
		opts.Format = CSV
	}
	if ex.allowed != nil {
		if err := ex.allowed(s, opts); err != nil {
			return 0, err
		}
	} else if me := s.Me(); !model.Can(me, model.ActDataExport) {
		return 0, model.Sentencef(model.ErrForbidden, "store.forbidden", me.Role, model.T("exch.csv.act_export"))
	}
	var n int
	var err error
	switch {
	case (opts.Format == CSV || opts.Format == JSON) && ex.each != nil:
		if opts.Format == CSV {
			n, err = exportCSV(ctx, s, ex, w, opts)
		} else {
			n, err = exportJSON(ctx, s, ex, w, opts)
		}
	case opts.Format != CSV && opts.Format != JSON && ex.write != nil:
		n, err = ex.write(ctx, s, opts, w)
	default:
		return 0, model.Sentencef(nil, "exch.csv.format", string(opts.Format), string(kind))
	}
	if err != nil {
		return n, err
	}
	return n, s.NoteExport(string(kind), n, string(opts.Format))
}

func exportCSV(ctx context.Context, s *store.Session, ex exporter, w io.Writer, opts ExportOptions) (int, error) {
	cw := csvio.NewWriter(w, opts.Excel)
	if err := cw.Write(ex.columns); err != nil {
		return 0, err
	}
	n := 0
	err := ex.each(ctx, s, opts, func(row []string) error {
		n++
		return cw.Write(row)
	})
	if ferr := cw.Flush(); err == nil {
		err = ferr
	}
	return n, err
}

// exportJSON streams an array of objects keyed by the columns, in the
// columns' order, one object a line.
func exportJSON(ctx context.Context, s *store.Session, ex exporter, w io.Writer, opts ExportOptions) (int, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	keys := make([][]byte, len(ex.columns))
	for i, c := range ex.columns {
		k, _ := json.Marshal(c)
		keys[i] = append(k, ':')
	}
	bw.WriteString("[")
	n := 0
	var buf []byte
	err := ex.each(ctx, s, opts, func(row []string) error {
		buf = buf[:0]
		if n > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, "\n{"...)
		for i, k := range keys {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, k...)
			v := ""
			if i < len(row) {
				v = row[i]
			}
			buf = appendJSONString(buf, v)
		}
		buf = append(buf, '}')
		n++
		_, err := bw.Write(buf)
		return err
	})
	if err == nil {
		if n > 0 {
			bw.WriteString("\n")
		}
		bw.WriteString("]\n")
		err = bw.Flush()
	}
	return n, err
}

// appendJSONString appends s as a JSON string (encoding/json's escaping
// without its HTML escapes).
func appendJSONString(buf []byte, s string) []byte {
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '"' || c == '\\' || c >= 0x80 {
			simple = false
			break
		}
	}
	if simple {
		buf = append(buf, '"')
		buf = append(buf, s...)
		return append(buf, '"')
	}
	b, _ := json.Marshal(s)
	return append(buf, b...)
}
