// Package store keeps clientbase's records in one bbolt file: buckets,
// keys, secondary indexes, schema migrations, the audit log and backups.
//
// # Layout (schema 8)
//
// Every number in a key is 8-byte big-endian, so byte order is numeric order.
// Index keys are composite, `value 0x00 id`, with nil values unless noted; an
// update deletes the record's old index entries and writes the new ones in the
// same transaction as the record and its audit entry.
//
//	meta               "schema" → uint64 schema version;
//	                   "clients_live", "clients_archived", "users" → uint64 counters
//	                   (the status bar and the list's total never count records)
//	users              id → JSON model.User (ids from the bucket's sequence)
//	idx_user_name      login name → id
//	clients            id → model.Client in the tagged binary form of clientbin.go
//	                   (ids from the bucket's sequence); records written by older
//	                   builds, or that the binary form cannot carry exactly, are
//	                   JSON, and both are read
//	idx_client_name    collation key of model.SortName(short name) 0x00 id →
//	                   search.ClientBlob (the value): name order for the list,
//	                   and the source of the search index
//	idx_client_archived id → nil: archived clients (loaded into memory at Open),
//	                   so the list pages over live clients in name order before
//	                   the search index exists, without decoding blobs or records
//	audit              seq → JSON model.AuditEntry (append-only; seq from the sequence)
//	idx_audit_record   kind ("client", "user", "plan", "interaction", "settings") 0x00 record id(8) audit seq(8)
//
// The call schedule (schema 4). Times in keys are Unix seconds, 8-byte
// big-endian (all plan times are after 1970).
//
//	plan               id → JSON model.PlanItem (ids from the bucket's sequence)
//	interactions       id → JSON model.Interaction (append-only)
//	idx_plan_queue     assignee 0x00 due(8) priority(1) id(8) → holder name ("" free):
//	                   open *call* items only, the operators' pool under assignee "";
//	                   a queue is a prefix scan in due, priority, age order, and
//	                   taking the next call skips held entries without decoding records
//	idx_plan_user      assignee 0x00 due(8) id(8) → [status(1) kind(1) origin off-plan(1)]:
//	                   every item (week view, supervisor counts: a cell is a range scan
//	                   that never decodes a record)
//	idx_plan_due       due(8) id(8) → nil: open items, department-wide (generators,
//	                   overdue lists)
//	idx_plan_client    client(8) id(8) → nil: a client's plan items (timeline,
//	                   recurring contact, open items in the call context)
//	idx_ix_client      client(8) at(8) id(8) → nil: a client's interactions in time
//	                   order (the last five, the pester count, the timeline)
//	meta "call_settings" → JSON model.CallSettings (absent: the defaults);
//	meta "plan_open", "interactions" → uint64 counters;
//	meta "plan_bulk" → plan sequence(8) interactions sequence(8) before a
//	                   plan bulk load under way (absent otherwise); found at
//	                   a writable Open, the ids above them are removed
//
// The collation key is golang.org/x/text/collate for Lithuanian with case
// ignored (Cyrillic follows the root order, ё next to е; y sorts with i,
// č after c), with trailing common secondary weights trimmed to keep keys short.
//
// There are no lookup indexes by tax id, phone, e-mail or name skeleton:
// at a million clients their ~5.5M entries cost a bulk load more than all
// the records, and Duplicates asks the resident search index (which holds
// those values anyway) and confirms each candidate against its record.
//
// # Schema versions
//
//	1  the above plus idx_client_taxid, idx_client_phone, idx_client_email
//	   (value 0x00 id lookup indexes)
//	2  plus idx_client_skel (NameSkeleton 0x00 id); migration 1→2 is now a
//	   no-op, since 2→3 drops that bucket again
//	3  the four lookup buckets gone; migration 2→3 deletes them and rebuilds
//	   idx_client_name (keys and blobs) from the records, so the search index
//	   that Duplicates relies on is complete, and keys are SortName's, whatever
//	   an older build wrote
//	4  the call schedule buckets above; migration 3→4 creates them empty
//	5  orders, products, prices and payments (order_layout.go); 4→5 creates them empty
//	6  complaints (complaint_layout.go); 5→6 creates them empty
//	7  idx_user_key (team.go: SSH key fingerprint → user id, the team
//	   server's sign-in); 6→7 creates it and fills it from the users' keys
//	8  idx_client_ext, idx_product_ext, idx_order_ext (exchange_layout.go:
//	   external codes); 7→8 creates them and fills them from the records
//
// Files are created with 8 KiB pages (a ~0.7 KB client record wastes little
// of a page) and mapped with a large initial size (a remap would copy every
// node of a big write transaction). BulkLoad appends records (transactions
// of ~20,000) and then the sorted name index to full pages (FillPercent 1.0);
// the file stays under 1.5× the encoded records.
//
// Migrations run in order at Open, one transaction each. A read-only Open of
// an older schema is refused with a sentence (the indexes it lacks are needed
// to answer correctly); a newer schema is refused and the file is not touched.
package store

