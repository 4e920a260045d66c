package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Complaints (schema 6). Times in keys are Unix seconds, 8-byte big-endian.
//
//	complaints             id → JSON model.Complaint (ids from the sequence; shown as "#id")
//	idx_complaint_queue    rank(1) deadline(8) priority(1) received(8) id(8) → complaintSummary:
//	                       open complaints only, in the order they need work (rank 0 a
//	                       serious incident, 1 the clock running, 2 paused, 3 answered —
//	                       complaintRank): the queue is a prefix-free scan and
//	                       "next complaint" skips owned ones without decoding records
//	idx_complaint_client   client(8) received(8) id(8) → complaintSummary: a client's
//	                       complaints (card, call context, the same-order warning)
//	idx_complaint_received received(8) id(8) → complaintSummary: every complaint by
//	                       received time (the report, the closed list)
//	meta "complaint_settings" → JSON model.ComplaintSettings (absent: the defaults);
//	meta "complaints", "complaints_open" → uint64 counters;
//	meta "complaint_bulk" → the sequence before a bulk load under way;
//	meta "complaint_queue_v2" → set once idx_complaint_queue has the four ranks
//	(files written with two are re-keyed at a writable Open)
//
// A paused complaint keeps its deadline in the queue key: it moves when the
// complaint resumes (model.ResumeDeadline), and the row shows it paused.

var (
	bucketComplaints        = []byte("complaints")
	bucketComplaintQueue    = []byte("idx_complaint_queue")
	bucketComplaintClient   = []byte("idx_complaint_client")
	bucketComplaintReceived = []byte("idx_complaint_received")
	keyComplaintSettings    = []byte("complaint_settings")
	keyComplaints           = []byte("complaints")
	keyComplaintsOpen       = []byte("complaints_open")
	keyComplaintBulk        = []byte("complaint_bulk")
	keyComplaintQueueV2     = []byte("complaint_queue_v2")

	complaintBuckets = [][]byte{bucketComplaints, bucketComplaintQueue, bucketComplaintClient, bucketComplaintReceived}
)

// migrateComplaints creates schema 6's buckets.
func migrateComplaints(tx *bolt.Tx) error {
	for _, name := range complaintBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// Queue ranks: what needs work comes first. A serious incident is on top
// whatever its state; then complaints whose clock runs, then those waiting
// for the client (paused), then the answered ones (model.ClockStopped).
const (
	rankSerious byte = iota
	rankRunning
	rankPaused
	rankAnswered
)

// complaintRank is c's rank byte in the queue key.
func complaintRank(c *model.Complaint) byte {
	switch {
	case c.Serious:
		return rankSerious
	case model.ClockStopped(c.Status):
		return rankAnswered
	case !c.PausedAt.IsZero():
		return rankPaused
	}
	return rankRunning
}

// complaintQueueKey is `rank(1) deadline(8) priority(1) received(8) id(8)`.
func complaintQueueKey(c *model.Complaint) []byte {
	k := make([]byte, 0, 26)
	k = append(k, complaintRank(c))
	k = binary.BigEndian.AppendUint64(k, unixKey(c.Deadline))
	k = append(k, byte(c.Priority))
	k = binary.BigEndian.AppendUint64(k, unixKey(c.Received))
	return binary.BigEndian.AppendUint64(k, uint64(c.ID))
}

// rekeyComplaintQueue rebuilds idx_complaint_queue once with the four ranks
// (a file written when the rank was only serious or not), then sets the
// meta mark complaint_queue_v2. Every complaint's summary is in
// idx_complaint_received, so no record is decoded.
func (db *DB) rekeyComplaintQueue() error {
	if db.ro {
		return nil
	}
	done := false
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		done = tx.Bucket(bucketMeta).Get(keyComplaintQueueV2) != nil
		return nil
	})
	if done {
		return nil
	}
	return db.bolt.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketComplaintQueue); err != nil {
			return err
		}
		q, err := tx.CreateBucket(bucketComplaintQueue)
		if err != nil {
			return err
		}
		cur := tx.Bucket(bucketComplaintReceived).Cursor()
		for k, v := cur.First(); k != nil; k, v = cur.Next() {
			s, ok := decodeSummary(v)
			if !ok || len(k) != 16 {
				return fmt.Errorf("store: idx_complaint_received entry %x has a short summary", k)
			}
			c := model.Complaint{ID: model.ID(btoi(k[8:])), Status: s.Status, Serious: s.Serious, PausedAt: s.PausedAt,
				Deadline: s.Deadline, Priority: s.Priority, Received: s.Received}
			if !c.IsOpen() {
				continue
			}
			if err := q.Put(complaintQueueKey(&c), v); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keyComplaintQueueV2, []byte{1})
	})
}

