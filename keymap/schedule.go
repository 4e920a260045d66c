package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// Week are the keys of one person's week of calls and visits.
type Week struct {
	Nav
	PrevWeek, NextWeek, Today key.Binding
	New, Reschedule, Cancel   key.Binding
	Reassign, Take, Open      key.Binding
	Person                    key.Binding
}

// NewWeek builds the week view's keys.
func NewWeek() Week {
	return Week{
		Nav:        NewNav(),
		PrevWeek:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", model.T("schedule.key.prev_week"))),
		NextWeek:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", model.T("schedule.key.next_week"))),
		Today:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", model.T("schedule.key.today"))),
		New:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", model.T("schedule.key.plan"))),
		Reschedule: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", model.T("schedule.key.reschedule"))),
		Cancel:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", model.T("schedule.key.cancel"))),
		Reassign:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", model.T("schedule.key.reassign"))),
		Take:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("schedule.key.take"))),
		Open:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", model.T("schedule.key.client"))),
		Person:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", model.T("schedule.key.person"))),
	}
}

// ShortHelp is the week's footer: moving between weeks and the changes.
func (k Week) ShortHelp() []key.Binding {
	return []key.Binding{k.Take, k.New, k.Reschedule, k.Cancel, k.PrevWeek, k.NextWeek, k.Today}
}

// FullHelp is the week's columns of the ? overlay.
func (k Week) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.PrevWeek, k.NextWeek, k.Today, k.Person},
		{k.New, k.Reschedule, k.Cancel, k.Reassign, k.Take, k.Open},
	}
}

// Team are the keys of the supervisor's person × day grid.
type Team struct {
	Up, Down, Left, Right     key.Binding
	PageUp, PageDown          key.Binding
	Top, Bottom               key.Binding
	PrevWeek, NextWeek, Today key.Binding
	Open, Adherence, New      key.Binding
}

// NewTeam builds the grid's keys.
func NewTeam() Team {
	return Team{
		Up:        key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", model.T("key.up"))),
		Down:      key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", model.T("key.down"))),
		Left:      key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("←/h", model.T("schedule.key.prev_day"))),
		Right:     key.NewBinding(key.WithKeys("l", "right"), key.WithHelp("→/l", model.T("schedule.key.next_day"))),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup/ctrl+u", model.T("key.page_up"))),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn/ctrl+d", model.T("key.page_down"))),
		Top:       key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", model.T("key.first"))),
		Bottom:    key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", model.T("key.last"))),
		PrevWeek:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", model.T("schedule.key.prev_week"))),
		NextWeek:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", model.T("schedule.key.next_week"))),
		Today:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", model.T("schedule.key.today"))),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("schedule.key.open_cell"))),
		Adherence: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", model.T("schedule.key.adherence"))),
		New:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", model.T("schedule.key.plan_for"))),
	}
}

// ShortHelp is the grid's footer.
func (k Team) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Adherence, k.New, k.Left, k.Right, k.PrevWeek, k.NextWeek, k.Today}
}

// FullHelp is the grid's columns of the ? overlay.
func (k Team) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.PrevWeek, k.NextWeek, k.Today, k.Open, k.Adherence, k.New},
	}
}

// TeamCell are the keys of one grid cell's item list (a person's day).
type TeamCell struct {
	Nav
	Mark, Reassign, Open, Back key.Binding
	New, Reschedule, Cancel    key.Binding
}

// NewTeamCell builds the cell list's keys.
func NewTeamCell() TeamCell {
	return TeamCell{
		Nav:        NewNav(),
		Mark:       key.NewBinding(key.WithKeys("space"), key.WithHelp("space", model.T("schedule.key.mark"))),
		Reassign:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", model.T("schedule.key.reassign_marked"))),
		Open:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", model.T("schedule.key.client"))),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("schedule.key.to_grid"))),
		New:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", model.T("schedule.key.plan_for"))),
		Reschedule: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", model.T("schedule.key.reschedule"))),
		Cancel:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", model.T("schedule.key.cancel"))),
	}
}

// ShortHelp is the cell list's footer.
func (k TeamCell) ShortHelp() []key.Binding {
	return []key.Binding{k.Mark, k.Reassign, k.Reschedule, k.Cancel, k.Open, k.Back}
}

// FullHelp is the cell list's columns of the ? overlay.
func (k TeamCell) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Mark, k.Reassign, k.New, k.Reschedule, k.Cancel, k.Open, k.Back}}
}

// PersonPicker are the keys of the list that picks whose week to show.
type PersonPicker struct {
	Up, Down, Pick, Back key.Binding
}

// NewPersonPicker builds the picker's keys; typed letters narrow the list.
func NewPersonPicker() PersonPicker {
	return PersonPicker{
		Up:   key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", model.T("key.up"))),
		Down: key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", model.T("key.down"))),
		Pick: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("key.choose"))),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
	}
}

// ShortHelp is the picker's footer.
func (k PersonPicker) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Pick, k.Back} }

// FullHelp is the picker's column of the ? overlay.
func (k PersonPicker) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
