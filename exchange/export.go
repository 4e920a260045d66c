package exchange

import (
	"context"
	"io"

	"clientbase/exchange/csvio"
	"clientbase/store"
)

// doExport is the export driver (to be written: rights, CSV/JSON, audit).
func doExport(ctx context.Context, s *store.Session, kind Kind, w io.Writer, opts ExportOptions) (int, error) {
	return 0, csvio.ErrNotImplemented
}
