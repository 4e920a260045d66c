package model

// Messages of the command line (package main): usage, errors, reports.
func init() {
	addMessages(map[string]string{
		"cli.usage": `clientbase: the client-relations department's workstation.

Usage:
  clientbase [flags]                     open the database in the terminal UI
  clientbase --demo [flags]              open a ready demo department (created on first use)
  clientbase demo [--clients N] [--seed S] [--force] [flags]
                                         generate a demo database (default: 2,500 clients;
                                         --clients 1000000 for a benchmark-size one)
  clientbase backup FILE [flags]         write a consistent copy of the database to FILE
  clientbase serve [--listen ADDR] [--host-key FILE] [--max-sessions N] [--idle-timeout D] [flags]
                                         the team server: the TUI for every user over SSH,
                                         public keys only (default listen 127.0.0.1:2222;
                                         host key default $XDG_DATA_HOME/clientbase/host_ed25519;
                                         200 sessions; idle 30m); SIGTERM stops it cleanly;
                                         while it serves, backup cannot open the file:
                                         kill -USR1 the server to write DB.backup-TIME
  clientbase user add NAME --role ROLE [--full-name TEXT] [--key "ssh-ed25519 …"] [flags]
                                         add a user (director only), with SSH keys for
                                         the team server (--key may repeat)
  clientbase user list [flags]           list the users and their roles
  clientbase user key add NAME "KEY" [flags]
                                         give a user an SSH public key (the line of a
                                         .pub file; director only)
  clientbase user key list NAME [flags]  a user's keys: fingerprint, type, added, comment
  clientbase user key remove NAME FINGERPRINT [flags]
                                         take a key (SHA256:…) from a user (director only)
  clientbase report complaints [--from D] [--to D] [--out FILE] [--excel] [flags]
                                         the head's complaint report as CSV (head and
                                         director; days as dd.mm.yyyy; default: this month
                                         so far; stdout without --out; --excel: a BOM, ;
                                         and decimal commas for Excel)
  clientbase help                        this text

Flags:
  --db PATH      the database file (default: $CLIENTBASE_DB, else
                 $XDG_DATA_HOME/clientbase/clientbase.db; with --demo the demo database)
  --user NAME    who you are (default: the operating-system user; the first user of an
                 empty database becomes its director; with --demo the demo director)
  --read-only    open the database read-only, to page through it without changing anything;
                 several read-only viewers can share the file, but not with someone who has
                 it open for changes
  --demo         use the demo database
  -h, --help     this text

Roles: operator, manager, head, director.
`,
		"cli.unknown_command":     "unknown command %q; run clientbase --help for the list.",
		"cli.unexpected_argument": "unexpected argument %q; run clientbase --help.",
		"cli.bad_flag":            "%v; run clientbase --help.",
		"cli.no_home":             "cannot find your home directory (%v); pass --db PATH.",
		"cli.creating_demo":       "Creating the demo department (%d clients) in %s …",
		"cli.clients_range":       "--clients must be between 1 and 50,000,000.",
		"cli.demo_exists":         "%s already exists; add --force to replace it.",
		"cli.cannot_replace":      "cannot replace %s: %v",
		"cli.demo_written":        "Wrote %d clients, %d planned calls and visits, %d logged contacts, %d orders and %d payments to %s in %v (clients at %.0f/s).",
		"cli.backup_file":         "name the backup file: clientbase backup FILE.",
		"cli.backup_written":      "Backup written to %s.",
		"cli.user_what":           "say what to do: clientbase user add NAME --role ROLE, or clientbase user list.",
		"cli.user_name":           "name the user: clientbase user add NAME --role ROLE.",
		"cli.bad_role":            "--role must be one of operator, manager, head, director (got %q).",
		"cli.user_added":          "Added %s as %s.",
		"cli.user_unknown":        "unknown user command %q: use add, list or key.",
		"cli.key_what":            "say what to do: clientbase user key add NAME \"KEY\", list NAME or remove NAME FINGERPRINT.",
		"cli.key_unknown":         "unknown key command %q: use add, list or remove.",
		"cli.key_usage_add":       "name the user and the key: clientbase user key add NAME \"ssh-ed25519 AAAA… comment\" (quote the key).",
		"cli.key_usage_list":      "name the user: clientbase user key list NAME.",
		"cli.key_usage_remove":    "name the user and the key's fingerprint: clientbase user key remove NAME SHA256:… (see user key list NAME).",
		"cli.key_added":           "Added key %s (%s) to %s.",
		"cli.key_removed":         "Removed key %s from %s.",
		"cli.no_such_user":        "There is no user %q.",
		"cli.report_what":         "say which report: clientbase report complaints [--from dd.mm.yyyy] [--to dd.mm.yyyy] [--out FILE].",
		"cli.bad_date":            "%s %q is not a date: write dd.mm.yyyy, e.g. 01.11.2026.",
		"cli.bad_period":          "--to is before --from.",
		"cli.report_written":      "Wrote the complaint report (%d rows) to %s.",
	})
}
