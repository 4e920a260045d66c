package model

import "time"

// UserKey is one SSH public key a user signs in to the team server with
// (`clientbase serve`): the authorized_keys line and its SHA256 fingerprint.
type UserKey struct {
	Type        string    `json:"type"`        // "ssh-ed25519", "ssh-rsa", ...
	Fingerprint string    `json:"fingerprint"` // "SHA256:…" as ssh-keygen -l prints it
	Comment     string    `json:"comment,omitempty"`
	Line        string    `json:"line"` // the authorized_keys line, without options
	Added       time.Time `json:"added"`
}

// Change is one record changed by a committed transaction, as the store's
// change feed tells every open session (the team server's live screens).
// Kind is the audit kind ("client", "plan", "order", "complaint", ...);
// Kind "*" means "changes were missed: reload everything".
type Change struct {
	Kind string `json:"kind"`
	ID   ID     `json:"id"`
	By   string `json:"by"`
}
