package exchange

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"clientbase/model"
	"clientbase/store"
)

// iCalendar: one person's calls and visits as events a phone's or Google's
// calendar subscribes to or imports.
//
//   - Whose: opts.User, "" the signed-in user's own (no right needed);
//     another person's needs plan.view_all.
//   - When: opts.From/To; zero From is a week before today's midnight, zero
//     To 60 days after it (what a calendar on the phone needs: the week
//     behind for what was done, two months ahead).
//   - UID "clientbase-plan-<item id>@clientbase": a re-export updates the
//     events a calendar holds; SEQUENCE is the item's version, DTSTAMP and
//     LAST-MODIFIED its last change (without a METHOD, RFC 5545 has DTSTAMP
//     be the last revision; a re-export of unchanged data is the same file).
//   - Times are UTC ("…Z"): every calendar puts them at the right local
//     hour without a VTIMEZONE to trust (a 10:00 Moscow call is 07:00Z).
//   - DTEND is the window's end when the item has one, else 30 minutes
//     after the start for a call and an hour for a visit.
//   - STATUS: cancelled and rescheduled items are CANCELLED (the calendar
//     drops them; the rescheduled item's new event carries on), the others
//     CONFIRMED; a done item keeps its event with "done" in the summary (a
//     VEVENT has no COMPLETED).

const (
	icalUIDPrefix = "clientbase-plan-"
	icalUIDHost   = "@clientbase"
	icalProdID    = "-//clientbase//plan//EN"
)

// ICalUID is the stable UID of plan item id.
func ICalUID(id model.ID) string {
	return icalUIDPrefix + strconv.FormatUint(uint64(id), 10) + icalUIDHost
}

// icalPeriod is the export's period: opts', with the defaults above.
func icalPeriod(now time.Time, opts ExportOptions) (time.Time, time.Time) {
	loc := opts.Loc
	if loc == nil {
		loc = time.Local
	}
	n := now.In(loc)
	today := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, loc)
	from, to := opts.From, opts.To
	if from.IsZero() {
		from = today.AddDate(0, 0, -7)
	}
	if to.IsZero() {
		to = today.AddDate(0, 0, 60)
	}
	return from, to
}

// WritePlanICS writes opts.User's plan (the signed-in user's for "") as an
// iCalendar file; it returns how many events it wrote.
func WritePlanICS(ctx context.Context, s *store.Session, w io.Writer, opts ExportOptions) (int, error) {
	user := opts.User
	if user == "" {
		user = s.Me().Name
	}
	from, to := icalPeriod(s.Now(), opts)
	items, err := s.PlanOf(user, from, to)
	if err != nil {
		return 0, err
	}
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropProductID, icalProdID)
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	icalSet(cal.Props, "X-WR-CALNAME", "clientbase: "+user)
	for i := range items {
		if i&255 == 0 && ctx.Err() != nil {
			return 0, ctx.Err()
		}
		cal.Children = append(cal.Children, icalEvent(&items[i]).Component)
	}
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	icalFold(bw, buf.Bytes())
	return len(items), bw.Flush()
}

// icalFold writes the encoder's lines folded at 75 octets (RFC 5545 3.1:
// CRLF and a space), never inside a UTF-8 character, so a strict reader
// takes the long Cyrillic descriptions too.
func icalFold(w *bufio.Writer, data []byte) {
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimRight(line, "\r\n")
		limit := 75
		for len(line) > limit {
			cut := limit
			for cut > 0 && !utf8.RuneStart(line[cut]) {
				cut--
			}
			w.Write(line[:cut])
			w.WriteString("\r\n ")
			line = line[cut:]
			limit = 74 // the space counts
		}
		w.Write(line)
		w.WriteString("\r\n")
	}
}

// icalEvent is one plan item as a VEVENT.
func icalEvent(e *store.PlanExport) *ical.Event {
	p := &e.Item
	ev := ical.NewEvent()
	ev.Props.SetText(ical.PropUID, ICalUID(p.ID))
	stamp := p.UpdatedAt
	if stamp.IsZero() {
		stamp = p.CreatedAt
	}
	if stamp.IsZero() {
		stamp = p.Due
	}
	ev.Props.SetDateTime(ical.PropDateTimeStamp, stamp.UTC())
	ev.Props.SetDateTime(ical.PropLastModified, stamp.UTC())
	icalSet(ev.Props, ical.PropSequence, strconv.FormatUint(p.Version, 10))
	ev.Props.SetDateTime(ical.PropDateTimeStart, p.Due.UTC())
	end := p.Until
	if !end.After(p.Due) {
		end = p.Due.Add(30 * time.Minute)
		if p.Kind == model.PlanVisit {
			end = p.Due.Add(time.Hour)
		}
	}
	ev.Props.SetDateTime(ical.PropDateTimeEnd, end.UTC())

	kind := model.T("exch.views.ical_call")
	if p.Kind == model.PlanVisit {
		kind = model.T("exch.views.ical_visit")
	}
	summary := kind + ": " + e.ClientName
	if p.Purpose != "" {
		summary += " — " + model.T("plan.purpose."+string(p.Purpose))
	}
	if p.Status == model.PlanDone {
		summary += " (" + model.T("exch.views.ical_done") + ")"
	}
	ev.Props.SetText(ical.PropSummary, summary)
	if e.Address != "" {
		ev.Props.SetText(ical.PropLocation, e.Address)
	}
	var desc []string
	desc = append(desc, model.T("exch.views.ical_client", e.ClientName, e.ClientCode))
	if e.Contact != nil {
		desc = append(desc, model.T("exch.views.ical_contact", e.Contact.Name))
	}
	if ph := viewsPhone(e.Phone); ph != "" {
		desc = append(desc, model.T("exch.views.ical_phone", ph))
	}
	if p.Note != "" {
		desc = append(desc, model.T("exch.views.ical_note", p.Note))
	}
	if p.Status == model.PlanCancelled && p.CancelReason != "" {
		desc = append(desc, model.T("exch.views.ical_cancelled", p.CancelReason))
	}
	ev.Props.SetText(ical.PropDescription, strings.Join(desc, "\n"))
	switch p.Status {
	case model.PlanCancelled, model.PlanRescheduled:
		ev.SetStatus(ical.EventCancelled)
	default:
		ev.SetStatus(ical.EventConfirmed)
	}
	switch p.Priority {
	case model.PriorityHigh:
		icalSet(ev.Props, ical.PropPriority, "1")
	case model.PriorityNormal:
		icalSet(ev.Props, ical.PropPriority, "5")
	case model.PriorityLow:
		icalSet(ev.Props, ical.PropPriority, "9")
	}
	if p.Kind != "" {
		ev.Props.SetText(ical.PropCategories, string(p.Kind))
	}
	return ev
}

// icalSet sets a property's value as it is, without the VALUE=TEXT that
// SetText adds to a property whose type is not text (SEQUENCE, PRIORITY
// are integers; calendars read "VALUE=TEXT:5" badly).
func icalSet(props ical.Props, name, value string) {
	p := ical.NewProp(name)
	p.Value = value
	props.Set(p)
}
