package store

import (
	"cmp"
	"context"
	"encoding/binary"
	"slices"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The head's report reads the index summaries alone (complaint_layout.go):
// the period is a range of idx_complaint_received, the "now" figures a walk
// of idx_complaint_queue; no complaint record is decoded. The summary is
// read in place (rawSummary, as the queue reads it) so a year of 100,000
// complaints costs no allocation per entry: the breakdowns are arrays
// indexed by the enum byte codes, owners a map looked up by the owner's bytes.

// reportCheckEvery is how many index entries pass between two looks at ctx.
const reportCheckEvery = 4096

// reportAcc counts one breakdown line.
type reportAcc struct {
	received, satisfied, rejected, justified int
	claimed, paid                            int64
}

func (a *reportAcc) add(r rawSummary, codes *reportCodes) {
	a.received++
	a.claimed += r.claimed()
	if r.status() != codes.closed {
		return
	}
	switch r.decision() {
	case codes.full, codes.partly:
		a.satisfied++
		a.paid += r.satisfied()
	case codes.rejected:
		a.rejected++
	}
	if f := r.flags(); f&complaintJustifiedSet != 0 && f&complaintJustified != 0 {
		a.justified++
	}
}

func (a *reportAcc) line(key, currency string) model.ReportLine {
	return model.ReportLine{Key: key, Received: a.received, Satisfied: a.satisfied, Rejected: a.rejected,
		Claimed: model.Money{Minor: a.claimed, Currency: currency}, Paid: model.Money{Minor: a.paid, Currency: currency},
		Justified: a.justified}
}

// reportCodes are the byte codes the report compares against.
type reportCodes struct {
	closed, waiting, full, partly, rejected byte
}

func newReportCodes() *reportCodes {
	return &reportCodes{
		closed:   enumCode(model.ComplaintClosed, model.ComplaintStatuses),
		waiting:  enumCode(model.ComplaintWaiting, model.ComplaintStatuses),
		full:     enumCode(model.DecisionFull, model.Decisions),
		partly:   enumCode(model.DecisionPartly, model.Decisions),
		rejected: enumCode(model.DecisionRejected, model.Decisions),
	}
}

// ComplaintReport is the head's report for complaints received in [from, to)
// (head and director: model.ActComplaintReport). The "now" figures count
// every open complaint, whenever received. ctx cancels a long walk.
func (s *Session) ComplaintReport(ctx context.Context, from, to time.Time) (model.ComplaintReport, error) {
	r := model.ComplaintReport{From: from, To: to}
	if !model.Can(s.me, model.ActComplaintReport) {
		return r, model.Sentencef(model.ErrForbidden, "complaintreport.forbidden")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	now := s.db.now()
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		r.Currency = departmentCurrency(tx)
		if err := periodFigures(ctx, tx, &r); err != nil {
			return err
		}
		_, cal, err := complaintPolicy(tx)
		if err != nil {
			return err
		}
		return nowFigures(ctx, tx, cal, now, &r)
	})
	if err != nil {
		return model.ComplaintReport{From: from, To: to}, err
	}
	return r, nil
}

