package model

// Sentences of the store (package store): opening, locking, schema, saving.
func init() {
	addMessages(map[string]string{
		"store.locked":           "%s is open in another clientbase. Close it there, or open this one with --read-only to page through it.",
		"store.locked_writer":    "%s is open for changes in another clientbase. Close it there first: --read-only views can share the file, but only while nobody has it open for changes.",
		"store.locked_ro":        "%s is open for changes in another clientbase; a read-only view can open it once that one is closed.",
		"store.migration_failed": "%s could not be brought up to schema %d (%s); that step was undone.",
		"store.not_database":     "%s is not a clientbase database or it is damaged; it was left untouched.",
		"store.too_new":          "%s was written by a newer clientbase (schema %d); this one knows schema %d and will not change it. Update clientbase.",
		"store.old_read_only":    "%s was written by an older clientbase (schema %d); open it once without --read-only so it can be brought up to schema %d.",
		"store.missing":          "%s does not exist; there is nothing to open read-only.",
		"store.cannot_open":      "%s cannot be opened: %v",
		"store.read_only":        "The database is open read-only; nothing can be saved.",
		"store.no_user":          "There is no user %q in this database; the director can add one.",
		"store.user_archived":    "The user %q is archived; the director can restore it.",
		"store.no_user_name":     "A user needs a login name.",
		"store.user_exists":      "There is already a user %q.",
		"store.user_role":        "%q is not a role; choose operator, manager, head or director.",
		"store.client_missing":   "This client no longer exists (id %d).",
		"store.user_missing":     "This user no longer exists (id %d).",
		"store.conflict":         "Someone else saved this client at %s (%s); reload to see their change.",
		"store.user_conflict":    "Someone else saved this user at %s (%s); reload to see their change.",
		"store.forbidden":        "Your role (%s) may not %s.",
		"store.act.archive":      "archive or restore clients",
		"store.act.users":        "manage users",
		"store.act.backup":       "make backups",
		"store.dup.tax_id":       "same tax id %s",
		"store.dup.phone":        "same phone %s",
		"store.dup.email":        "same e-mail %s",
		"store.dup.name":         "near-identical name %q",
		"store.bulk_load":        "bulk load of %d clients",
		"store.backup_same":      "The backup cannot overwrite the database itself (%s).",
		"store.backup_failed":    "The backup to %s failed: %v",
		"store.not_empty_bulk":   "Bulk load needs a database without clients; %s already has %d.",
		"store.director_first":   "first user of a new database",
	})
}