import "encoding/binary"

// SchemaVersion is the layout this build reads and writes.
const SchemaVersion = 8

var (
	bucketMeta           = []byte("meta")
	bucketUsers          = []byte("users")
	bucketUserName       = []byte("idx_user_name")
	bucketClients        = []byte("clients")
	bucketClientName     = []byte("idx_client_name")
	bucketClientArchived = []byte("idx_client_archived")
	bucketAudit          = []byte("audit")
	bucketAuditRecord    = []byte("idx_audit_record")
	bucketPlan           = []byte("plan")
	bucketInteractions   = []byte("interactions")
	bucketPlanQueue      = []byte("idx_plan_queue")
	bucketPlanUser       = []byte("idx_plan_user")
	bucketPlanDue        = []byte("idx_plan_due")
	bucketPlanClient     = []byte("idx_plan_client")
	bucketIxClient       = []byte("idx_ix_client")
	keyCallSettings      = []byte("call_settings")
	keyPlanOpen          = []byte("plan_open")
	keyPlanHeld          = []byte("plan_held") // open calls someone holds; a file from before it has none
	keyPlanBulk          = []byte("plan_bulk")
	keyInteractions      = []byte("interactions")
	keySchema            = []byte("schema")
	keyClientsLive       = []byte("clients_live")
	keyClientsArchived   = []byte("clients_archived")
	keyUsers             = []byte("users")
	schemaBuckets        = [][]byte{bucketMeta, bucketUsers, bucketUserName, bucketClients, bucketClientName, bucketClientArchived, bucketAudit, bucketAuditRecord,
		bucketPlan, bucketInteractions, bucketPlanQueue, bucketPlanUser, bucketPlanDue, bucketPlanClient, bucketIxClient}
	// droppedLookupBuckets are schema 1–2's lookup indexes (migration 2→3).
	droppedLookupBuckets = [][]byte{[]byte("idx_client_taxid"), []byte("idx_client_phone"), []byte("idx_client_email"), []byte("idx_client_skel")}
)

// itob is the 8-byte big-endian form of a number, used for every id key.
func itob(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func btoi(b []byte) uint64 {
	if len(b) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// compositeKey is `value 0x00 id`.
func compositeKey(value []byte, id uint64) []byte {
	k := make([]byte, 0, len(value)+9)
	k = append(k, value...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint64(k, id)
}

// compositeID is the id at the end of a composite key.
func compositeID(k []byte) uint64 {
	if len(k) < 9 {
		return 0
	}
	return binary.BigEndian.Uint64(k[len(k)-8:])
}

// auditRecordKey is `kind 0x00 record(8) seq(8)`: a prefix scan on
// `kind 0x00 record(8)` gives a record's history in order.
func auditRecordKey(kind string, record, seq uint64) []byte {
	k := auditRecordPrefix(kind, record)
	return binary.BigEndian.AppendUint64(k, seq)
}

func auditRecordPrefix(kind string, record uint64) []byte {
	k := make([]byte, 0, len(kind)+17)
	k = append(k, kind...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint64(k, record)
}
