package model

import (
	"fmt"
	"sync"
)

// The message catalogue: every user-visible string goes through T. English
// now; Russian and Lithuanian come later. Entries are grouped in files named
// messages_*.go, each adding its map in init.

var (
	catalogMu sync.RWMutex
	catalogEN = map[string]string{}
)

// addMessages registers English templates (fmt verbs for arguments).
func addMessages(m map[string]string) {
	catalogMu.Lock()
	defer catalogMu.Unlock()
	for k, v := range m {
		if _, dup := catalogEN[k]; dup {
			panic("model: message key registered twice: " + k)
		}
		catalogEN[k] = v
	}
}

// T returns the message for key, formatted with args. An unknown key comes
// back as itself so a missing entry is visible, never blank.
func T(key string, args ...any) string {
	catalogMu.RLock()
	tmpl, ok := catalogEN[key]
	catalogMu.RUnlock()
	if !ok {
		tmpl = key
	}
	if len(args) == 0 {
		return tmpl
	}
	return fmt.Sprintf(tmpl, args...)
}

// HasMessage reports whether key is in the catalogue.
func HasMessage(key string) bool {
	catalogMu.RLock()
	defer catalogMu.RUnlock()
	_, ok := catalogEN[key]
	return ok
}

// MessageKeys returns every key in the catalogue.
func MessageKeys() []string {
	catalogMu.RLock()
	defer catalogMu.RUnlock()
	keys := make([]string, 0, len(catalogEN))
	for k := range catalogEN {
		keys = append(keys, k)
	}
	return keys
}
