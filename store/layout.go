// Package store keeps clientbase's records in one bbolt file: buckets,
// keys, secondary indexes, schema migrations, the audit log and backups.
//
// # Layout (schema 2)
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
//	clients            id → JSON model.Client (ids from the bucket's sequence)
//	idx_client_name    collation key 0x00 id → search.ClientBlob (the value):
//	                   name order for the list, and the source of the search index
//	idx_client_archived id → nil: archived clients (loaded into memory at Open),
//	                   so the list pages over live clients in name order before
//	                   the search index exists, without decoding blobs or records
//	idx_client_taxid   tax id 0x00 id
//	idx_client_phone   E.164 digits (no "+") 0x00 id, one per distinct phone
//	idx_client_email   lower-case e-mail 0x00 id
//	idx_client_skel    model.NameSkeleton(short name) 0x00 id (schema 2)
//	audit              seq → JSON model.AuditEntry (append-only; seq from the sequence)
//	idx_audit_record   kind ("client", "user") 0x00 record id(8) audit seq(8)
//
// The collation key is golang.org/x/text/collate for Lithuanian with case
// ignored (Cyrillic follows the root order, ё next to е; y sorts with i,
// č after c), with trailing common secondary weights trimmed to keep keys short.
//
// # Schema versions
//
//	1  everything above except idx_client_skel
//	2  idx_client_skel (migration 1→2 builds it from the clients)
//
// Files are created with 8 KiB pages (a ~1.3 KB client record wastes little
// of a page) and mapped with a large initial size (a remap would copy every
// node of a big write transaction). BulkLoad appends records and sorted index
// entries to full pages (FillPercent 1.0); the file stays under 1.5× the
// encoded records.
//
// Migrations run in order at Open, one transaction each. A read-only Open of
// an older schema is refused with a sentence (the indexes it lacks are needed
// to answer correctly); a newer schema is refused and the file is not touched.
package store

import "encoding/binary"

// SchemaVersion is the layout this build reads and writes.
const SchemaVersion = 2

var (
	bucketMeta           = []byte("meta")
	bucketUsers          = []byte("users")
	bucketUserName       = []byte("idx_user_name")
	bucketClients        = []byte("clients")
	bucketClientName     = []byte("idx_client_name")
	bucketClientArchived = []byte("idx_client_archived")
	bucketClientTaxID    = []byte("idx_client_taxid")
	bucketClientPhone    = []byte("idx_client_phone")
	bucketClientEmail    = []byte("idx_client_email")
	bucketClientSkeleton = []byte("idx_client_skel")
	bucketAudit          = []byte("audit")
	bucketAuditRecord    = []byte("idx_audit_record")
	keySchema            = []byte("schema")
	keyClientsLive       = []byte("clients_live")
	keyClientsArchived   = []byte("clients_archived")
	keyUsers             = []byte("users")
	schema1Buckets       = [][]byte{bucketMeta, bucketUsers, bucketUserName, bucketClients, bucketClientName, bucketClientArchived, bucketClientTaxID, bucketClientPhone, bucketClientEmail, bucketAudit, bucketAuditRecord}
	clientValueIndexes   = [][]byte{bucketClientTaxID, bucketClientPhone, bucketClientEmail, bucketClientSkeleton}
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
