package model

// Messages of the team server (package server, `clientbase serve`): what an
// SSH user is told and the operator's log lines.
func init() {
	addMessages(map[string]string{
		// told to the person at the other end of the connection
		"server.refused_key": "This key does not belong to any user of the department; ask the director to add it.",
		"server.closing":     "The server is shutting down; connect again in a moment.",
		"server.full":        "The server has as many sessions open as it allows; try again later.",

		// errors starting the server
		"server.hostkey_path":   "no host key file: give --host-key FILE.",
		"server.hostkey_failed": "cannot create the host key %s: %v",
		"server.hostkey_open":   "the host key %s may be read by others (mode %v): chmod 600 it.",
		"server.hostkey_bad":    "%s is not a host key: %v",
		"server.read_only":      "the server needs %s open for changes, not read-only.",
		"server.listen_failed":  "cannot listen on %s: %v",

		// clientbase serve's command line
		"server.cli.read_only": "the server changes the database: --read-only does not go with serve.",
		"server.cli.limits":    "--max-sessions and --idle-timeout are 0 (no limit) or more.",

		// the log (message, then structured key=values)
		"server.log.listening":      "listening",
		"server.log.login":          "login",
		"server.log.logout":         "logout",
		"server.log.refused":        "refused",
		"server.log.shutdown":       "shutting down",
		"server.log.release_failed": "holds not released",
		"server.log.public":         "listening on a non-loopback address: anyone who can reach it may try keys",
		"server.log.backup":         "backup written",
		"server.log.backup_failed":  "backup failed",
		"server.log.stopped":        "stopped; database closed",

		// why a connection or request was refused (the log's reason=)
		"server.reason.unknown_key": "unknown key",
		"server.reason.no_auth":     "no key offered that the server accepts",
		"server.reason.method":      "only public keys are accepted",
		"server.reason.exec":        "commands are not run; only the TUI",
		"server.reason.subsystem":   "no subsystems; only the TUI",
		"server.reason.no_pty":      "no terminal; the TUI needs one (ssh -t)",
		"server.reason.closing":     "shutting down",
		"server.reason.full":        "%d sessions open, the maximum",
	})
}
