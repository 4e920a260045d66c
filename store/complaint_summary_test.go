package store

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"clientbase/model"
)

// The summary round-trips, and its in-place reader agrees with the decoder.
func TestComplaintSummaryRoundTrip(t *testing.T) {
	cs := genComplaints(400, 200, 50, []string{"", "olga", "Ёлкина-Пшеничная", string(bytes.Repeat([]byte("x"), 300)), strings.Repeat("ж", 150)}, planT0, nil)
	cal := model.DefaultComplaintSettings().Calendar()
	for i := range cs {
		c := &cs[i]
		c.SLA, c.Deadline = 27*60, cal.Add(c.Received, 27*60)
		s := summarize(c, i%3)
		got, ok := decodeSummary(s.encode())
		if !ok {
			t.Fatalf("complaint %d: its summary does not decode", i)
		}
		if s.Owner != got.Owner && len(s.Owner) <= 255 {
			t.Errorf("owner %q → %q", s.Owner, got.Owner)
		}
		if !utf8.ValidString(got.Owner) || !strings.HasPrefix(s.Owner, got.Owner) {
			t.Errorf("owner %q cut to %q", s.Owner, got.Owner)
		}
		s.Owner = got.Owner // a name over 255 bytes is cut
		if !bytes.Equal(got.encode(), s.encode()) {
			t.Errorf("complaint %d: %+v → %+v", i, s, got)
		}
		checkRaw(t, s.encode())
	}
}

// checkRaw fails when rawSummary reads b otherwise than decodeSummary.
func checkRaw(t *testing.T, b []byte) {
	t.Helper()
	s, ok := decodeSummary(b)
	r := rawSummary(b)
	if r.valid() != ok {
		t.Fatalf("%x: raw valid %v, decoded %v", b, r.valid(), ok)
	}
	if !ok {
		return
	}
	if string(r.owner()) != s.Owner || string(r.escalated()) != s.Escalated || string(r.escalators()) != s.Escalators ||
		enumOf(r.status(), model.ComplaintStatuses) != s.Status || enumOf(r.kind(), model.ComplaintTypes) != s.Type ||
		enumOf(r.direction(), model.ComplaintDirections) != s.Direction ||
		!unixTime(r.deadline()).Equal(s.Deadline) || !unixTime(r.paused()).Equal(s.PausedAt) {
		t.Errorf("%x: raw and decoded differ: %+v", b, s)
	}
}

func FuzzComplaintSummary(f *testing.F) {
	c := model.Complaint{ID: 7, Status: model.ComplaintEscalated, Direction: model.DirectionIncoming, Type: model.TypeQuality,
		Owner: "olga", Received: planT0, Deadline: planT0.Add(time.Hour), SLA: 60,
		Escalations: []model.Escalation{{To: "petrov", Level: model.RoleManager}}}
	s := summarize(&c, 3)
	f.Add(s.encode())
	f.Add([]byte{})
	f.Add(make([]byte, complaintSummaryFixed+2))
	c.Escalations = []model.Escalation{{By: "olga", To: "petrov", Level: model.RoleManager, At: planT0, Answered: planT0.Add(time.Hour), EscalatedOn: true},
		{By: "petrov", To: "head", Level: model.RoleHead, At: planT0.Add(time.Hour)}}
	s = summarize(&c, 3)
	f.Add(s.encode())
	f.Add(s.encode()[:len(s.encode())-3])
	f.Fuzz(func(t *testing.T, b []byte) {
		checkRaw(t, b)
	})
}

// The summaries on disk hold enum values as 1 + their index in the model's
// lists: the lists may grow at the end, never change order or lose a value
// (a stored "closed" would read as another status). This pins the codes
// written so far.
func TestComplaintSummaryCodesAppendOnly(t *testing.T) {
	pinned := []struct {
		name string
		got  []string
		want []string
	}{
		{"statuses", strs(model.ComplaintStatuses), []string{"registered", "assigned", "investigating", "waiting",
			"answered", "remedy_done", "feedback", "closed", "escalated", "reopened"}},
		{"directions", strs(model.ComplaintDirections), []string{"incoming", "outgoing"}},
		{"types", strs(model.ComplaintTypes), []string{"quality", "service", "delivery", "settlement", "after_act", "chain_penalty"}},
		{"decisions", strs(model.Decisions), []string{"full", "partly", "rejected"}},
		{"remedies", strs(model.Remedies), []string{"none", "refund", "replacement", "discount", "return"}},
		{"faults", strs(model.FaultParties), []string{"ours", "carrier", "manufacturer", "client"}},
		{"reasons", strs(model.ReasonCodes), []string{"defect", "wrong_item", "shortage", "damaged", "late", "price_error",
			"documents", "staff", "non_payment", "contract_term", "other"}},
		{"roles", strs(model.Roles), []string{"operator", "manager", "head", "director"}},
	}
	for _, p := range pinned {
		if len(p.got) < len(p.want) || !slices.Equal(p.got[:len(p.want)], p.want) {
			t.Errorf("%s are %q; the summaries on disk need %q first, in this order (add new ones at the end)", p.name, p.got, p.want)
		}
	}
}

func strs[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}
