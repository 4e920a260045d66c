package model

// API STUB written by the lead; the model helper replaces the bodies.

// Action is something a user may or may not do; the rights table maps
// role × action to a scope.
type Action string

const (
	ActClientCreate       Action = "client.create"
	ActClientEditCard     Action = "client.edit_card"     // any field but contacts and notes
	ActClientEditContacts Action = "client.edit_contacts" // contacts and notes
	ActClientCategory     Action = "client.category"      // change category (with a reason)
	ActClientTradingHall  Action = "client.trading_hall"  // move to the walk-in pool
	ActClientReassign     Action = "client.reassign"      // change the responsible manager
	ActClientArchive      Action = "client.archive"       // archive / restore
	ActUserManage         Action = "user.manage"
	ActBackup             Action = "db.backup"
)

// Can reports whether u may do a at all (for some record).
func Can(u User, a Action) bool { return true }

// CanOnClient reports whether u may do a on client c (own-client scopes).
func CanOnClient(u User, a Action, c *Client) bool { return true }

// CheckClientChange decides whether u may turn old into new (old nil: create).
// It returns a *Sentence wrapping ErrForbidden that names what is refused,
// or a *ValidationError (field "category_reason") when a category changes
// without a reason.
func CheckClientChange(u User, old, new *Client, reason string) error { return nil }
