//go:build unix

package store

import (
	"os"
	"syscall"
)

// heldByWriter reports whether another process holds path for changes: then
// even a shared (read-only) lock is refused, and suggesting --read-only
// alone would send the user into a second refusal.
func heldByWriter(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		return true
	}
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}
