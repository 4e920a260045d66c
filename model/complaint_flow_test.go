package model

import (
	"errors"
	"strings"
	"testing"
)

// The status machine as a table: row from, column to, in ComplaintStatuses
// order (registered, assigned, investigating, waiting, answered,
// remedy_done, feedback, closed, escalated, reopened); x allowed.
var complaintFlow = map[ComplaintStatus]string{
	ComplaintRegistered:    ".xx.....x.",
	ComplaintAssigned:      "..xxx...x.",
	ComplaintInvestigating: "...xx...x.",
	ComplaintWaiting:       "..x.x...x.",
	ComplaintAnswered:      "...x.xxxx.",
	ComplaintRemedyDone:    "......xx..",
	ComplaintFeedback:      "...x...x.x",
	ComplaintClosed:        ".........x",
	ComplaintEscalated:     "..x.x...x.",
	ComplaintReopened:      ".xx.....x.",
}

func TestComplaintFlowTable(t *testing.T) {
	if len(complaintFlow) != len(ComplaintStatuses) {
		t.Fatalf("the table has %d rows for %d statuses", len(complaintFlow), len(ComplaintStatuses))
	}
	for _, from := range ComplaintStatuses {
		row := complaintFlow[from]
		for j, to := range ComplaintStatuses {
			want := row[j] == 'x'
			if got := CanMoveComplaint(from, to); got != want {
				t.Errorf("CanMoveComplaint(%s, %s) = %v, want %v", from, to, got, want)
			}
			err := CheckComplaintMove(&Complaint{Status: from}, to)
			if want {
				if err != nil {
					t.Errorf("%s → %s allowed but CheckComplaintMove says %v", from, to, err)
				}
				continue
			}
			var s *Sentence
			if !errors.As(err, &s) || !errors.Is(err, ErrBadMove) {
				t.Errorf("%s → %s: %v, want a sentence wrapping ErrBadMove", from, to, err)
				continue
			}
			if !strings.Contains(s.Text, statusWord(from)) || !strings.Contains(s.Text, statusWord(to)) {
				t.Errorf("%s → %s: %q does not name both statuses", from, to, s.Text)
			}
			if strings.Contains(s.Text, "complaint.") || s.Text[0] < 'A' || s.Text[0] > 'Z' || !strings.HasSuffix(s.Text, ".") {
				t.Errorf("%s → %s: %q is not a sentence", from, to, s.Text)
			}
		}
	}
}

func TestCheckComplaintMoveHints(t *testing.T) {
	cases := []struct {
		from, to ComplaintStatus
		want     string
	}{
		{ComplaintInvestigating, ComplaintClosed, "answer the client before closing"},
		{ComplaintRegistered, ComplaintClosed, "answer the client before closing"},
		{ComplaintClosed, ComplaintAnswered, "A complaint that is closed cannot become answered; reopen it first."},
		{ComplaintClosed, ComplaintClosed, "The complaint is already closed."},
		{ComplaintInvestigating, ComplaintRemedyDone, "answer the client first"},
		{ComplaintAssigned, ComplaintReopened, "only a closed one"},
		{ComplaintRemedyDone, ComplaintInvestigating, "from here it can become awaiting the client's feedback or closed"},
		{ComplaintRegistered, "lost", `"lost" is not a complaint status.`},
		{"", ComplaintAssigned, `"" is not a complaint status.`},
	}
	for _, tc := range cases {
		err := CheckComplaintMove(&Complaint{Status: tc.from}, tc.to)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s → %s: %v, want it to say %q", tc.from, tc.to, err, tc.want)
		}
	}
}

// The deadline runs until the client has the answer and again once the
// complaint is reopened or escalated.
func TestClockStopped(t *testing.T) {
	stopped := map[ComplaintStatus]bool{ComplaintAnswered: true, ComplaintRemedyDone: true,
		ComplaintFeedback: true, ComplaintClosed: true}
	for _, s := range ComplaintStatuses {
		if ClockStopped(s) != stopped[s] {
			t.Errorf("ClockStopped(%s) = %v", s, ClockStopped(s))
		}
	}
}
