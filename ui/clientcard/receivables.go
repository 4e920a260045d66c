package clientcard

import (
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/receivables"
)

// debtMsg is the store's answer with the client's receivables.
type debtMsg struct {
	gen uint64
	id  model.ID
	r   model.ClientReceivables
	err error
}

func debtCmd(st common.Store, gen uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		r, err := st.Receivables(id)
		return debtMsg{gen: gen, id: id, r: r, err: err}
	}
}

// loadDebt asks for the client's receivables (after the record loads and
// whenever an order or payment changes).
func (m *Model) loadDebt() tea.Cmd {
	if m.id == 0 {
		return nil
	}
	m.waitDebt = m.next()
	return debtCmd(m.deps.Store, m.waitDebt, m.id)
}

func (m Model) onDebt(msg debtMsg) Model {
	if msg.gen != m.waitDebt {
		return m
	}
	m.debt, m.debtErr = nil, ""
	if msg.err != nil {
		m.debtErr = errorSentence(msg.err)
	} else {
		r := msg.r
		m.debt = &r
	}
	m.rebuild()
	return m
}

// debtLines is the card's receivables section: invoiced, paid, outstanding,
// overdue and aging, as the receivables screen sums them up.
func (m Model) debtLines() []string {
	st := m.deps.Styles
	switch {
	case m.debtErr != "":
		return []string{"  " + st.FieldError.Render(m.debtErr)}
	case m.debt == nil:
		return []string{"  " + st.Subtle.Render(model.T("card.receivables_loading"))}
	}
	var out []string
	for _, l := range receivables.Summary(*m.debt, max(1, m.width-2), st) {
		out = append(out, "  "+l)
	}
	return out
}
