package orders

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// entrySeq numbers entries: an answer for an entry that is gone is dropped.
var entrySeq atomic.Uint64

// Messages of the order list.
type (
	listPageMsg struct {
		gen  uint64
		off  int
		page model.OrderPage
		err  error
	}
	clientMatchesMsg struct {
		owner uint64 // 0: the list's client filter; else the entry's id
		gen   uint64
		rows  []model.Client
		err   error
	}
)

// Messages of an entry; entry is the Entry's id.
type (
	setupMsg struct {
		entry uint64
		ps    model.PriceSettings
		users []model.User
		err   error
	}
	orderLoadedMsg struct {
		entry  uint64
		order  model.Order
		client model.Client
		err    error
	}
	clientLoadedMsg struct {
		entry  uint64
		client model.Client
		err    error
	}
	productMatchesMsg struct {
		entry uint64
		gen   uint64
		rows  []model.Product
		err   error
	}
	lineReadyMsg struct {
		entry   uint64
		product model.Product
		price   model.Money
		err     error
	}
	savedMsg struct {
		entry  uint64
		order  model.Order
		submit bool // the save was the first step of a submit
		err    error
	}
	actedMsg struct {
		entry uint64
		act   string
		order model.Order
		err   error
	}
)

func msgCmd(m tea.Msg) tea.Cmd { return func() tea.Msg { return m } }

func status(text string) tea.Cmd { return msgCmd(common.StatusMsg{Text: text}) }

func statusErr(text string) tea.Cmd { return msgCmd(common.StatusMsg{Text: text, Err: true}) }

func fetchOrders(ctx context.Context, st common.OrderStore, f model.OrderFilter, gen uint64, off, limit int) tea.Cmd {
	return func() tea.Msg {
		p, err := st.Orders(ctx, f, off, limit)
		if errors.Is(err, context.Canceled) {
			return nil
		}
		return listPageMsg{gen: gen, off: off, page: p, err: err}
	}
}

// lookupClients finds clients by name, tax id or phone (the client search).
func lookupClients(ctx context.Context, st common.ClientStore, owner, gen uint64, text string) tea.Cmd {
	return func() tea.Msg {
		p, err := st.List(ctx, model.ClientFilter{Text: text}, 0, lookupRows)
		if errors.Is(err, context.Canceled) {
			return nil
		}
		return clientMatchesMsg{owner: owner, gen: gen, rows: p.Rows, err: err}
	}
}

func loadSetup(st common.Store, entry uint64) tea.Cmd {
	return func() tea.Msg {
		ps, err := st.PriceSettings()
		users, uerr := st.Users()
		if err == nil {
			err = uerr
		}
		return setupMsg{entry: entry, ps: ps, users: users, err: err}
	}
}

func loadOrder(st common.Store, entry uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		o, err := st.Order(id)
		if err != nil {
			return orderLoadedMsg{entry: entry, err: err}
		}
		c, err := st.Client(o.Client)
		return orderLoadedMsg{entry: entry, order: o, client: c, err: err}
	}
}

func loadClient(st common.ClientStore, entry uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		c, err := st.Client(id)
		return clientLoadedMsg{entry: entry, client: c, err: err}
	}
}

func lookupProducts(ctx context.Context, st common.OrderStore, entry, gen uint64, text string) tea.Cmd {
	return func() tea.Msg {
		p, err := st.Products(ctx, text, false, 0, productRows)
		if errors.Is(err, context.Canceled) {
			return nil
		}
		return productMatchesMsg{entry: entry, gen: gen, rows: p.Rows, err: err}
	}
}

// findLine resolves what was typed (or the match chosen) to a product and
// its price in the client's column at the order date.
func findLine(st common.OrderStore, entry uint64, chosen *model.Product, text, column string, date time.Time) tea.Cmd {
	return func() tea.Msg {
		var p model.Product
		if chosen != nil {
			p = *chosen
		} else {
			var err error
			p, err = st.ProductBySKU(strings.TrimSpace(text))
			if err != nil {
				// Not a SKU: part of a name that only one product has will do.
				page, perr := st.Products(context.Background(), strings.TrimSpace(text), false, 0, 2)
				switch {
				case perr != nil:
					return lineReadyMsg{entry: entry, err: perr}
				case page.Total == 1 && len(page.Rows) == 1:
					p = page.Rows[0]
				case page.Total > 1:
					return lineReadyMsg{entry: entry, err: model.Sentencef(model.ErrNotFound, "orders.error.several", strings.TrimSpace(text), page.Total)}
				default:
					return lineReadyMsg{entry: entry, err: model.Sentencef(model.ErrNotFound, "orders.error.unknown_sku", strings.TrimSpace(text))}
				}
			}
		}
		price, err := st.PriceFor(p.ID, column, date)
		return lineReadyMsg{entry: entry, product: p, price: price, err: err}
	}
}

func saveOrder(st common.OrderStore, entry uint64, o model.Order, submit bool) tea.Cmd {
	return func() tea.Msg {
		saved, err := st.SaveOrder(o)
		if err == nil && submit {
			saved, err = st.SubmitOrder(saved.ID, saved.Version)
			if err != nil {
				// The draft is saved; only the submit failed.
				return savedMsg{entry: entry, order: reload(st, saved), submit: true, err: err}
			}
		}
		return savedMsg{entry: entry, order: saved, submit: submit, err: err}
	}
}

func reload(st common.OrderStore, o model.Order) model.Order {
	if fresh, err := st.Order(o.ID); err == nil {
		return fresh
	}
	return o
}

// act runs one lifecycle step on a stored order.
func act(entry uint64, name string, f func() (model.Order, error)) tea.Cmd {
	return func() tea.Msg {
		o, err := f()
		return actedMsg{entry: entry, act: name, order: o, err: err}
	}
}

// errText is the sentence for err: a validation error's fields are placed
// by the caller, the rest is its text.
func errText(err error) string {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return model.T("orders.error.invalid")
	}
	var s *model.Sentence
	if errors.As(err, &s) {
		return s.Text
	}
	switch {
	case errors.Is(err, model.ErrForbidden):
		return model.T("orders.error.forbidden")
	case errors.Is(err, model.ErrReadOnly):
		return model.T("orders.error.read_only")
	case errors.Is(err, model.ErrConflict):
		return model.T("orders.error.conflict")
	case errors.Is(err, model.ErrNotFound):
		return model.T("orders.error.not_found")
	}
	return err.Error()
}
