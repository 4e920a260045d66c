package schedule

import (
	"sort"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Every store call runs in a command built from values only: nothing of a
// pane is read off the UI goroutine. Results carry their load's gen.

// itemsMsg is one person's items in [from, to): a week, or a grid cell.
type itemsMsg struct {
	gen  uint64
	rows []model.PlanRow
	err  error
}

func loadItems(st common.CallStore, gen uint64, user string, from, to time.Time) tea.Cmd {
	return func() tea.Msg {
		rows, err := st.PlanItems(user, from, to)
		return itemsMsg{gen: gen, rows: rows, err: err}
	}
}

// usersMsg is the department's people (names for titles, rows of the grid, the picker).
type usersMsg struct {
	gen   uint64
	users []model.User
	err   error
}

func loadUsers(st common.ClientStore, gen uint64) tea.Cmd {
	return func() tea.Msg {
		users, err := st.Users()
		return usersMsg{gen: gen, users: users, err: err}
	}
}

// roleOrder puts operators and managers first, heads after them; directors
// and anyone else come last.
func roleOrder(r model.Role) int {
	switch r {
	case model.RoleOperator:
		return 0
	case model.RoleManager:
		return 1
	case model.RoleHead:
		return 2
	}
	return 3
}

// planPeople are the grid's rows: live operators, managers and heads, in that
// order, by login name within a role; then the operators' pool (user ""),
// whose calls a supervisor hands out from its cells.
func planPeople(users []model.User) []model.User {
	var out []model.User
	for _, u := range users {
		if u.Archived || roleOrder(u.Role) > 2 {
			continue
		}
		out = append(out, u)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := roleOrder(out[i].Role), roleOrder(out[j].Role); a != b {
			return a < b
		}
		return out[i].Name < out[j].Name
	})
	return append(out, model.User{Role: model.RoleOperator})
}

// gridMsg is the counts of users[off:off+len] for the shown days.
type gridMsg struct {
	gen  uint64
	off  int
	grid model.PlanGrid
	err  error
}

func loadGrid(st common.CallStore, gen uint64, off int, users []string, days []time.Time) tea.Cmd {
	return func() tea.Msg {
		g, err := st.Grid(users, days)
		return gridMsg{gen: gen, off: off, grid: g, err: err}
	}
}

// adherenceMsg is planned vs done of the visible people for a day, a week and a month.
type adherenceMsg struct {
	gen              uint64
	off              int
	day, week, month []model.Adherence
	err              error
}

func loadAdherence(st common.CallStore, gen uint64, off int, users []string, day, week, month [2]time.Time) tea.Cmd {
	return func() tea.Msg {
		m := adherenceMsg{gen: gen, off: off}
		if m.day, m.err = st.Adherence(users, day[0], day[1]); m.err != nil {
			return m
		}
		if m.week, m.err = st.Adherence(users, week[0], week[1]); m.err != nil {
			return m
		}
		m.month, m.err = st.Adherence(users, month[0], month[1])
		return m
	}
}
