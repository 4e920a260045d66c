package complaints

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// askRows is how many options a question shows at once.
const askRows = 8

// option is one answer of a choice: what the user reads and what it means.
type option struct{ label, value string }

// ask is a small question under a screen: a choice from a list (a person,
// a department, yes or no), then, when asked for, a line of text (an
// answer, a reason, a note). While it is open it has the keys.
type ask struct {
	st       styles.Styles
	keys     keymap.Ask
	title    string
	options  []option
	cur      int
	chosen   bool // the choice is made (or there was none): the text has the keys
	withText bool
	required bool
	text     textinput.Model
	err      string
	width    int
}

func newInput(s styles.Styles, prompt string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.SetStyles(s.Input())
	return in
}

// newChoice asks to choose one of opts, then (withText) for a line of text.
func newChoice(s styles.Styles, title string, opts []option, withText, required bool) *ask {
	a := &ask{st: s, keys: keymap.NewAsk(), title: title, options: opts, withText: withText, required: required}
	a.text = newInput(s, "› ")
	if len(opts) == 0 {
		a.chosen = true
		a.text.Focus()
	}
	return a
}

// newText asks for a line of text only.
func newText(s styles.Styles, title string, required bool) *ask {
	return newChoice(s, title, nil, true, required)
}

func (a *ask) setWidth(w int) {
	a.width = w
	a.text.SetWidth(max(1, w-4))
}

func (a *ask) value() string {
	if a.cur < len(a.options) {
		return a.options[a.cur].value
	}
	return ""
}

func (a *ask) answer() string { return strings.TrimSpace(a.text.Value()) }

// help is the question's footer: ↑/↓ only while there is a list to move in.
func (a *ask) help() []key.Binding {
	if a.chosen {
		return []key.Binding{a.keys.Confirm, a.keys.Back}
	}
	return a.keys.ShortHelp()
}

// update handles a key: done when the question is answered, cancelled on esc.
func (a *ask) update(msg tea.Msg) (done, cancelled bool) {
	k, isKey := msg.(tea.KeyPressMsg)
	if isKey && key.Matches(k, a.keys.Back) {
		return false, true
	}
	if !a.chosen {
		if !isKey {
			return false, false
		}
		switch {
		case key.Matches(k, a.keys.Up):
			a.cur = max(0, a.cur-1)
		case key.Matches(k, a.keys.Down), k.String() == "tab":
			a.cur = min(len(a.options)-1, a.cur+1)
		case key.Matches(k, a.keys.Confirm):
			if !a.withText {
				return true, false
			}
			a.chosen = true
			a.text.Focus()
		default:
			// a letter jumps to the next option starting with it
			if t := strings.ToLower(k.Text); t != "" {
				for i := 1; i <= len(a.options); i++ {
					j := (a.cur + i) % len(a.options)
					if strings.HasPrefix(strings.ToLower(a.options[j].label), t) {
						a.cur = j
						break
					}
				}
			}
		}
		return false, false
	}
	if isKey && key.Matches(k, a.keys.Confirm) {
		if a.required && a.answer() == "" {
			a.err = model.T("complaints.ask.required")
			return false, false
		}
		return true, false
	}
	a.err = ""
	a.text, _ = a.text.Update(msg)
	return false, false
}

// lines draws the question: the title, the options (the chosen one marked),
// the text line and its error.
func (a *ask) lines(w int) []string {
	s := a.st
	out := []string{s.Title.Render(textfit.Fit(a.title, w))}
	if len(a.options) > 0 {
		// a long list (the department's people) shows a window around the cursor
		from, to := 0, len(a.options)
		if !a.chosen && to > askRows {
			from = min(max(0, a.cur-askRows/2), to-askRows)
			to = from + askRows
		}
		for i := from; i < to; i++ {
			o := a.options[i]
			switch {
			case i == a.cur && !a.chosen:
				out = append(out, s.RowCursor.Render(textfit.Fit("› "+o.label, w)))
			case i == a.cur:
				out = append(out, s.Value.Render(textfit.Fit("✓ "+o.label, w)))
			case !a.chosen:
				out = append(out, textfit.Fit("  "+o.label, w))
			}
		}
	}
	if a.chosen && a.withText {
		out = append(out, textfit.Fit(a.text.View(), w))
		if a.err != "" {
			out = append(out, s.FieldError.Render(textfit.Fit(a.err, w)))
		}
	}
	return out
}
