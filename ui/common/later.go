package common

// Later holds the data changes a screen out of sight has not heard yet.
// A hidden screen does not reload on every change another session makes
// (on the team server a hundred sessions would each reload every tab and
// view they have open); it hears them, merged, when it is shown again.
type Later struct {
	msgs []DataChangedMsg
}

// laterMax is how many distinct changes Later keeps before it says "*"
// (reload everything) instead: a screen shown after a busy minute reloads
// once, not once per change.
const laterMax = 8

// Add keeps msg for later: each kind and record once; "*" or too many
// distinct changes become one "*".
func (l *Later) Add(msg DataChangedMsg) {
	if len(l.msgs) == 1 && l.msgs[0].Kind == "*" {
		return
	}
	if msg.Kind == "*" || len(l.msgs) >= laterMax {
		l.msgs = []DataChangedMsg{{Kind: "*"}}
		return
	}
	for _, m := range l.msgs {
		if m == msg {
			return
		}
	}
	l.msgs = append(l.msgs, msg)
}

// Take hands over what was kept, oldest first, and forgets it.
func (l *Later) Take() []DataChangedMsg {
	msgs := l.msgs
	l.msgs = nil
	return msgs
}

// Pending reports whether anything waits.
func (l *Later) Pending() bool { return len(l.msgs) > 0 }
