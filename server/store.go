package server

import (
	"clientbase/model"
	"clientbase/store"
)

// The store's team-server calls (UserByKey, Via, Subscribe, ReleaseHolds)
// are being built alongside this package; until they are in, they are
// reached through these small interfaces, and a store without them refuses
// every key and gives no live feed.
type (
	keyUsers interface {
		UserByKey(fingerprint string) (model.User, error)
	}
	changeFeed interface {
		Subscribe(buffer int) (<-chan []model.Change, func())
	}
	viaSession interface {
		Via(fingerprint string) *store.Session
	}
	holdReleaser interface {
		ReleaseHolds() (int, error)
	}
)

// userByKey is the user whose key has fingerprint fp.
func (s *Server) userByKey(fp string) (model.User, error) {
	if k, ok := any(s.db).(keyUsers); ok {
		return k.UserByKey(fp)
	}
	return model.User{}, model.Sentencef(model.ErrNotFound, "server.refused_key")
}

// subscribe opens a change feed for one session.
func (s *Server) subscribe() (<-chan []model.Change, func()) {
	if f, ok := any(s.db).(changeFeed); ok {
		return f.Subscribe(changeBuffer)
	}
	return nil, func() {}
}

// sessionFor is the store as user me sees it, audited with the key's fingerprint.
func (s *Server) sessionFor(me model.User, fp string) *store.Session {
	sess := s.db.As(me)
	if v, ok := any(sess).(viaSession); ok {
		return v.Via(fp)
	}
	return sess
}

// releaseHolds lets go of the calls me still holds.
func (s *Server) releaseHolds(me model.User) (int, error) {
	if r, ok := any(s.db.As(me)).(holdReleaser); ok {
		return r.ReleaseHolds()
	}
	return 0, nil
}
