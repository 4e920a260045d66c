package store

import (
	"context"
	"time"

	"clientbase/model"
)

// STUB — the report helper replaces this file.

// ComplaintReport is the head's report for complaints received in [from, to).
func (s *Session) ComplaintReport(ctx context.Context, from, to time.Time) (model.ComplaintReport, error) {
	return model.ComplaintReport{}, errComplaintsTODO
}