// complaintClientKey is `client(8) received(8) id(8)`.
func complaintClientKey(c *model.Complaint) []byte {
	k := make([]byte, 0, 24)
	k = binary.BigEndian.AppendUint64(k, uint64(c.Client))
	k = binary.BigEndian.AppendUint64(k, unixKey(c.Received))
	return binary.BigEndian.AppendUint64(k, uint64(c.ID))
}

// complaintReceivedKey is `received(8) id(8)`.
func complaintReceivedKey(c *model.Complaint) []byte {
	k := make([]byte, 0, 16)
	k = binary.BigEndian.AppendUint64(k, unixKey(c.Received))
	return binary.BigEndian.AppendUint64(k, uint64(c.ID))
}

// complaintSummary is the value of the three indexes: what the queue's
// filters, "next complaint" and the head's report need, so none of them
// decodes a record. Layout (fixed part 71 bytes, then two short strings):
//
//	status(1) direction(1) type(1) flags(1) priority(1) decision(1) reason(1)
//	fault(1) remedy(1) level(1) client(8) order(8) deadline(8) paused(8)
//	received(8) claimed minor(8) satisfied minor(8) sla minutes(4)
//	answer minutes(4: working minutes received → first answer, pauses
//	excluded; 0 not answered) — owner len(1) owner, escalated-to len(1) escalated-to,
//	escalators len(1) escalators (absent in summaries written before it: read as none)
//
// Enum bytes are 1 + the index in the model's list (0: none); flags are
// complaintSerious, complaintJustifiedSet, complaintJustified, complaintAnsweredLate.
type complaintSummary struct {
	Status    model.ComplaintStatus
	Direction model.ComplaintDirection
	Type      model.ComplaintType
	Serious   bool
	Justified *bool
	Late      bool // first answer after the deadline
	Priority  model.Priority
	Decision  model.Decision
	Reason    model.ReasonCode
	Fault     model.FaultParty
	Remedy    model.Remedy
	Level     model.Role // the open escalation's rung, "" none
	Client    model.ID
	Order     model.ID
	Deadline  time.Time
	PausedAt  time.Time
	Received  time.Time
	Claimed   int64
	Satisfied int64
	SLA       int // working minutes
	AnswerMin int // working minutes to the first answer, 0 not answered
	Owner     string
	Escalated string // the open escalation's receiver
	// Escalators are who escalated in the open escalation's chain (each
	// step a receiver escalated on), NUL-separated: the lower levels that
	// still see the complaint as theirs until the upper level answers.
	Escalators string
}

const (
	complaintSerious byte = 1 << iota
	complaintJustifiedSet
	complaintJustified
	complaintAnsweredLate
)

const complaintSummaryFixed = 10 + 8*7 + 4 + 4

// enumCode is 1 + v's index in list, 0 when absent.
func enumCode[T comparable](v T, list []T) byte {
	if i := slices.Index(list, v); i >= 0 {
		return byte(i + 1)
	}
	return 0
}

func enumOf[T any](b byte, list []T) T {
	var zero T
	if b == 0 || int(b) > len(list) {
		return zero
	}
	return list[b-1]
}

// summarize builds c's summary; answerMin is the working minutes from
// received to the first answer (pauses excluded), 0 when not answered.
func summarize(c *model.Complaint, answerMin int) complaintSummary {
	s := complaintSummary{Status: c.Status, Direction: c.Direction, Type: c.Type, Serious: c.Serious,
		Priority: c.Priority, Client: c.Client, Order: c.Order, Deadline: c.Deadline, PausedAt: c.PausedAt,
		Received: c.Received, Claimed: c.Claimed.Minor, SLA: c.SLA, AnswerMin: answerMin, Owner: c.Owner,
		// late is fixed at the answer: the deadline may move on later (a
		// pause after the answer, a reopening) and must not make it on time
		Late: answerMin > c.SLA}
	if cl := c.Closing; cl != nil {
		s.Decision, s.Reason, s.Fault, s.Remedy = cl.Decision, cl.Reason, cl.Fault, cl.Remedy
		s.Satisfied = cl.Satisfied.Minor
		s.Justified = cl.Justified
	}
	if e := c.OpenEscalation(); e != nil {
		s.Level, s.Escalated = e.Level, e.To
		s.Escalators = escalators(c.Escalations)
	}
	return s
}

