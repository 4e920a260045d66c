package styles

import "charm.land/bubbles/v2/textinput"

// Input is the look of a one-line input (a filter, a search, a prompt): the
// prompt in the filter bar's style while focused, subtle when not, and a
// steady cursor (a blinking one redraws twice a second for nothing).
func (s Styles) Input() textinput.Styles {
	st := textinput.DefaultStyles(s.IsDark)
	st.Focused.Prompt = s.FilterBar
	st.Blurred.Prompt = s.Subtle
	st.Cursor.Blink = false
	return st
}
