package store

import (
	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// ReleaseHolds lets go, in one transaction, of every call the session's
// user holds (a team-server session that ended or dropped), each with its
// audit entry, and says how many. The plan_held counter follows each one.
func (s *Session) ReleaseHolds() (int, error) {
	db := s.db
	if db.ro {
		return 0, db.readOnlyErr()
	}
	n := 0
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		n, err = db.releaseHoldsOf(tx, s.me.Name, s.me.Name, model.T("storeteam.session_ended"))
		return err
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
