package exchange

import (
	"context"
	"io"
	"strconv"
	"time"

	"clientbase/model"
	"clientbase/store"
)

// The call and visit plan: CSV/JSON, one row per plan item in id order
// (a bulk export: data.export), or iCalendar (ical.go: one person's plan,
// one's own without the bulk right).

var planColumns = []string{"ID", "Due", "Until", "Kind", "Client code", "Client", "Contact", "Phone", "Assignee",
	"Purpose", "Priority", "Origin", "Status", "Address", "Note", "Attempts", "Done at", "Done by", "Cancel reason",
	"Rescheduled from", "Rescheduled to", "Ref"}

func init() {
	registerExport(Plan, exporter{columns: planColumns, each: eachPlanRow, write: writePlanFile, allowed: planAllowed})
}

// viewsTime is a date and time in a file: ISO, minutes, in loc; "" for none.
func viewsTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	if loc == nil {
		loc = time.Local
	}
	return t.In(loc).Format("2006-01-02 15:04")
}

func viewsID(id model.ID) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatUint(uint64(id), 10)
}

func viewsPhone(p model.Phone) string {
	if p.E164 != "" {
		return p.E164
	}
	return p.Raw
}

func eachPlanRow(ctx context.Context, s *store.Session, opts ExportOptions, emit func([]string) error) error {
	return s.EachPlanItem(ctx, opts.User, opts.From, opts.To, func(e *store.PlanExport) error {
		p := &e.Item
		contact := ""
		if e.Contact != nil {
			contact = e.Contact.Name
		}
		return emit([]string{
			viewsID(p.ID), viewsTime(p.Due, opts.Loc), viewsTime(p.Until, opts.Loc), string(p.Kind), e.ClientCode,
			e.ClientName, contact, viewsPhone(e.Phone), p.Assignee, string(p.Purpose), strconv.Itoa(int(p.Priority)),
			string(p.Origin), string(p.Status), e.Address, p.Note, strconv.Itoa(p.Attempts), viewsTime(p.DoneAt, opts.Loc),
			p.DoneBy, p.CancelReason, viewsID(p.PrevID), viewsID(p.NextID), p.Ref,
		})
	})
}

// writePlanFile writes the plan's own formats (iCalendar).
func writePlanFile(ctx context.Context, s *store.Session, opts ExportOptions, w io.Writer) (int, error) {
	if opts.Format != ICS {
		return 0, model.Sentencef(nil, "exch.views.format", opts.Format, Plan, " or ics")
	}
	return WritePlanICS(ctx, s, w, opts)
}

// planAllowed: the iCalendar file of one's own plan needs no right,
// another person's needs plan.view_all; the CSV/JSON plan (everyone's, or
// anyone's) is a bulk export.
func planAllowed(s *store.Session, opts ExportOptions) error {
	me := s.Me()
	if opts.Format == ICS {
		if opts.User == "" || opts.User == me.Name || model.Can(me, model.ActPlanViewAll) {
			return nil
		}
		return model.Sentencef(model.ErrForbidden, "exch.views.plan_forbidden", opts.User)
	}
	if !model.Can(me, model.ActDataExport) {
		return model.Sentencef(model.ErrForbidden, "exch.views.bulk_forbidden")
	}
	return nil
}
