// Package users is the director's users pane: the department's users and
// the SSH keys each signs in to the team server with. The root opens it with
// U from any screen outside text fields (model.ActUserManage only) and drops
// it once Closed.
package users

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/confirm"
	"clientbase/ui/components/table"
	"clientbase/ui/styles"
)

type mode int

const (
	modeUsers mode = iota // the list of users
	modeKeys              // one user's keys
)

// Model is the open pane.
type Model struct {
	env  common.Env
	keys keymap.Users

	width, height int

	users   []model.User
	loaded  bool
	loadErr string
	cursor  int // in users

	mode    mode
	user    string // the login whose keys are shown
	kcursor int

	adding   bool
	input    textinput.Model
	inputErr string

	asking *confirm.Model
	target model.UserKey // the key the question is about

	closed bool
}

// usersMsg is the answer of a load.
type usersMsg struct {
	users []model.User
	err   error
}

// addedMsg is the answer of AddUserKey.
type addedMsg struct {
	user string
	key  model.UserKey
	err  error
}

// removedMsg is the answer of RemoveUserKey.
type removedMsg struct {
	user string
	key  model.UserKey
	err  error
}

// New builds the pane for env's user.
func New(env common.Env) *Model {
	m := &Model{env: env, keys: keymap.NewUsers()}
	m.input = textinput.New()
	m.input.Prompt = "> "
	m.input.Placeholder = model.T("users.add_place")
	m.input.CharLimit = 16 << 10
	m.input.SetStyles(env.Styles.Input())
	return m
}

// Init loads the users.
func (m *Model) Init() tea.Cmd { return m.load() }

func (m *Model) load() tea.Cmd {
	st := m.env.Store
	return func() tea.Msg {
		us, err := st.Users()
		return usersMsg{users: us, err: err}
	}
}

// Closed reports that esc closed the pane.
func (m *Model) Closed() bool { return m.closed }

// InputFocused reports that the key input (or the question) has the keys.
func (m *Model) InputFocused() bool { return m.adding || m.asking != nil }

// SetSize gives the pane its space.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.SetWidth(max(1, w-4))
}

// SetStyles hands over new styles.
func (m *Model) SetStyles(s styles.Styles) {
	m.env.Styles = s
	m.input.SetStyles(s.Input())
}

func (m *Model) current() (model.User, bool) {
	for _, u := range m.users {
		if u.Name == m.user {
			return u, true
		}
	}
	return model.User{}, false
}

func status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return common.StatusMsg{Text: text, Err: isErr} }
}

// Update handles keys, pastes and the store's answers.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case usersMsg:
		m.loaded = true
		if msg.err != nil {
			m.loadErr = common.ErrorSentence(msg.err, "users")
			return nil
		}
		m.users, m.loadErr = msg.users, ""
		m.cursor = min(m.cursor, max(0, len(m.users)-1))
		if u, ok := m.current(); ok {
			m.kcursor = min(m.kcursor, max(0, len(u.Keys)-1))
		}
		return nil
	case common.DataChangedMsg:
		// Another session's change (the team server's feed) or a missed batch.
		if msg.Kind == "user" || msg.Kind == "*" {
			return m.load()
		}
		return nil
	case addedMsg:
		if msg.err != nil {
			var ve *model.ValidationError
			if errors.As(msg.err, &ve) {
				m.inputErr = common.FieldSentences(ve.Fields)
			} else {
				m.inputErr = common.ErrorSentence(msg.err, "users")
			}
			return nil
		}
		m.adding, m.inputErr = false, ""
		m.input.Reset()
		m.input.Blur()
		return tea.Batch(m.load(), status(model.T("users.added", msg.key.Fingerprint, msg.user), false),
			func() tea.Msg { return common.DataChangedMsg{Kind: "user"} })
	case removedMsg:
		if msg.err != nil {
			return status(common.ErrorSentence(msg.err, "users"), true)
		}
		return tea.Batch(m.load(), status(model.T("users.removed", msg.key.Fingerprint, msg.user), false),
			func() tea.Msg { return common.DataChangedMsg{Kind: "user"} })
	case tea.PasteMsg:
		if m.adding {
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			m.inputErr = ""
			return cmd
		}
		return nil
	case tea.KeyPressMsg:
		return m.onKey(msg)
	}
	if m.adding {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return cmd
	}
	return nil
}

