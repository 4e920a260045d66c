package schedule

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// picker chooses whose week to show: the operators' pool and the
// department's people, narrowed by what is typed (any part of the login or
// the full name).
type picker struct {
	keys   keymap.PersonPicker
	people []model.User
	query  string
	shown  []model.User
	cursor int
	chosen string // "" is the operators' pool
	picked bool   // closed with a choice (not esc)
	done   bool
}

func newPicker(people []model.User, current string) *picker {
	pool := model.User{FullName: model.T("schedule.pool")}
	p := &picker{keys: keymap.NewPersonPicker(), people: append([]model.User{pool}, people...)}
	p.filter()
	for i, u := range p.shown {
		if u.Name == current {
			p.cursor = i
		}
	}
	return p
}

func (p *picker) filter() {
	q := string(model.FoldSearch(nil, strings.TrimSpace(p.query)))
	p.shown = p.shown[:0]
	for _, u := range p.people {
		if q == "" || strings.Contains(string(model.FoldSearch(nil, u.Name+" "+u.FullName)), q) {
			p.shown = append(p.shown, u)
		}
	}
	p.cursor = min(p.cursor, max(0, len(p.shown)-1))
}

func (p *picker) update(k tea.KeyPressMsg) {
	switch {
	case key.Matches(k, p.keys.Back):
		p.done = true
	case key.Matches(k, p.keys.Pick):
		if len(p.shown) > 0 {
			p.chosen, p.picked, p.done = p.shown[p.cursor].Name, true, true
		}
	case key.Matches(k, p.keys.Up):
		p.cursor = max(0, p.cursor-1)
	case key.Matches(k, p.keys.Down):
		p.cursor = min(max(0, len(p.shown)-1), p.cursor+1)
	case k.Code == tea.KeyBackspace:
		if r := []rune(p.query); len(r) > 0 {
			p.query = string(r[:len(r)-1])
			p.filter()
		}
	case k.Text != "":
		p.query += k.Text
		p.cursor = 0
		p.filter()
	}
}

// view is the picker in a w×h box: a prompt line, then the people.
func (p *picker) view(s styles.Styles, w, h int) string {
	lines := []string{
		s.Title.Render(textfit.Fit(model.T("schedule.pick_person"), w)),
		s.FilterBar.Render(textfit.Fit(model.T("schedule.pick_filter", p.query), w)),
	}
	rows := max(1, h-len(lines))
	top := max(0, p.cursor-rows+1)
	for i := top; i < len(p.shown) && i < top+rows; i++ {
		u := p.shown[i]
		text := textfit.Fit(model.T("schedule.pick_row", plain(u.FullName), plain(u.Name), model.T("schedule.role."+string(u.Role))), w-2)
		if u.Name == "" {
			text = textfit.Fit(u.FullName, w-2)
		}
		if i == p.cursor {
			lines = append(lines, s.RowCursor.Render("› "+text))
		} else {
			lines = append(lines, s.Row.Render("  "+text))
		}
	}
	if len(p.shown) == 0 {
		lines = append(lines, s.Subtle.Render(textfit.Fit("  "+model.T("schedule.pick_none"), w)))
	}
	return pad(lines, w, h)
}
