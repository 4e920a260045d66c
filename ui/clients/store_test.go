package clients

import (
	"testing"

	"clientbase/model"
	"clientbase/store/storetest"
	"clientbase/ui/common"
)

var testClient = storetest.Client

// newTestStore is a small department in a real bbolt file (see storetest).
func newTestStore(t testing.TB, n int) (common.Store, model.User) {
	t.Helper()
	return storetest.Department(t, n)
}
