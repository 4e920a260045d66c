package model

// The team server's live screens (ui/live.go and the forms that are told
// another session changed the record they edit).
func init() {
	addMessages(map[string]string{
		"live.changed_elsewhere": "This record was changed by someone else — ctrl+r reloads it (your edits are lost), or save to try yours (you will be told of the conflict).",
	})
}
