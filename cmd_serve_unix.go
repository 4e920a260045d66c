//go:build unix

package main

import (
	"os"
	"syscall"
)

// serveSignals are what `clientbase serve` listens for: stop, and backup.
var serveSignals = []os.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGUSR1}

func isBackupSignal(s os.Signal) bool { return s == syscall.SIGUSR1 }
