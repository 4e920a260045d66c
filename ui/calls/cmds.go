package calls

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Every store call runs in a command built here from plain values (never the
// model); each answer carries the generation it was asked under, so an answer
// the user has moved past is dropped.

// settingsMsg carries the department's call rules (pester limit, working
// hours for reading typed times).
type settingsMsg struct {
	cs  model.CallSettings
	err error
}

// queuePageMsg is one window of the queue as asked for by query gen.
type queuePageMsg struct {
	gen       uint64
	off, want int
	page      model.QueuePage
	err       error
}

// queueTickMsg is the minute tick that refreshes the queue so its colours
// follow the clock.
type queueTickMsg struct{ gen uint64 }

// callMsg is a taken call (or an off-plan call's context) ready for the call screen.
type callMsg struct {
	gen  uint64
	ctx  model.CallContext
	dir  model.Direction
	next bool // TakeNext: ErrNotFound is "nothing due", not a failure
	err  error
}

// loggedMsg is the store's answer to an outcome.
type loggedMsg struct {
	gen     uint64
	outcome model.Outcome
	res     model.OutcomeResult
	err     error
}

// releasedMsg is the store's answer to letting a call go.
type releasedMsg struct {
	gen uint64
	err error
}

// lookupMsg is one answer of the incoming-call lookup.
type lookupMsg struct {
	gen  uint64
	page model.ClientPage
	err  error
}

func loadSettings(st common.Store) tea.Cmd {
	return func() tea.Msg {
		cs, err := st.CallSettings()
		return settingsMsg{cs: cs, err: err}
	}
}

func fetchQueue(ctx context.Context, st common.Store, gen uint64, off, limit int) tea.Cmd {
	return func() tea.Msg {
		p, err := st.Queue(ctx, off, limit)
		if errors.Is(err, context.Canceled) {
			return nil // a newer query took over
		}
		return queuePageMsg{gen: gen, off: off, want: limit, page: p, err: err}
	}
}

func queueTick(gen uint64, every time.Duration) tea.Cmd {
	return tea.Tick(every, func(time.Time) tea.Msg { return queueTickMsg{gen: gen} })
}

func takeNext(st common.Store, gen uint64) tea.Cmd {
	return func() tea.Msg {
		c, err := st.TakeNext()
		return callMsg{gen: gen, ctx: c, dir: model.DirOutgoing, next: true, err: err}
	}
}

func take(st common.Store, gen uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		c, err := st.Take(id)
		return callMsg{gen: gen, ctx: c, dir: model.DirOutgoing, err: err}
	}
}

// callClient loads a client's context without taking an item: an off-plan
// call out, or an incoming call.
func callClient(st common.Store, gen uint64, client model.ID, dir model.Direction) tea.Cmd {
	return func() tea.Msg {
		c, err := st.CallContext(client, 0)
		return callMsg{gen: gen, ctx: c, dir: dir, err: err}
	}
}

func logOutcome(st common.Store, gen uint64, ix model.Interaction) tea.Cmd {
	return func() tea.Msg {
		res, err := st.LogOutcome(ix)
		return loggedMsg{gen: gen, outcome: ix.Outcome, res: res, err: err}
	}
}

func release(st common.Store, gen uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		return releasedMsg{gen: gen, err: st.Release(id)}
	}
}

// lookupCount is how many clients the incoming-call lookup shows.
const lookupCount = 8

func lookupClients(ctx context.Context, st common.Store, gen uint64, text string) tea.Cmd {
	return func() tea.Msg {
		p, err := st.List(ctx, model.ClientFilter{Text: text}, 0, lookupCount)
		if errors.Is(err, context.Canceled) {
			return nil // the caller typed on
		}
		return lookupMsg{gen: gen, page: p, err: err}
	}
}

func msgCmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

func status(text string) tea.Cmd { return msgCmd(common.StatusMsg{Text: text}) }

func statusErr(text string) tea.Cmd { return msgCmd(common.StatusMsg{Text: text, Err: true}) }

// errorSentence turns a store error into a sentence for the status bar.
func errorSentence(err error) string { return common.ErrorSentence(err, "calls") }
