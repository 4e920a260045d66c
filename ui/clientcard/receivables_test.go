package clientcard

import (
	"strings"
	"testing"

	"clientbase/ui/common"
)

// o asks the root for a new order for this client; the card shows the
// client's receivables under their own heading; read-only offers no o.
func TestNewOrderKeyAndReceivablesSection(t *testing.T) {
	e := newPlanEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.olga), e.clientID)
	d := drive(t, m, cmd)
	_, cmd = d.m.Update(keyMsg("o"))
	if cmd == nil {
		t.Fatal("o did nothing")
	}
	if got, ok := cmd().(common.NewOrderMsg); !ok || got.Client != e.clientID {
		t.Errorf("o sent %#v", got)
	}
	body := stripANSI(strings.Join(d.m.lines, "\n"))
	if !strings.Contains(body, "Receivables") || !strings.Contains(body, "No invoices.") {
		t.Errorf("the card has no receivables section:\n%s", body)
	}
	ro := e.deps(e.boss)
	ro.ReadOnly = true
	m, cmd = Open(ro, e.clientID)
	d = drive(t, m, cmd)
	if d.m.cardKeys().NewOrder.Enabled() {
		t.Error("read-only card offers a new order")
	}
}