// escalators names who escalated in the chain ending in the open (last)
// escalation: an escalation answered by escalating on belongs to it.
// At most 255 bytes, cut between names.
func escalators(es []model.Escalation) string {
	i := len(es) - 1
	if i < 0 || !es[i].Answered.IsZero() {
		return ""
	}
	var names []string
	n := 0
	for ; i >= 0; i-- {
		by := es[i].By
		if by != "" && !slices.Contains(names, by) {
			if n+len(by)+min(len(names), 1) > 255 {
				break
			}
			n += len(by) + min(len(names), 1)
			names = append(names, by)
		}
		if i == 0 || !es[i-1].EscalatedOn {
			break
		}
	}
	return strings.Join(names, "\x00")
}

// summaryName is name as a summary holds it: at most 255 bytes, cut between
// characters (the queue compares a login with the stored cut, so a longer
// one still matches, and a row never shows half a letter).
func summaryName(name string) string {
	if len(name) <= 255 {
		return name
	}
	n := 255
	for n > 0 && !utf8.RuneStart(name[n]) {
		n--
	}
	return name[:n]
}

func (s *complaintSummary) encode() []byte {
	b := make([]byte, 0, complaintSummaryFixed+2+len(s.Owner)+len(s.Escalated))
	var flags byte
	if s.Serious {
		flags |= complaintSerious
	}
	if s.Justified != nil {
		flags |= complaintJustifiedSet
		if *s.Justified {
			flags |= complaintJustified
		}
	}
	if s.Late {
		flags |= complaintAnsweredLate
	}
	b = append(b, enumCode(s.Status, model.ComplaintStatuses), enumCode(s.Direction, model.ComplaintDirections),
		enumCode(s.Type, model.ComplaintTypes), flags, byte(s.Priority), enumCode(s.Decision, model.Decisions),
		enumCode(s.Reason, model.ReasonCodes), enumCode(s.Fault, model.FaultParties), enumCode(s.Remedy, model.Remedies),
		enumCode(s.Level, model.Roles))
	for _, v := range []uint64{uint64(s.Client), uint64(s.Order), unixKey(s.Deadline), unixKey(s.PausedAt),
		unixKey(s.Received), uint64(s.Claimed), uint64(s.Satisfied)} {
		b = binary.BigEndian.AppendUint64(b, v)
	}
	b = binary.BigEndian.AppendUint32(b, uint32(s.SLA))
	b = binary.BigEndian.AppendUint32(b, uint32(s.AnswerMin))
	for _, name := range [3]string{summaryName(s.Owner), summaryName(s.Escalated), summaryName(s.Escalators)} {
		b = append(b, byte(len(name)))
		b = append(b, name...)
	}
	return b
}

