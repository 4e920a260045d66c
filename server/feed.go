package server

import (
	"math/rand/v2"
	"time"

	"clientbase/model"
)

// feedPace is the slot a session's screens get at most one batch in:
// under a busy team (a hundred operators taking and logging calls, a
// write every few milliseconds) every transaction would make every session
// reload; paced, a session reloads at most once a slot, for everything
// that changed since, and a change still shows within the second.
const feedPace = 700 * time.Millisecond

// maxPending is how many distinct changes a paced batch holds before it
// becomes "reload everything".
const maxPending = 512

// pace forwards the batches of in to the returned channel, at most one per
// slot of every: a batch goes out at once when the session has had none in
// the current slot, else at the start of the next one, with everything
// that arrived meanwhile merged (each record once, the latest By; "*"
// swallows the rest). Each session's slots start at its own random phase,
// so a hundred sessions hearing of the same transaction spread their
// reloads over the slot instead of all reloading at the same instant every
// time. It closes its channel when in closes; done ends it early.
func pace(in <-chan []model.Change, every time.Duration, done <-chan struct{}) <-chan []model.Change {
	out := make(chan []model.Change)
	origin := time.Now()
	if every > 0 {
		origin = origin.Add(-rand.N(every))
	}
	slot := func(t time.Time) int64 {
		if every <= 0 {
			return int64(t.Sub(origin)) // every instant its own slot
		}
		return int64(t.Sub(origin) / every)
	}
	go func() {
		defer close(out)
		var pending []model.Change
		last := int64(-1) // the slot of the last batch sent
		var timer *time.Timer
		defer func() {
			if timer != nil {
				timer.Stop()
			}
		}()
		for {
			var send chan []model.Change // nil: not ready to send
			var wake <-chan time.Time
			if len(pending) > 0 {
				if now := time.Now(); slot(now) > last {
					send = out
				} else {
					wait := origin.Add(time.Duration(last+1) * every).Sub(now)
					if timer == nil {
						timer = time.NewTimer(wait)
					} else {
						timer.Reset(wait) // Go 1.23+: no stale fire survives a Reset
					}
					wake = timer.C
				}
			}
			select {
			case b, ok := <-in:
				if !ok {
					return
				}
				pending = merge(pending, b)
			case <-wake:
			case send <- pending:
				pending, last = nil, slot(time.Now())
			case <-done:
				return
			}
		}
	}()
	return out
}

// merge adds batch to pending: one change per kind and record (the latest
// By), and a missed batch or too many changes as one "*".
func merge(pending, batch []model.Change) []model.Change {
	if len(pending) == 1 && pending[0].Kind == "*" {
		return pending
	}
next:
	for _, c := range batch {
		if c.Kind == "*" || len(pending) >= maxPending {
			return []model.Change{{Kind: "*"}}
		}
		for i := range pending {
			if pending[i].Kind == c.Kind && pending[i].ID == c.ID {
				pending[i].By = c.By
				continue next
			}
		}
		pending = append(pending, c)
	}
	return pending
}
