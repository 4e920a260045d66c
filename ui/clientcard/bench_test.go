package clientcard

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/styles"
)

// View runs after every message; these measure one frame of the card and of
// the client form at 80×20 (no store: the record is already loaded).
func benchModel() Model {
	m := newModel(Deps{Me: model.User{Name: "boss", Role: model.RoleDirector}, Styles: styles.New(true), Loc: time.UTC})
	m.client = romashka("ivan")
	m.client.ID = 1
	m.clientLoc = time.UTC
	m.mode = modeCard
	m.SetSize(80, 20)
	return m
}

func BenchmarkCardView(b *testing.B) {
	m := benchModel()
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

func BenchmarkFormView(b *testing.B) {
	m := benchModel()
	m.openForm()
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkFormKeystroke is one typed letter: Update plus the frame it causes.
func BenchmarkFormKeystroke(b *testing.B) {
	m := benchModel()
	m.openForm()
	key := tea.KeyPressMsg{Code: 'a', Text: "a"}
	b.ReportAllocs()
	for b.Loop() {
		m, _ = m.Update(key)
		_ = m.View()
	}
}
