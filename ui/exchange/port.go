package exchange

import (
	"context"
	"io"

	"clientbase/exchange"
	"clientbase/model"
	"clientbase/store"
	"clientbase/ui/common"
)

// Port is what the pane asks of the exchange package: Import and Export on
// the signed-in session (rights and the audit entry are the session's).
// Every call reads or writes files and the database: call it from a tea.Cmd.
type Port interface {
	Import(ctx context.Context, kind exchange.Kind, r io.Reader, o exchange.ImportOptions) (model.ImportReport, error)
	Export(ctx context.Context, kind exchange.Kind, w io.Writer, o exchange.ExportOptions) (int, error)
}

// sessionPort binds exchange.Import and exchange.Export to one session.
type sessionPort struct{ s *store.Session }

func (p sessionPort) Import(ctx context.Context, kind exchange.Kind, r io.Reader, o exchange.ImportOptions) (model.ImportReport, error) {
	return exchange.Import(ctx, p.s, kind, r, o)
}

func (p sessionPort) Export(ctx context.Context, kind exchange.Kind, w io.Writer, o exchange.ExportOptions) (int, error) {
	return exchange.Export(ctx, p.s, kind, w, o)
}

// PortFor is the port of the store main wired into the interface (a store
// session, locally and on the team server); nil for anything else, and the
// pane then says the exchange is not available.
//
// This is the one place the interface reaches the store package: the
// exchange package's API takes a *store.Session. Moving this adapter to
// main (a Config field) would keep ui free of store; it is kept here so the
// pane works without touching main.go and server.go.
func PortFor(st common.Store) Port {
	if s, ok := st.(*store.Session); ok {
		return sessionPort{s: s}
	}
	return nil
}