func (m *Model) onKey(k tea.KeyPressMsg) tea.Cmd {
	if m.asking != nil {
		a := m.asking.Update(k)
		if !a.Answered {
			m.asking = &a
			return nil
		}
		m.asking = nil
		if !a.Yes {
			return nil
		}
		st, name, target := m.env.Store, m.user, m.target
		return func() tea.Msg {
			return removedMsg{user: name, key: target, err: st.RemoveUserKey(name, target.Fingerprint)}
		}
	}
	if m.adding {
		switch {
		case key.Matches(k, m.keys.Cancel):
			m.adding, m.inputErr = false, ""
			m.input.Reset()
			m.input.Blur()
			return nil
		case key.Matches(k, m.keys.Save):
			line := strings.TrimSpace(m.input.Value())
			st, name := m.env.Store, m.user
			return func() tea.Msg {
				uk, err := st.AddUserKey(name, line)
				return addedMsg{user: name, key: uk, err: err}
			}
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(k)
		m.inputErr = ""
		return cmd
	}
	if m.mode == modeUsers {
		switch {
		case key.Matches(k, m.keys.Back):
			m.closed = true
		case key.Matches(k, m.keys.Keys):
			if m.cursor < len(m.users) {
				m.mode, m.user, m.kcursor = modeKeys, m.users[m.cursor].Name, 0
			}
		default:
			m.cursor = table.MoveCursor(k, table.Nav(m.keys.Nav), m.cursor, len(m.users), m.listRoom())
		}
		return nil
	}
	u, _ := m.current()
	switch {
	case key.Matches(k, m.keys.Back):
		m.mode = modeUsers
	case key.Matches(k, m.keys.Add):
		m.adding, m.inputErr = true, ""
		return m.input.Focus()
	case key.Matches(k, m.keys.Remove):
		if m.kcursor < len(u.Keys) {
			m.target = u.Keys[m.kcursor]
			q := confirm.New(model.T("users.confirm_remove", m.target.Fingerprint, keyLabel(m.target), u.Name))
			m.asking = &q
		}
	default:
		m.kcursor = table.MoveCursor(k, table.Nav(m.keys.Nav), m.kcursor, len(u.Keys), m.listRoom())
	}
	return nil
}

func keyLabel(k model.UserKey) string {
	if k.Comment != "" {
		return k.Type + " " + k.Comment
	}
	return k.Type
}

// listRoom is how many rows the table shows.
func (m *Model) listRoom() int { return max(1, m.height-6) }

// ShortHelp is the footer for the pane's state.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.asking != nil:
		return m.asking.ShortHelp()
	case m.adding:
		return []key.Binding{m.keys.Save, m.keys.Cancel}
	case m.mode == modeKeys:
		return []key.Binding{m.keys.Add, m.keys.Remove, m.keys.Back}
	}
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Keys, m.keys.Back}
}

// FullHelp is the pane's part of the ? overlay.
func (m *Model) FullHelp() [][]key.Binding {
	switch {
	case m.asking != nil:
		return m.asking.FullHelp()
	case m.adding:
		return [][]key.Binding{{m.keys.Save, m.keys.Cancel}}
	case m.mode == modeKeys:
		return append(m.keys.Nav.FullHelp(), []key.Binding{m.keys.Add, m.keys.Remove, m.keys.Back})
	}
	return append(m.keys.Nav.FullHelp(), []key.Binding{m.keys.Keys, m.keys.Back})
}

