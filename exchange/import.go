package exchange

import (
	"context"
	"io"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
)

// doImport is the import driver (to be written: csvio reader, batches,
// dry run, report file).
func doImport(ctx context.Context, s *store.Session, kind Kind, r io.Reader, opts ImportOptions) (model.ImportReport, error) {
	return model.ImportReport{}, csvio.ErrNotImplemented
}
