package common

import (
	"reflect"
	"testing"

	"clientbase/model"
)

func TestLaterMergesAndOverflowsToStar(t *testing.T) {
	var l Later
	l.Add(DataChangedMsg{Kind: "plan", ID: 1})
	l.Add(DataChangedMsg{Kind: "client", ID: 1})
	l.Add(DataChangedMsg{Kind: "plan", ID: 1})
	if got, want := l.Take(), []DataChangedMsg{{Kind: "plan", ID: 1}, {Kind: "client", ID: 1}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("took %+v, want %+v", got, want)
	}
	if l.Pending() || l.Take() != nil {
		t.Fatal("Take did not forget")
	}
	l.Add(DataChangedMsg{Kind: "plan", ID: 1})
	l.Add(DataChangedMsg{Kind: "*"})
	l.Add(DataChangedMsg{Kind: "order", ID: 2})
	if got := l.Take(); !reflect.DeepEqual(got, []DataChangedMsg{{Kind: "*"}}) {
		t.Fatalf("after *: %+v", got)
	}
	for i := range laterMax + 1 {
		l.Add(DataChangedMsg{Kind: "plan", ID: model.ID(i + 1)})
	}
	if got := l.Take(); !reflect.DeepEqual(got, []DataChangedMsg{{Kind: "*"}}) {
		t.Fatalf("%d changes kept as %d, want *", laterMax+1, len(got))
	}
}