// View renders exactly width×height.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	s := m.env.Styles
	if m.asking != nil {
		return fit(m.asking.View(s, m.width, m.height), m.width, m.height)
	}
	var lines []string
	switch {
	case !m.loaded:
		lines = []string{s.Title.Render(model.T("users.title")), "", s.Subtle.Render(model.T("users.loading"))}
	case m.loadErr != "":
		lines = []string{s.Title.Render(model.T("users.title")), "", s.FieldError.Render(m.loadErr)}
	case m.mode == modeUsers:
		lines = m.usersView()
	default:
		lines = m.keysView()
	}
	return fit(strings.Join(lines, "\n"), m.width, m.height)
}

// window is the first row shown so that cur stays visible.
func window(cur, room int) int { return max(0, cur-room+1) }

func (m *Model) usersView() []string {
	s := m.env.Styles
	out := []string{s.Title.Render(model.T("users.title")), ""}
	if len(m.users) == 0 {
		return append(out, s.Subtle.Render(model.T("users.no_users")))
	}
	nameW, fullW, roleW := 14, 28, 12
	row := func(name, full, role, keys, arch string) string {
		return fmt.Sprintf(" %s %s %s %5s  %s", pad(name, nameW), pad(full, fullW), pad(role, roleW), keys, arch)
	}
	out = append(out, s.Header.Render(row(model.T("users.col.name"), model.T("users.col.full_name"),
		model.T("users.col.role"), model.T("users.col.keys"), model.T("users.col.archived"))))
	room := m.listRoom()
	top := window(m.cursor, room)
	for i := top; i < len(m.users) && i < top+room; i++ {
		u := m.users[i]
		arch := ""
		if u.Archived {
			arch = model.T("users.archived")
		}
		r := row(u.Name, u.FullName, model.T("ui.role."+string(u.Role)), fmt.Sprint(len(u.Keys)), arch)
		switch {
		case i == m.cursor:
			r = s.RowCursor.Render(pad(r, m.width))
		case u.Archived:
			r = s.RowArchive.Render(r)
		default:
			r = s.Row.Render(r)
		}
		out = append(out, r)
	}
	return out
}

func (m *Model) keysView() []string {
	s := m.env.Styles
	u, _ := m.current()
	out := []string{s.Title.Render(model.T("users.keys_title", u.Name, u.FullName)), ""}
	room := m.listRoom()
	if m.adding {
		room = max(1, room-4)
	}
	if len(u.Keys) == 0 {
		out = append(out, s.Subtle.Render(model.T("users.no_keys")))
	} else {
		// SHA256: and 43 characters; long types (ecdsa-sha2-nistp256) are cut,
		// the comment takes the rest of the line.
		row := func(tp, fp, comment, added string) string {
			return fmt.Sprintf(" %s %s %s %s", pad(tp, 12), pad(fp, 50), pad(added, 10), comment)
		}
		out = append(out, s.Header.Render(row(model.T("users.col.type"), model.T("users.col.fingerprint"),
			model.T("users.col.comment"), model.T("users.col.added"))))
		top := window(m.kcursor, room)
		for i := top; i < len(u.Keys) && i < top+room; i++ {
			k := u.Keys[i]
			added := ""
			if !k.Added.IsZero() {
				added = k.Added.In(m.env.Zone()).Format("2006-01-02")
			}
			r := row(k.Type, k.Fingerprint, k.Comment, added)
			if i == m.kcursor && !m.adding {
				r = s.RowCursor.Render(pad(r, m.width))
			} else {
				r = s.Row.Render(r)
			}
			out = append(out, r)
		}
	}
	if m.adding {
		out = append(out, "", s.Label.Render(model.T("users.add_prompt")), m.input.View())
		if m.inputErr != "" {
			out = append(out, s.FieldError.Width(max(1, m.width-1)).Render(m.inputErr))
		}
	}
	return out
}

// pad cuts or fills s to exactly w cells.
func pad(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// fit makes body exactly w×h.
func fit(body string, w, h int) string {
	lines := strings.Split(body, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = pad(l, w)
	}
	return strings.Join(lines, "\n")
}
