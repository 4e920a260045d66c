// Package form is a generic keyboard form: a list of labelled fields (text,
// choice, toggle, multi-line notes), each with an error sentence under it.
// It knows nothing about clients or the store; its owner maps values in and
// out, validates, and decides what ctrl+s (keymap.Form.Submit) does.
package form

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/keymap"
	"clientbase/ui/styles"
)

// Kind is what sort of input a field is.
type Kind int

const (
	KindText   Kind = iota // one line, bubbles textinput
	KindChoice             // one of a few options, cycled with ←/→ or space
	KindToggle             // yes / no
	KindNotes              // several lines, bubbles textarea
)

// Option is one value of a choice field and the text shown for it.
type Option struct {
	Value string
	Label string
}

// Field describes one field of a form. Build it with Text, Choice, Toggle or
// Notes, then adjust ReadOnly / Hidden.
type Field struct {
	Key      string
	Label    string
	Kind     Kind
	ReadOnly bool // shown, never focused
	Hidden   bool // not shown, not focused, value kept

	initial string
	value   string // choice and toggle value ("true"/"false" for toggles)
	options []Option
	err     string
	input   textinput.Model
	area    textarea.Model
}

// Text is a one-line text field.
func Text(key, label, value string) Field {
	return Field{Key: key, Label: label, Kind: KindText, initial: value, value: value}
}

// Choice is a field holding one of options; a value not among them is added
// so a record is never silently changed by opening it in a form.
func Choice(key, label string, options []Option, value string) Field {
	return Field{Key: key, Label: label, Kind: KindChoice, initial: value, value: value, options: withValue(options, value)}
}

// Toggle is a yes/no field.
func Toggle(key, label string, on bool) Field {
	v := boolText(on)
	return Field{Key: key, Label: label, Kind: KindToggle, initial: v, value: v}
}

// Notes is a multi-line text field.
func Notes(key, label, value string) Field {
	return Field{Key: key, Label: label, Kind: KindNotes, initial: value, value: value}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// NotesHeight is how many lines a notes field takes.
const NotesHeight = 4

// labelWidth is the column the inputs start at (label, then two spaces).
const labelWidth = 22

// Model is a form: its fields, which one has the keys, and a scroll offset
// (in lines) when the form is taller than its space.
type Model struct {
	fields   []Field
	focus    int // index into fields; -1 when nothing can be focused
	width    int
	height   int
	offset   int
	styles   styles.Styles
	keys     keymap.Form
	yes, no  string // toggle texts, from the owner's catalogue
	notFocus bool
}

// New builds a form over fields; yes/no are the toggle texts (through the
// message catalogue of the owner). The first editable field has the focus.
func New(st styles.Styles, yes, no string, fields ...Field) Model {
	m := Model{fields: make([]Field, len(fields)), styles: st, keys: keymap.NewForm(), yes: yes, no: no, focus: -1, width: 80, height: 20}
	for i, f := range fields {
		switch f.Kind {
		case KindText:
			in := textinput.New()
			in.Prompt = ""
			in.SetStyles(inputStyles(st))
			in.SetValue(f.value)
			in.CursorStart()
			f.input = in
		case KindNotes:
			ta := textarea.New()
			ta.ShowLineNumbers = false
			ta.Prompt = "│ "
			ts := textarea.DefaultStyles(st.IsDark)
			ts.Cursor.Blink = false
			ts.Cursor.Color = st.Accent
			ta.SetStyles(ts)
			ta.SetHeight(NotesHeight)
			ta.SetValue(f.value)
			ta.MoveToBegin()
			f.area = ta
		}
		m.fields[i] = f
	}
	m.focus = m.nextFocusable(-1, 1)
	m.applyFocus()
	m.SetSize(m.width, m.height)
	return m
}

func inputStyles(st styles.Styles) textinput.Styles {
	s := textinput.DefaultStyles(st.IsDark)
	s.Focused.Text = st.Value
	s.Blurred.Text = st.Value
	// A steady cursor: no blink ticks to schedule, and views stay the same between frames.
	s.Cursor.Blink = false
	s.Cursor.Color = st.Accent
	return s
}

// Keys returns the form's key group (for help and for the owner's ctrl+s).
func (m Model) Keys() keymap.Form { return m.keys }

// SetSize gives the form its space; inputs take the width after the labels.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	iw := max(w-labelWidth-1, 8)
	for i := range m.fields {
		switch m.fields[i].Kind {
		case KindText:
			m.fields[i].input.SetWidth(iw)
		case KindNotes:
			m.fields[i].area.SetWidth(iw)
		}
	}
	m.keepFocusVisible()
}

func (m Model) index(key string) int {
	for i := range m.fields {
		if m.fields[i].Key == key {
			return i
		}
	}
	return -1
}

// Value is the current text of a field (choice: the option value; toggle:
// "true"/"false"). An unknown key gives "".
func (m Model) Value(key string) string {
	i := m.index(key)
	if i < 0 {
		return ""
	}
	return m.fields[i].current()
}

