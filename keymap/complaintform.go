package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// ComplaintForm is the key group of the complaint intake and closing forms.
// The fields' own keys (tab, ←/→, space, ctrl+s, esc) are Form's.
type ComplaintForm struct {
	Prev, Next key.Binding // the client lookup's matches: arrows only, letters are typed
	Pick       key.Binding
	Mark       key.Binding // a complained line: space puts the ordered quantity in or takes it out
	Save       key.Binding
	SaveAnyway key.Binding // the second ctrl+s over the "still open" warning
	Back       key.Binding
	Yes, No    key.Binding
}

// NewComplaintForm builds the complaint form keys.
func NewComplaintForm() ComplaintForm {
	return ComplaintForm{
		Prev:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", model.T("key.up"))),
		Next:       key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", model.T("key.down"))),
		Pick:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("complaintform.key.pick"))),
		Mark:       key.NewBinding(key.WithKeys("space"), key.WithHelp("space", model.T("complaintform.key.mark"))),
		Save:       key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T("key.save"))),
		SaveAnyway: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T("complaintform.key.save_anyway"))),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
		Yes:        key.NewBinding(key.WithKeys("y"), key.WithHelp("y", model.T("key.yes"))),
		No:         key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", model.T("key.no"))),
	}
}

// LookupHelp is the footer while the client matches have the arrows.
func (k ComplaintForm) LookupHelp() []key.Binding {
	return []key.Binding{k.Prev, k.Next, k.Pick, k.Save, k.Back}
}

// WarningHelp is the footer over the "still open" warning.
func (k ComplaintForm) WarningHelp() []key.Binding { return []key.Binding{k.SaveAnyway, k.Back} }

// DiscardHelp is the footer of the "discard what you typed?" question.
func (k ComplaintForm) DiscardHelp() []key.Binding { return []key.Binding{k.Yes, k.No} }

// ShortHelp is the footer of the line being marked.
func (k ComplaintForm) ShortHelp() []key.Binding { return []key.Binding{k.Mark, k.Save, k.Back} }

// FullHelp is the ? overlay's complaint column.
func (k ComplaintForm) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Prev, k.Next, k.Pick, k.Mark}, {k.Save, k.Back}}
}

// ComplaintSettings is the key group of the head's complaint settings
// editor. The row editor is a form and uses Form's keys.
type ComplaintSettings struct {
	Up, Down    key.Binding
	Top, Bottom key.Binding
	Edit        key.Binding
	Add         key.Binding
	Delete      key.Binding
	Save        key.Binding
	Back        key.Binding
}

// NewComplaintSettings builds the complaint settings editor keys.
func NewComplaintSettings() ComplaintSettings {
	return ComplaintSettings{
		Up:     key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", model.T("key.up"))),
		Down:   key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", model.T("key.down"))),
		Top:    key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", model.T("key.top"))),
		Bottom: key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", model.T("key.bottom"))),
		Edit:   key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter/e", model.T("key.edit"))),
		Add:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", model.T("complaintform.key.add_level"))),
		Delete: key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", model.T("complaintform.key.delete_level"))),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T("key.save"))),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
	}
}

// ShortHelp is the footer of the settings list.
func (k ComplaintSettings) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Edit, k.Add, k.Delete, k.Save, k.Back}
}

// FullHelp is the ? overlay of the settings list.
func (k ComplaintSettings) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Edit, k.Add, k.Delete}, {k.Save, k.Back}}
}

// ReadOnlyHelp is the footer for who may only look.
func (k ComplaintSettings) ReadOnlyHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Back} }
