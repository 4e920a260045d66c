package styles

import "testing"

// The inputs' prompt wears the filter bar's style while focused, and the cursor stands still.
func TestInput(t *testing.T) {
	s := New(true)
	st := s.Input()
	if st.Cursor.Blink {
		t.Error("the input's cursor blinks")
	}
	if st.Focused.Prompt.Render("/") != s.FilterBar.Render("/") || st.Blurred.Prompt.Render("/") != s.Subtle.Render("/") {
		t.Error("the prompt's styles are not the filter bar's (focused) and subtle (blurred)")
	}
}
