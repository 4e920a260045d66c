package common

import (
	"context"

	"clientbase/model"
)

// ClientStore is what the client screens (list, card, form) need from the database. main wires a
// store session (bound to the signed-in user, rights enforced there) into it.
// Every method may block on the disk: call them only from a tea.Cmd.
type ClientStore interface {
	// List returns rows [offset, offset+limit) of the client list matching f,
	// in name (collation) order, and the total number of matches. With an
	// empty filter it answers from the name index at once, even while the
	// search index is still being built. A cancelled ctx returns ctx.Err().
	List(ctx context.Context, f model.ClientFilter, offset, limit int) (model.ClientPage, error)
	// Client loads one client.
	Client(id model.ID) (model.Client, error)
	// SaveClient creates (ID == 0) or updates a client in one transaction.
	// reason is required when the category changes. Errors: *model.ValidationError,
	// model.ErrConflict (stale Version), model.ErrForbidden, model.ErrReadOnly.
	SaveClient(c model.Client, reason string) (model.Client, error)
	// SetArchived archives or restores a client (no hard delete).
	SetArchived(id model.ID, version uint64, archived bool) (model.Client, error)
	// Duplicates finds existing clients sharing the tax id, a phone, an
	// e-mail, or a near-identical name with c (c itself excluded).
	Duplicates(c model.Client) ([]model.DuplicateClient, error)
	// History returns the audit entries of a client, oldest first.
	History(id model.ID) ([]model.AuditEntry, error)
	// Users lists the department's users (managers for the manager field).
	Users() ([]model.User, error)
	// Stats returns record counts for the status bar.
	Stats() (model.Stats, error)
	// Backup writes a consistent copy of the database to path.
	Backup(path string) error
}
