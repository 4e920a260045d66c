package store

import (
	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// ReleaseHolds lets go, in one transaction, of every call the session's
// user holds (a team-server session that ended or dropped), each with its
// audit entry, and says how many. The plan_held counter follows each one.
// Most sessions end holding nothing: a read-only look (the counter, else
// the queue index values) says so without a write transaction and its
// fsync.
func (s *Session) ReleaseHolds() (int, error) {
	db := s.db
	if db.ro {
		return 0, db.readOnlyErr()
	}
	holds, err := db.holdsAny(s.me.Name)
	if err != nil || !holds {
		return 0, err
	}
	n := 0
	err = s.update(func(tx *bolt.Tx) error {
		var err error
		n, err = db.releaseHoldsOf(tx, s.me.Name, s.me.Name, model.T("storeteam.session_ended"))
		return err
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// holdsAny says, in a read transaction, whether user may hold a call: false
// when the plan_held counter is 0 or no queue index value names user. As
// with the write transaction alone, a take committed after the look is not
// let go (a session that has ended takes nothing more).
func (db *DB) holdsAny(user string) (bool, error) {
	holds := false
	err := db.bolt.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyPlanHeld); v != nil && btoi(v) == 0 {
			return nil
		}
		b := tx.Bucket(bucketPlanQueue)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if string(v) == user {
				holds = true
				return nil
			}
		}
		return nil
	})
	return holds, err
}
