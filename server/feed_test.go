package server

import (
	"reflect"
	"testing"
	"time"

	"clientbase/model"
)

func TestMergeKeepsEachRecordOnce(t *testing.T) {
	got := merge(nil, []model.Change{{Kind: "plan", ID: 1, By: "a"}, {Kind: "client", ID: 1, By: "a"}})
	got = merge(got, []model.Change{{Kind: "plan", ID: 1, By: "b"}, {Kind: "plan", ID: 2, By: "b"}})
	want := []model.Change{{Kind: "plan", ID: 1, By: "b"}, {Kind: "client", ID: 1, By: "a"}, {Kind: "plan", ID: 2, By: "b"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged %+v, want %+v", got, want)
	}
	all := []model.Change{{Kind: "*"}}
	if got := merge(want, []model.Change{{Kind: "*"}}); !reflect.DeepEqual(got, all) {
		t.Errorf("a missed batch: %+v, want *", got)
	}
	if got := merge(all, []model.Change{{Kind: "plan", ID: 9}}); !reflect.DeepEqual(got, all) {
		t.Errorf("after *: %+v, want *", got)
	}
	var many []model.Change
	for i := range maxPending + 1 {
		many = append(many, model.Change{Kind: "plan", ID: model.ID(i + 1)})
	}
	if got := merge(nil, many); !reflect.DeepEqual(got, all) {
		t.Errorf("%d changes: %d kept, want *", len(many), len(got))
	}
}

// Nothing is lost: what arrives while a session is busy comes in the next
// batch, merged; the paced channel closes with the feed.
func TestPaceDeliversEverythingMerged(t *testing.T) {
	in := make(chan []model.Change)
	done := make(chan struct{})
	defer close(done)
	out := pace(in, time.Hour, done) // the second batch waits for the test to read
	in <- []model.Change{{Kind: "plan", ID: 1}}
	if b := <-out; !reflect.DeepEqual(b, []model.Change{{Kind: "plan", ID: 1}}) {
		t.Fatalf("first batch %+v", b)
	}
	in <- []model.Change{{Kind: "plan", ID: 2}}
	in <- []model.Change{{Kind: "plan", ID: 2}, {Kind: "order", ID: 7}}
	select {
	case b := <-out:
		t.Fatalf("a second batch within the pace: %+v", b)
	default:
	}
	close(in)
	if _, ok := <-out; ok {
		t.Error("the paced feed stayed open after the feed closed")
	}

	in = make(chan []model.Change)
	out = pace(in, 0, done)
	in <- []model.Change{{Kind: "plan", ID: 2}}
	in <- []model.Change{{Kind: "order", ID: 7}}
	var got []model.Change
	for len(got) < 2 {
		got = append(got, <-out...)
	}
	if want := []model.Change{{Kind: "plan", ID: 2}, {Kind: "order", ID: 7}}; !reflect.DeepEqual(got, want) {
		t.Errorf("unpaced: %+v, want %+v", got, want)
	}
	close(in)
}
