package complaintform

import (
	"testing"

	"charm.land/bubbles/v2/key"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
)

// Every binding the forms show has keys and words.
func TestEveryKeyIsDocumented(t *testing.T) {
	groups := append(keymap.NewComplaintForm().FullHelp(), keymap.NewComplaintSettings().FullHelp()...)
	k := keymap.NewComplaintForm()
	groups = append(groups, k.LookupHelp(), k.WarningHelp(), k.DiscardHelp(), keymap.NewComplaintSettings().ReadOnlyHelp())
	for _, g := range groups {
		for _, b := range g {
			if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" || !model.HasMessage("key.save") {
				t.Errorf("a binding without keys or help: %+v", b.Help())
			}
		}
	}
}

// An open form keeps every key (q, 1–4 and tab are typed or move between
// fields); the settings list leaves them to the root.
func TestInputFocused(t *testing.T) {
	env := offlineEnv(model.RoleHead)
	panes := map[string]common.Pane{
		"intake":  NewIntake(env, common.NewComplaintMsg{}),
		"closing": NewClosing(env, model.Complaint{ID: 1}),
	}
	for name, p := range panes {
		if !p.InputFocused() {
			t.Errorf("%s: an open form gives its keys away", name)
		}
		if len(p.ShortHelp()) == 0 || len(p.FullHelp()) == 0 {
			t.Errorf("%s: no help", name)
		}
	}
	s := NewSettings(env)
	s.loading = false
	if s.InputFocused() {
		t.Error("the settings list claims the keys")
	}
	s.openForm(s.rowOf("zone"), nil)
	if !s.InputFocused() {
		t.Error("the settings row form gives its keys away")
	}
	var _ []key.Binding = s.ShortHelp()
}
