package store

import (
	"strconv"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// NoteExport writes an export's audit entry: who exported which kind, how
// many records, in which format (the client base is a trade secret: every
// export is on record). A read-only database cannot keep the entry, so the
// export is refused there.
func (s *Session) NoteExport(kind string, records int, format string) error {
	if s.db.ro {
		return s.db.readOnlyErr()
	}
	return s.update(func(tx *bolt.Tx) error {
		return writeAudit(tx, &model.AuditEntry{At: s.db.now(), User: s.me.Name, Kind: "export", Action: "export",
			Changes: []model.FieldChange{
				{Field: "kind", New: kind},
				{Field: "records", New: strconv.Itoa(records)},
				{Field: "format", New: format},
			}})
	})
}
