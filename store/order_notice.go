package store

import (
	"encoding/binary"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// priceNoticeCalls plans one price-change notice call (origin price_change)
// for each client who bought one of v's products in the months before
// today: assigned to the client's manager (the operators' pool when it has
// none), due at the client's next working slot and before v takes effect.
// Clients that are archived are skipped. It returns how many it planned.
func (db *DB) priceNoticeCalls(tx *bolt.Tx, v model.PriceVersion, months int, by string) (int, error) {
	now := db.now()
	products := make(map[model.ID]bool, len(v.Prices))
	for _, e := range v.Prices {
		products[e.Product] = true
	}
	cs, err := settingsTx(tx)
	if err != nil {
		return 0, err
	}
	from := itob(unixKey(now.AddDate(0, -months, 0)))
	seen := map[model.ID]bool{}
	var clients []model.ID
	cur := tx.Bucket(bucketOrderDate).Cursor()
	for k, val := cur.Seek(from); k != nil; k, val = cur.Next() {
		if len(k) != 16 || len(val) < 8 {
			continue
		}
		client := model.ID(binary.BigEndian.Uint64(val))
		if seen[client] {
			continue
		}
		o, err := getOrder(tx, model.ID(binary.BigEndian.Uint64(k[8:])))
		if err != nil {
			return 0, err
		}
		if !bought(o.Status) {
			continue
		}
		for _, l := range o.Lines {
			if products[l.Product] {
				seen[client] = true
				clients = append(clients, client)
				break
			}
		}
	}
	planned := 0
	eff := model.FormatDate(v.Effective, time.Local)
	for _, id := range clients {
		c, err := getClient(tx, id)
		if err != nil {
			return 0, err
		}
		if c.Archived {
			continue
		}
		assignee := c.Manager
		if assignee != "" && !liveUser(tx, assignee) {
			assignee = ""
		}
		due, ok := model.NextCallSlot(cs, model.ClientLocation(cs, c), c.CallWindow, now)
		if !ok || !due.Before(v.Effective) {
			due = now
		}
		p := model.PlanItem{
			Kind: model.PlanCall, Client: c.ID, Assignee: assignee, Due: due, Until: v.Effective,
			Purpose: model.PurposePriceChange, Origin: model.OriginPriceChange,
			Note: model.T("storeorder.notice_note", eff), Ref: "price_version:" + itoa(uint64(v.ID)),
		}
		if !p.Until.After(p.Due) {
			p.Until = time.Time{}
		}
		if err := db.planTx(tx, by, &p); err != nil {
			return 0, err
		}
		planned++
	}
	return planned, nil
}

// bought reports whether an order in status s counts as a purchase.
func bought(s model.OrderStatus) bool {
	switch s {
	case model.OrderDraft, model.OrderAwaitingApproval, model.OrderCreditHold, model.OrderCancelled:
		return false
	}
	return true
}
