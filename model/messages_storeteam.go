package model

// Sentences of the team server's store (store/team*.go, store/feed.go):
// users' SSH keys, holds let go when a session ends.
func init() {
	addMessages(map[string]string{
		"storeteam.session_ended": "the session on the team server ended",
		"storeteam.key_empty":     "Paste the public key: one line of ~/.ssh/id_ed25519.pub (or another .pub file).",
		"storeteam.key_one_line":  "One key at a time: the key is a single line.",
		"storeteam.key_bad":       "This is not an SSH public key; paste the line from the .pub file (it starts with ssh-ed25519, ssh-rsa or ecdsa-sha2-…).",
		"storeteam.key_taken":     "Key %s is already %s's; a key signs in one user.",
		"storeteam.key_unknown":   "No user has the key %s.",
		"storeteam.key_not_users": "%s has no key %s.",
	})
}