// periodFigures walks idx_complaint_received over [r.From, r.To).
func periodFigures(ctx context.Context, tx *bolt.Tx, r *model.ComplaintReport) error {
	b := tx.Bucket(bucketComplaintReceived)
	if b == nil || !r.To.After(r.From) {
		return nil
	}
	codes := newReportCodes()
	var total reportAcc
	var byReason, byFault, byType, byDirection [256]reportAcc
	byOwner := map[string]*reportAcc{}
	var answerSum, slaSum int64
	worst := -1

	start := binary.BigEndian.AppendUint64(nil, unixKey(r.From))
	end := unixKey(r.To)
	if r.To.Before(time.Unix(0, 0)) {
		return nil
	}
	c := b.Cursor()
	n := 0
	for k, v := c.Seek(start); k != nil; k, v = c.Next() {
		if len(k) < 16 || binary.BigEndian.Uint64(k) >= end {
			break
		}
		if n++; n%reportCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		v := rawSummary(v)
		if !v.valid() {
			continue // not a summary this version writes: counted nowhere rather than wrongly
		}
		total.add(v, codes)
		byReason[v.reason()].add(v, codes)
		byFault[v.fault()].add(v, codes)
		byType[v.kind()].add(v, codes)
		byDirection[v.direction()].add(v, codes)
		owner := v.owner()
		a := byOwner[string(owner)] // no allocation: the lookup converts in place
		if a == nil {
			a = &reportAcc{}
			byOwner[string(owner)] = a
		}
		a.add(v, codes)

		if am := v.answerMin(); am > 0 {
			r.Answered++
			answerSum += int64(am)
			slaSum += int64(v.sla())
			if am > worst {
				worst = am
				r.WorstID = model.ID(binary.BigEndian.Uint64(k[len(k)-8:]))
			}
			if v.flags()&complaintAnsweredLate != 0 {
				r.AnsweredLate++
			}
		}
	}
	cur := r.Currency
	r.Total = total.line("", cur)
	r.ByReason = enumLines(&byReason, model.ReasonCodes, cur)
	r.ByFault = enumLines(&byFault, model.FaultParties, cur)
	r.ByType = enumLines(&byType, model.ComplaintTypes, cur)
	r.ByDirection = enumLines(&byDirection, model.ComplaintDirections, cur)
	for owner, a := range byOwner {
		r.ByOwner = append(r.ByOwner, a.line(owner, cur))
	}
	sortLines(r.ByOwner)
	if r.Answered > 0 {
		r.AvgAnswer = time.Duration(answerSum/int64(r.Answered)) * time.Minute
		r.AvgSLA = time.Duration(slaSum/int64(r.Answered)) * time.Minute
		r.WorstAnswer = time.Duration(worst) * time.Minute
	}
	return nil
}

// enumLines turns the accumulators of an enum's byte codes into lines: code
// 0 (not set, e.g. the reason of a complaint not closed yet) has Key "".
func enumLines[T ~string](accs *[256]reportAcc, list []T, cur string) []model.ReportLine {
	var out []model.ReportLine
	for code := range accs {
		if accs[code].received == 0 {
			continue
		}
		var key string
		if code > 0 && code <= len(list) {
			key = string(list[code-1])
		} else if code > len(list) {
			continue // a code from a newer program: not this one's to name
		}
		out = append(out, accs[code].line(key, cur))
	}
	sortLines(out)
	return out
}

// sortLines orders a breakdown by received, most first, then by key.
func sortLines(lines []model.ReportLine) {
	slices.SortFunc(lines, func(a, b model.ReportLine) int {
		return cmp.Or(cmp.Compare(b.Received, a.Received), cmp.Compare(a.Key, b.Key))
	})
}

// nowFigures counts the open complaints of idx_complaint_queue: open, waiting,
// with an open escalation, and overdue at now (not paused, not answered —
// model.ClockStopped — and model.TimeLeft < 0).
func nowFigures(ctx context.Context, tx *bolt.Tx, cal model.WorkCalendar, now time.Time, r *model.ComplaintReport) error {
	b := tx.Bucket(bucketComplaintQueue)
	if b == nil {
		return nil
	}
	codes := newReportCodes()
	var running []uint64 // deadlines (unix) of the open ones not paused
	c := b.Cursor()
	n := 0
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if n++; n%reportCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		v := rawSummary(v)
		if !v.valid() {
			continue
		}
		r.OpenNow++
		if v.status() == codes.waiting {
			r.WaitingNow++
		}
		if v.level() != 0 || len(v.escalated()) > 0 {
			r.EscalatedNow++
		}
		if v.paused() == 0 && !clockStopped[v.status()] { // paused or answered: the clock stands still
			running = append(running, v.deadline())
		}
	}
	// Time left falls as the deadline is earlier, so the overdue ones are a
	// prefix of the sorted deadlines: a binary search asks the calendar
	// log(n) times instead of once per complaint.
	slices.Sort(running)
	r.OverdueNow = sort.Search(len(running), func(i int) bool {
		return model.TimeLeft(cal, unixTime(running[i]), time.Time{}, now) >= 0
	})
	return nil
}
