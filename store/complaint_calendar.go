package store

import (
	"bytes"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// compiledComplaintPolicy is a complaint policy with its working calendar,
// compiled once for the stored record it was read from.
type compiledComplaintPolicy struct {
	raw []byte // the stored JSON it came from (nil: none saved, the defaults)
	cs  model.ComplaintSettings
	cal model.WorkCalendar
}

// lastComplaintPolicy is the policy compiled last. It is keyed by the stored
// record's bytes, not by a *DB or the Version: equal bytes are an equal
// policy in any database, a save (a new Version, new bytes) misses by
// itself, and checking costs a comparison of a few hundred bytes without
// decoding. Both it and the WorkCalendar are read-only once stored.
var lastComplaintPolicy atomic.Pointer[compiledComplaintPolicy]

// complaintPolicy returns the complaint settings and their compiled calendar
// as tx sees them: every reader of the complaint deadlines (the queue, the
// intake warning, the call screen's lines, the report, a change's env) goes
// through it, so the JSON is decoded and the calendar built once per saved
// policy rather than once per call. The settings' slices are shared: callers
// must not modify them.
func complaintPolicy(tx *bolt.Tx) (model.ComplaintSettings, model.WorkCalendar, error) {
	raw := tx.Bucket(bucketMeta).Get(complaintSettings.key)
	if p := lastComplaintPolicy.Load(); p != nil && (raw == nil) == (p.raw == nil) && bytes.Equal(raw, p.raw) {
		return p.cs, p.cal, nil
	}
	cs, err := complaintSettings.read(tx)
	if err != nil {
		return cs, model.WorkCalendar{}, err
	}
	p := &compiledComplaintPolicy{cs: cs, cal: cs.Calendar()}
	if raw != nil {
		p.raw = bytes.Clone(raw) // bbolt's slice lives only as long as tx
	}
	lastComplaintPolicy.Store(p)
	return p.cs, p.cal, nil
}
