package model

// The director's users pane (ui/users): users and their SSH keys.
func init() {
	addMessages(map[string]string{
		"key.users.open":   "users and SSH keys",
		"key.users.keys":   "show the user's keys",
		"key.users.add":    "add a key",
		"key.users.remove": "remove the key",
		"key.users.save":   "add the key",
		"key.users.cancel": "cancel",
		"key.users.back":   "back / close",

		"users.title":           "Users",
		"users.keys_title":      "SSH keys of %s (%s)",
		"users.col.name":        "Login",
		"users.col.full_name":   "Full name",
		"users.col.role":        "Role",
		"users.col.keys":        "Keys",
		"users.col.archived":    "Archived",
		"users.archived":        "archived",
		"users.col.type":        "Type",
		"users.col.fingerprint": "Fingerprint",
		"users.col.comment":     "Comment",
		"users.col.added":       "Added",
		"users.no_users":        "No users.",
		"users.no_keys":         "No keys yet: a adds one (paste a line of authorized_keys or a .pub file).",
		"users.loading":         "Loading…",
		"users.add_prompt":      "Paste the public key (one authorized_keys line), enter adds it, esc cancels:",
		"users.add_place":       "ssh-ed25519 AAAA… comment",
		"users.confirm_remove":  "Remove the key %s (%s) from %s? They can no longer sign in with it.",
		"users.added":           "Key %s added to %s.",
		"users.removed":         "Key %s removed from %s.",
		"users.forbidden":       "Only the director manages users and their keys.",

		"users.error.read_only": "The database is open read-only: keys cannot be changed.",
		"users.error.forbidden": "Only the director manages users and their keys.",
		"users.error.not_found": "That user or key no longer exists.",
		"users.error.conflict":  "The user was changed meanwhile; try again.",
		"users.error.store":     "The keys could not be saved: %s",
	})
}
