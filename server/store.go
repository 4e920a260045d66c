package server

import (
	"clientbase/model"
	"clientbase/store"
)

// The store's team-server calls, in one place: who a key belongs to, the
// change feed, the session stamped with the key, and the holds let go.

// userByKey is the user whose key has fingerprint fp (model.ErrNotFound for
// an unknown key or an archived user).
func (s *Server) userByKey(fp string) (model.User, error) { return s.db.UserByKey(fp) }

// subscribe opens a change feed for one session; the func closes it.
func (s *Server) subscribe() (<-chan []model.Change, func()) { return s.db.Subscribe(changeBuffer) }

// sessionFor is the store as user me sees it, audited with the key's fingerprint.
func (s *Server) sessionFor(me model.User, fp string) *store.Session { return s.db.As(me).Via(fp) }

// releaseHolds lets go of the calls me still holds.
func (s *Server) releaseHolds(me model.User) (int, error) { return s.db.As(me).ReleaseHolds() }
