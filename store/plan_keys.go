package store

import (
	"encoding/binary"
	"time"

	"clientbase/model"
)

// Keys of the call schedule's indexes (layout.go). Plan times are stored as
// Unix seconds; both the single-item writers (plan.go) and the bulk loader
// build index entries through these functions only.

func unixKey(t time.Time) uint64 {
	if t.Before(time.Unix(0, 0)) {
		return 0
	}
	return uint64(t.Unix())
}

// planQueueKey is `assignee 0x00 due(8) priority(1) id(8)`.
func planQueueKey(p *model.PlanItem) []byte {
	k := make([]byte, 0, len(p.Assignee)+18)
	k = append(k, p.Assignee...)
	k = append(k, 0)
	k = binary.BigEndian.AppendUint64(k, unixKey(p.Due))
	k = append(k, byte(p.Priority))
	return binary.BigEndian.AppendUint64(k, uint64(p.ID))
}

// planUserKey is `assignee 0x00 due(8) id(8)`.
func planUserKey(p *model.PlanItem) []byte {
	k := userPrefix(p.Assignee)
	k = binary.BigEndian.AppendUint64(k, unixKey(p.Due))
	return binary.BigEndian.AppendUint64(k, uint64(p.ID))
}

// userPrefix is `assignee 0x00`, the prefix of a person's queue and plan.
func userPrefix(user string) []byte {
	k := make([]byte, 0, len(user)+17)
	k = append(k, user...)
	return append(k, 0)
}

// planUserValue is what a supervisor cell counts: status, kind, off-plan.
func planUserValue(p *model.PlanItem) []byte {
	off := byte(0)
	if p.Origin == model.OriginOffPlan {
		off = 1
	}
	return []byte{planStatusCode(p.Status), planKindCode(p.Kind), off}
}

// planDueKey is `due(8) id(8)`.
func planDueKey(p *model.PlanItem) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, 16), unixKey(p.Due))
	return binary.BigEndian.AppendUint64(k, uint64(p.ID))
}

// planClientKey is `client(8) id(8)`.
func planClientKey(client, id model.ID) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, 16), uint64(client))
	return binary.BigEndian.AppendUint64(k, uint64(id))
}

// ixClientKey is `client(8) at(8) id(8)`.
func ixClientKey(ix *model.Interaction) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, 24), uint64(ix.Client))
	k = binary.BigEndian.AppendUint64(k, unixKey(ix.At))
	return binary.BigEndian.AppendUint64(k, uint64(ix.ID))
}

var planStatusCodes = []model.PlanStatus{model.PlanPlanned, model.PlanDone, model.PlanRescheduled, model.PlanCancelled}

func planStatusCode(s model.PlanStatus) byte {
	for i, v := range planStatusCodes {
		if v == s {
			return byte(i)
		}
	}
	return 0
}

func planStatusOf(b byte) model.PlanStatus {
	if int(b) < len(planStatusCodes) {
		return planStatusCodes[b]
	}
	return model.PlanPlanned
}

func planKindCode(k model.PlanKind) byte {
	if k == model.PlanVisit {
		return 1
	}
	return 0
}
