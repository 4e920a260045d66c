//go:build !unix

package main

import "os"

// serveSignals: without SIGUSR1 there is no backup signal; interrupt stops.
var serveSignals = []os.Signal{os.Interrupt}

func isBackupSignal(os.Signal) bool { return false }
