package callsettings

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// loadedMsg carries the settings from the store, tagged with the load's generation.
type loadedMsg struct {
	gen uint64
	cs  model.CallSettings
	err error
}

// savedMsg is the store's answer to a save.
type savedMsg struct {
	gen uint64
	cs  model.CallSettings
	err error
}

// load reads the settings; it takes values, never the model (it runs in a goroutine).
func load(st common.Store, gen uint64) tea.Cmd {
	return func() tea.Msg {
		cs, err := st.CallSettings()
		return loadedMsg{gen: gen, cs: cs, err: err}
	}
}

// save stores cs (checked against the version it was loaded at).
func save(st common.Store, gen uint64, cs model.CallSettings) tea.Cmd {
	return func() tea.Msg {
		out, err := st.SaveCallSettings(cs)
		return savedMsg{gen: gen, cs: out, err: err}
	}
}

func status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return common.StatusMsg{Text: text, Err: isErr} }
}

func changed() tea.Cmd {
	return func() tea.Msg { return common.DataChangedMsg{Kind: "settings"} }
}

func itoa(n int) string { return strconv.Itoa(n) }