// decodeSummary reads a summary back; ok is false for a short value.
func decodeSummary(b []byte) (s complaintSummary, ok bool) {
	if len(b) < complaintSummaryFixed+2 {
		return s, false
	}
	s.Status = enumOf(b[0], model.ComplaintStatuses)
	s.Direction = enumOf(b[1], model.ComplaintDirections)
	s.Type = enumOf(b[2], model.ComplaintTypes)
	flags := b[3]
	s.Serious = flags&complaintSerious != 0
	if flags&complaintJustifiedSet != 0 {
		j := flags&complaintJustified != 0
		s.Justified = &j
	}
	s.Late = flags&complaintAnsweredLate != 0
	s.Priority = model.Priority(b[4])
	s.Decision = enumOf(b[5], model.Decisions)
	s.Reason = enumOf(b[6], model.ReasonCodes)
	s.Fault = enumOf(b[7], model.FaultParties)
	s.Remedy = enumOf(b[8], model.Remedies)
	s.Level = enumOf(b[9], model.Roles)
	u := func(i int) uint64 { return binary.BigEndian.Uint64(b[10+8*i:]) }
	s.Client, s.Order = model.ID(u(0)), model.ID(u(1))
	s.Deadline, s.PausedAt, s.Received = unixTime(u(2)), unixTime(u(3)), unixTime(u(4))
	s.Claimed, s.Satisfied = int64(u(5)), int64(u(6))
	p := 10 + 8*7
	s.SLA = int(binary.BigEndian.Uint32(b[p:]))
	s.AnswerMin = int(binary.BigEndian.Uint32(b[p+4:]))
	p += 8
	n := int(b[p])
	if len(b) < p+1+n+1 {
		return s, false
	}
	s.Owner = string(b[p+1 : p+1+n])
	p += 1 + n
	m := int(b[p])
	if len(b) < p+1+m {
		return s, false
	}
	s.Escalated = string(b[p+1 : p+1+m])
	p += 1 + m
	if len(b) == p {
		return s, true // written before the escalators
	}
	if l := int(b[p]); len(b) >= p+1+l {
		s.Escalators = string(b[p+1 : p+1+l])
		return s, true
	}
	return s, false
}

// clockStopped is model.ClockStopped by status byte code: an answered
// complaint is past its deadline's business, so never overdue.
var clockStopped = func() (out [256]bool) {
	for _, st := range model.ComplaintStatuses {
		out[enumCode(st, model.ComplaintStatuses)] = model.ClockStopped(st)
	}
	return out
}()

// rawSummary reads an encoded summary's fields in place, for scans that
// decide on most entries without decoding them (no allocation).
type rawSummary []byte

// valid reports whether r holds the fixed part and its strings (the
// escalators may be absent: a summary written before them).
func (r rawSummary) valid() bool {
	if len(r) < complaintSummaryFixed+2 {
		return false
	}
	p := complaintSummaryFixed + 1 + int(r[complaintSummaryFixed]) // escalated's length byte
	if len(r) <= p || len(r) < p+1+int(r[p]) {
		return false
	}
	p += 1 + int(r[p]) // escalators' length byte
	return len(r) == p || len(r) >= p+1+int(r[p])
}

func (r rawSummary) status() byte    { return r[0] }
func (r rawSummary) direction() byte { return r[1] }
func (r rawSummary) kind() byte      { return r[2] }
func (r rawSummary) flags() byte     { return r[3] }
func (r rawSummary) decision() byte  { return r[5] }
func (r rawSummary) reason() byte    { return r[6] }
func (r rawSummary) fault() byte     { return r[7] }
func (r rawSummary) level() byte     { return r[9] }
func (r rawSummary) u64(i int) uint64 {
	return binary.BigEndian.Uint64(r[10+8*i:])
}
func (r rawSummary) deadline() uint64 { return r.u64(2) }
func (r rawSummary) paused() uint64   { return r.u64(3) }
func (r rawSummary) claimed() int64   { return int64(r.u64(5)) }
func (r rawSummary) satisfied() int64 { return int64(r.u64(6)) }
func (r rawSummary) sla() int         { return int(binary.BigEndian.Uint32(r[10+8*7:])) }
func (r rawSummary) answerMin() int   { return int(binary.BigEndian.Uint32(r[10+8*7+4:])) }

// owner and escalated are the two strings (valid summaries only).
func (r rawSummary) owner() []byte {
	n := int(r[complaintSummaryFixed])
	return r[complaintSummaryFixed+1 : complaintSummaryFixed+1+n]
}

func (r rawSummary) escalated() []byte {
	p := complaintSummaryFixed + 1 + int(r[complaintSummaryFixed])
	return r[p+1 : p+1+int(r[p])]
}

// escalators is Escalators (empty in a summary written before them).
func (r rawSummary) escalators() []byte {
	p := complaintSummaryFixed + 1 + int(r[complaintSummaryFixed])
	p += 1 + int(r[p])
	if len(r) == p {
		return nil
	}
	return r[p+1 : p+1+int(r[p])]
}

// hasName reports whether the NUL-separated list names name.
func hasName(list, name []byte) bool {
	for len(list) > 0 {
		n, rest, _ := bytes.Cut(list, []byte{0})
		if bytes.Equal(n, name) {
			return true
		}
		list = rest
	}
	return false
}
