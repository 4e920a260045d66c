package store

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"clientbase/model"
)

func TestClientsNamedAndByCode(t *testing.T) {
	_, s := openDirector(t)
	romashka := newClient("ООО «Ромашка»")
	romashka.External = "1C-001"
	r := mustSave(t, s, romashka, "t")
	e := mustSave(t, s, newClient("ИП Ёлкин"), "t")
	mustSave(t, s, newClient("Acme"), "t")
	mustSave(t, s, newClient("acme"), "t")
	mustSave(t, s, newClient("ООО «Ромашка» плюс"), "t") // a longer name is another

	for _, tc := range []struct {
		name string
		want int
	}{{"ООО «Ромашка»", 1}, {"  ооо   «ромашка» ", 1}, {"ИП Ёлкин", 1}, {"Acme", 2}, {"Ромашка", 0}, {"", 0}} {
		got, err := s.ClientsNamed(tc.name, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tc.want {
			t.Errorf("ClientsNamed(%q): %d clients, want %d", tc.name, len(got), tc.want)
		}
	}
	if got, _ := s.ClientsNamed("Acme", 1); len(got) != 1 {
		t.Errorf("limit 1 gave %d", len(got))
	}

	for _, tc := range []struct {
		code string
		want model.ID
	}{{"1C-001", r.ID}, {" 1c-001 ", r.ID}, {"cb:" + strconv.FormatUint(uint64(e.ID), 10), e.ID}, {"cb:" + strconv.FormatUint(uint64(r.ID), 10), 0 /* it has a code of its own */}, {"cb:999", 0}, {"nope", 0}, {"", 0}} {
		c, err := s.ClientByCode(tc.code)
		if err != nil {
			t.Fatal(err)
		}
		var got model.ID
		if c != nil {
			got = c.ID
		}
		if got != tc.want {
			t.Errorf("ClientByCode(%q) = %d, want %d", tc.code, got, tc.want)
		}
	}
}

func TestExchangeViewsNeedTheExportRight(t *testing.T) {
	_, s := openDirector(t)
	op := addUser(t, s, "olga", model.RoleOperator)
	ctx := context.Background()
	checks := map[string]error{
		"complaints":   op.EachComplaint(ctx, time.Time{}, time.Time{}, func(*ComplaintExport) error { return nil }),
		"plan":         op.EachPlanItem(ctx, "", time.Time{}, time.Time{}, func(*PlanExport) error { return nil }),
		"interactions": op.EachInteraction(ctx, "", time.Time{}, time.Time{}, func(*InteractionExport) error { return nil }),
		"contacts":     op.EachContactClient(ctx, func(*model.Client) error { return nil }),
	}
	for what, err := range checks {
		if !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s: an operator's bulk export: %v", what, err)
		}
	}
	if _, err := op.PlanOf("olga", time.Time{}, time.Time{}); err != nil {
		t.Errorf("one's own plan: %v", err)
	}
	if _, err := op.PlanOf("boss", time.Time{}, time.Time{}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("another's plan: %v", err)
	}
}
