package server

import (
	"time"

	"clientbase/model"
)

// feedPace is the least time between two batches a session's screens get:
// under a busy team (a hundred operators taking and logging calls) every
// transaction would make every session reload; paced, a session reloads at
// most twice a second, each time for everything that changed since, and a
// change still shows within the second. BenchmarkSessions with
// BENCH_TAKES=1: keystroke → frame p95 620 ms unpaced, 309 ms at 200 ms,
// 229 ms at 500 ms.
const feedPace = 500 * time.Millisecond

// maxPending is how many distinct changes a paced batch holds before it
// becomes "reload everything".
const maxPending = 512

// pace forwards the batches of in to the returned channel, the first at
// once and then at most one per every, merging what arrives meanwhile
// (each record once, the latest By; "*" swallows the rest). It closes its
// channel when in closes; done ends it early (the session is over).
func pace(in <-chan []model.Change, every time.Duration, done <-chan struct{}) <-chan []model.Change {
	out := make(chan []model.Change)
	go func() {
		defer close(out)
		var pending []model.Change
		var next time.Time // no batch before this
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
				if wait := time.Until(next); wait > 0 {
					if timer == nil {
						timer = time.NewTimer(wait)
					} else {
						timer.Reset(wait) // Go 1.23+: no stale fire survives a Reset
					}
					wake = timer.C
				} else {
					send = out
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
				pending, next = nil, time.Now().Add(every)
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
