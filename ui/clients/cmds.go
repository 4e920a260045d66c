package clients

import (
	"context"
	"errors"
	"sort"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// pageMsg is one window of the list as asked for by query gen.
type pageMsg struct {
	gen       uint64
	off, want int
	page      model.ClientPage
	err       error
}

// managersMsg lists the user names the "m" filter cycles through.
type managersMsg struct {
	names []string
	err   error
}

// fetchPage reads rows [off, off+limit) of the list; it takes values only, so
// nothing of the model is touched off the UI goroutine.
func fetchPage(ctx context.Context, st common.ClientStore, f model.ClientFilter, gen uint64, off, limit int) tea.Cmd {
	return func() tea.Msg {
		p, err := st.List(ctx, f, off, limit)
		if errors.Is(err, context.Canceled) {
			return nil // a newer keystroke took over
		}
		return pageMsg{gen: gen, off: off, want: limit, page: p, err: err}
	}
}

// loadManagers lists the people who can be a client's responsible manager.
func loadManagers(st common.ClientStore) tea.Cmd {
	return func() tea.Msg {
		users, err := st.Users()
		if err != nil {
			return managersMsg{err: err}
		}
		var names []string
		for _, u := range users {
			if u.Archived || (u.Role != model.RoleManager && u.Role != model.RoleHead) {
				continue
			}
			names = append(names, u.Name)
		}
		sort.Strings(names)
		return managersMsg{names: names}
	}
}