// Bool is the state of a toggle field.
func (m Model) Bool(key string) bool { return m.Value(key) == "true" }

func (f Field) current() string {
	switch f.Kind {
	case KindText:
		return f.input.Value()
	case KindNotes:
		return f.area.Value()
	default:
		return f.value
	}
}

// Initial is the value a field was built with.
func (m Model) Initial(key string) string {
	if i := m.index(key); i >= 0 {
		return m.fields[i].initial
	}
	return ""
}

// SetValue replaces a field's value (not its initial value).
func (m *Model) SetValue(key, v string) {
	i := m.index(key)
	if i < 0 {
		return
	}
	f := &m.fields[i]
	switch f.Kind {
	case KindText:
		f.input.SetValue(v)
	case KindNotes:
		f.area.SetValue(v)
	default:
		f.value = v
	}
}

// SetOptions replaces the options of a choice field (e.g. when the list of
// managers arrives); the current value stays, added if it is not among them.
func (m *Model) SetOptions(key string, opts []Option) {
	i := m.index(key)
	if i < 0 || m.fields[i].Kind != KindChoice {
		return
	}
	f := &m.fields[i]
	f.options = withValue(opts, f.value)
	f.options = withValue(f.options, f.initial)
}

func withValue(opts []Option, v string) []Option {
	for _, o := range opts {
		if o.Value == v {
			return opts
		}
	}
	return append(append([]Option(nil), opts...), Option{Value: v, Label: v})
}

// Dirty reports whether any field differs from the value it was built with.
func (m Model) Dirty() bool {
	for _, f := range m.fields {
		if f.current() != f.initial {
			return true
		}
	}
	return false
}

// SetErrors puts a sentence under each named field and clears the others.
// Keys that name no field are returned so the owner can show them elsewhere.
func (m *Model) SetErrors(errs map[string]string) (unplaced map[string]string) {
	for i := range m.fields {
		m.fields[i].err = errs[m.fields[i].Key]
	}
	for k, v := range errs {
		if i := m.index(k); i < 0 || m.fields[i].Hidden {
			if unplaced == nil {
				unplaced = map[string]string{}
			}
			unplaced[k] = v
		}
	}
	if i := m.firstError(); i >= 0 && !m.fields[i].ReadOnly {
		m.focus = i
		m.applyFocus()
	}
	m.keepFocusVisible()
	return unplaced
}

// Error is the sentence shown under a field ("" when none).
func (m Model) Error(key string) string {
	if i := m.index(key); i >= 0 {
		return m.fields[i].err
	}
	return ""
}

func (m Model) firstError() int {
	for i, f := range m.fields {
		if f.err != "" && !f.Hidden {
			return i
		}
	}
	return -1
}

// SetHidden shows or hides a field (e.g. the reason for a category change).
func (m *Model) SetHidden(key string, hidden bool) {
	if i := m.index(key); i >= 0 {
		m.fields[i].Hidden = hidden
		if hidden && m.focus == i {
			m.focus = m.nextFocusable(i, -1)
			m.applyFocus()
		}
	}
}

// Hidden reports whether a field is hidden (an unknown key counts as hidden).
func (m Model) Hidden(key string) bool {
	i := m.index(key)
	return i < 0 || m.fields[i].Hidden
}

// Focused is the key of the field that has the keys ("" when none).
func (m Model) Focused() string {
	if m.focus < 0 || m.focus >= len(m.fields) {
		return ""
	}
	return m.fields[m.focus].Key
}

// Focus moves the keys to the named field when it can take them.
func (m *Model) Focus(key string) tea.Cmd {
	i := m.index(key)
	if i < 0 || !m.focusable(i) {
		return nil
	}
	m.focus = i
	cmd := m.applyFocus()
	m.keepFocusVisible()
	return cmd
}

// Blur takes the keys from every field (the owner shows a dialog over the form).
func (m *Model) Blur() {
	m.notFocus = true
	m.applyFocus()
}

// Refocus gives the keys back after Blur.
func (m *Model) Refocus() tea.Cmd {
	m.notFocus = false
	return m.applyFocus()
}

// TextFocused reports whether a text or notes field has the keys, so the
// owner must not read letters as commands.
func (m Model) TextFocused() bool {
	if m.focus < 0 || m.focus >= len(m.fields) || m.notFocus {
		return false
	}
	k := m.fields[m.focus].Kind
	return k == KindText || k == KindNotes
}

func (m Model) focusable(i int) bool {
	f := m.fields[i]
	return !f.ReadOnly && !f.Hidden
}

// nextFocusable finds the next focusable field from i in direction dir,
// wrapping around; it returns the current focus when there is no other.
func (m Model) nextFocusable(i, dir int) int {
	n := len(m.fields)
	for step := 1; step <= n; step++ {
		j := ((i+dir*step)%n + n) % n
		if m.focusable(j) {
			return j
		}
	}
	if i >= 0 && i < n && m.focusable(i) {
		return i
	}
	return -1
}

