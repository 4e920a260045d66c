package store

import (
	"bytes"
	"testing"
)

// The list files companies under their name, not under their legal form.
func TestNameKeyIgnoresLegalForm(t *testing.T) {
	order := []string{"AB „Alytaus prekės“", "UAB „Baltijos audiniai“", "Čekanauskas, IĮ", "Dovilė", "ООО «Арктика»", "ИП Борисов", "Волна ООО"}
	for i := 1; i < len(order); i++ {
		a, b := nameIndexKey(order[i-1], 9), nameIndexKey(order[i], 1)
		if bytes.Compare(a, b) >= 0 {
			t.Errorf("%q should sort before %q", order[i-1], order[i])
		}
	}
}
