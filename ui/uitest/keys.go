// Package uitest helps the screens' tests drive their models with keys.
package uitest

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

var named = map[string]tea.KeyPressMsg{
	"esc":       {Code: tea.KeyEscape},
	"enter":     {Code: tea.KeyEnter},
	"tab":       {Code: tea.KeyTab},
	"space":     {Code: tea.KeySpace, Text: " "},
	"up":        {Code: tea.KeyUp},
	"down":      {Code: tea.KeyDown},
	"left":      {Code: tea.KeyLeft},
	"right":     {Code: tea.KeyRight},
	"pgup":      {Code: tea.KeyPgUp},
	"pgdown":    {Code: tea.KeyPgDown},
	"home":      {Code: tea.KeyHome},
	"end":       {Code: tea.KeyEnd},
	"backspace": {Code: tea.KeyBackspace},
	"delete":    {Code: tea.KeyDelete},
}

// Key is the key press a user makes for s, written as the keymap writes
// keys: "j", "G", "enter", "shift+tab", "ctrl+s".
func Key(s string) tea.KeyPressMsg {
	var mod tea.KeyMod
	for {
		switch {
		case strings.HasPrefix(s, "ctrl+") && len(s) > len("ctrl+"):
			mod |= tea.ModCtrl
			s = s[len("ctrl+"):]
			continue
		case strings.HasPrefix(s, "shift+") && len(s) > len("shift+"):
			mod |= tea.ModShift
			s = s[len("shift+"):]
			continue
		case strings.HasPrefix(s, "alt+") && len(s) > len("alt+"):
			mod |= tea.ModAlt
			s = s[len("alt+"):]
			continue
		}
		break
	}
	if k, ok := named[s]; ok {
		k.Mod = mod
		if mod != 0 {
			k.Text = ""
		}
		return k
	}
	r := []rune(s)[0]
	if mod != 0 {
		return tea.KeyPressMsg{Code: r, Mod: mod}
	}
	return tea.KeyPressMsg{Code: r, Text: s}
}

// Text is the key presses that type s, a rune at a time.
func Text(s string) []tea.KeyPressMsg {
	keys := make([]tea.KeyPressMsg, 0, len(s))
	for _, r := range s {
		keys = append(keys, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return keys
}

// Press sends each key (spelled as for Key) to update and hands what it
// returns to run, which usually runs it through Run.
func Press(update func(tea.Msg) tea.Cmd, run func(tea.Cmd), keys ...string) {
	for _, k := range keys {
		run(update(Key(k)))
	}
}

// Type types text through update a rune at a time, handing each answer to run.
func Type(update func(tea.Msg) tea.Cmd, run func(tea.Cmd), text string) {
	for _, k := range Text(text) {
		run(update(k))
	}
}
