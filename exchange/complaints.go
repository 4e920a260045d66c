package exchange

import (
	"context"
	"strconv"

	"clientbase/store"
)

// Complaints: one row per complaint received in opts.From/To (zero: all),
// in id order, with the fields of the head's report (type, direction,
// owner, decision, reason, fault, amounts, justified). A bulk export:
// data.export.

var complaintColumns = []string{"ID", "Received", "Direction", "Type", "Client code", "Client", "Order", "Channel",
	"Registered by", "Owner", "Priority", "Serious", "Status", "Claimed", "Currency", "Description", "Deadline",
	"Answered", "Answer", "Closed", "Decision", "Satisfied", "Remedy", "Reason", "Fault", "Justified", "Feedback",
	"Reopened", "Forwards", "Escalations"}

func init() {
	registerExport(Complaints, exporter{columns: complaintColumns, each: eachComplaintRow})
}

func viewsYes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func eachComplaintRow(ctx context.Context, s *store.Session, opts ExportOptions, emit func([]string) error) error {
	return s.EachComplaint(ctx, opts.From, opts.To, func(e *store.ComplaintExport) error {
		c := &e.Complaint
		var decision, satisfied, remedy, reason, fault, justified, feedback string
		if cl := c.Closing; cl != nil {
			decision, remedy, reason, fault, feedback = string(cl.Decision), string(cl.Remedy), string(cl.Reason), string(cl.Fault), cl.Feedback
			satisfied = moneyCell(cl.Satisfied.Minor)
			if cl.Justified != nil {
				justified = viewsYes(*cl.Justified)
			}
		}
		return emit([]string{
			viewsID(c.ID), viewsTime(c.Received, opts.Loc), string(c.Direction), string(c.Type), e.ClientCode, e.ClientName,
			c.OrderNo, string(c.Channel), c.CreatedBy, c.Owner, strconv.Itoa(int(c.Priority)), viewsYes(c.Serious),
			string(c.Status), moneyCell(c.Claimed.Minor), c.Claimed.Currency, c.Description, viewsTime(c.Deadline, opts.Loc),
			viewsTime(c.Answered, opts.Loc), c.Answer, viewsTime(c.Closed, opts.Loc), decision, satisfied, remedy, reason,
			fault, justified, feedback, strconv.Itoa(c.Reopened), strconv.Itoa(len(c.Forwards)), strconv.Itoa(len(c.Escalations)),
		})
	})
}