func (m *Model) applyFocus() tea.Cmd {
	var cmd tea.Cmd
	for i := range m.fields {
		f := &m.fields[i]
		on := i == m.focus && !m.notFocus
		switch f.Kind {
		case KindText:
			// A long value shows its start when the field is left and its
			// end, where typing goes on, when the field is entered.
			if on {
				if !f.input.Focused() {
					f.input.CursorEnd()
				}
				cmd = f.input.Focus()
			} else {
				f.input.Blur()
				f.input.CursorStart()
			}
		case KindNotes:
			if on {
				cmd = f.area.Focus()
			} else {
				f.area.Blur()
			}
		}
	}
	return cmd
}

func (m *Model) move(dir int) tea.Cmd {
	if m.focus < 0 || m.focus >= len(m.fields) {
		return nil
	}
	m.focus = m.nextFocusable(m.focus, dir)
	cmd := m.applyFocus()
	m.keepFocusVisible()
	return cmd
}

// Update moves between fields and hands other keys to the focused field.
// ctrl+s and esc are left to the owner (it checks Keys().Submit / Back first).
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	kp, isKey := msg.(tea.KeyPressMsg)
	if m.focus < 0 || m.focus >= len(m.fields) || m.notFocus {
		return m, nil
	}
	f := &m.fields[m.focus]
	if isKey {
		switch {
		case key.Matches(kp, m.keys.Next):
			return m, m.move(1)
		case key.Matches(kp, m.keys.Prev):
			return m, m.move(-1)
		}
		switch f.Kind {
		case KindNotes:
			// Arrows move inside the notes until they reach its first or last line.
			if key.Matches(kp, m.keys.Up) && kp.String() == "up" && f.area.Line() == 0 {
				return m, m.move(-1)
			}
			if kp.String() == "down" && f.area.Line() >= f.area.LineCount()-1 {
				return m, m.move(1)
			}
		default:
			if key.Matches(kp, m.keys.Up) {
				return m, m.move(-1)
			}
			if key.Matches(kp, m.keys.Down) {
				return m, m.move(1)
			}
		}
		switch f.Kind {
		case KindChoice:
			switch {
			case key.Matches(kp, m.keys.Cycle):
				f.value = cycle(f.options, f.value, 1)
			case key.Matches(kp, m.keys.CycleBack):
				f.value = cycle(f.options, f.value, -1)
			}
			return m, nil
		case KindToggle:
			if key.Matches(kp, m.keys.Toggle) {
				f.value = boolText(f.value != "true")
			}
			return m, nil
		}
	}
	var cmd tea.Cmd
	switch f.Kind {
	case KindText:
		before := f.input.Value()
		f.input, cmd = f.input.Update(msg)
		if f.input.Value() != before {
			f.err = "" // the user is fixing it; the next save judges again
		}
	case KindNotes:
		before := f.area.Value()
		f.area, cmd = f.area.Update(msg)
		if f.area.Value() != before {
			f.err = ""
		}
	}
	return m, cmd
}

func cycle(opts []Option, v string, dir int) string {
	if len(opts) == 0 {
		return v
	}
	at := 0
	for i, o := range opts {
		if o.Value == v {
			at = i
			break
		}
	}
	return opts[((at+dir)%len(opts)+len(opts))%len(opts)].Value
}

// lines is how many lines a visible field takes, its error sentence included.
func (f Field) lines(width int) int {
	if f.Hidden {
		return 0
	}
	n := 1
	if f.Kind == KindNotes {
		n = NotesHeight
	}
	if f.longLabel() {
		n++
	}
	return n + len(errorLines(f.err, width))
}

// longLabel reports that a label does not fit its column and takes a line of its own.
func (f Field) longLabel() bool {
	return lipgloss.Width(f.Label) > labelWidth-3
}

// errorLines wraps an error sentence into the space right of the labels.
func errorLines(err string, width int) []string {
	if err == "" {
		return nil
	}
	return strings.Split(ansi.Wrap("✗ "+err, max(10, width-labelWidth), ""), "\n")
}

// keepFocusVisible scrolls so the focused field (and its error) is on screen.
func (m *Model) keepFocusVisible() {
	if m.focus < 0 || m.focus >= len(m.fields) || m.height <= 0 {
		return
	}
	top := 0
	for i := 0; i < m.focus; i++ {
		top += m.fields[i].lines(m.width)
	}
	bottom := top + m.fields[m.focus].lines(m.width)
	if top < m.offset {
		m.offset = top
	}
	if bottom > m.offset+m.height {
		m.offset = bottom - m.height
	}
	total := 0
	for _, f := range m.fields {
		total += f.lines(m.width)
	}
	m.offset = max(0, min(m.offset, total-m.height))
}
