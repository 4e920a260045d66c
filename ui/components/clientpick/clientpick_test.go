package clientpick

import (
	"context"
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/styles"
)

var texts = Texts{None: "none", Wait: "wait", Empty: "type"}

func enter() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeyEnter} }
func down() tea.KeyPressMsg  { return tea.KeyPressMsg{Code: tea.KeyDown} }

func newMatches(asked *[]string) *Matches {
	return New(texts, func(_ context.Context, _ uint64, text string) tea.Cmd {
		*asked = append(*asked, text)
		return func() tea.Msg { return nil }
	})
}

var acme = []model.Client{{ID: 1, ShortName: "Acme"}, {ID: 2, ShortName: "Acme North", City: "Riga"}}

// Enter before the answer takes the answer's first client; an older answer is dropped.
func TestTypingAhead(t *testing.T) {
	var asked []string
	m := newMatches(&asked)
	m.Ask("ac")
	m.Ask("acm")
	if len(asked) != 2 || asked[1] != "acm" {
		t.Fatalf("asked %q", asked)
	}
	if h, c := m.Key(enter(), "acm"); !h || c != nil || m.Err() != "wait" {
		t.Fatalf("enter before the answer: handled %v, chose %v, says %q", h, c, m.Err())
	}
	if c := m.Answer(1, acme[:1], nil, ""); c != nil {
		t.Fatalf("the answer for 'ac' chose %v", c)
	}
	if c := m.Answer(2, acme, nil, ""); c == nil || c.ID != 1 {
		t.Fatalf("the answer for 'acm' chose %v, want Acme", c)
	}
}

func TestMoveChooseAndSentences(t *testing.T) {
	var asked []string
	m := newMatches(&asked)
	if _, c := m.Key(enter(), ""); c != nil || m.Err() != "type" {
		t.Fatalf("enter on nothing: %v, %q", c, m.Err())
	}
	m.Ask("acme")
	m.Answer(1, acme, []string{"", "2 complaints"}, "")
	m.Key(down(), "acme")
	m.Key(down(), "acme") // stays on the last
	if _, c := m.Key(enter(), "acme"); c == nil || c.ID != 2 {
		t.Fatalf("chose %v, want Acme North", c)
	}
	rows := m.Rows(styles.New(true), 40)
	if len(rows) != 2 || rows[0] != "  Acme                                  " {
		t.Fatalf("rows %q", rows)
	}
	m.Ask("zzz")
	if m.Answer(2, nil, nil, ""); m.Err() != "none" {
		t.Errorf("no match says %q", m.Err())
	}
	m.Ask("err")
	if m.Answer(3, nil, nil, errors.New("disk").Error()); m.Err() != "disk" {
		t.Errorf("a failure says %q", m.Err())
	}
	if h, _ := m.Key(tea.KeyPressMsg{Code: 'a', Text: "a"}, "err"); h {
		t.Error("a letter is the input's, not the list's")
	}
}
