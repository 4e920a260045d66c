package store

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"clientbase/model"
)

// Fallbacks until model.DiffClients and model.ApplyCategoryChange land.

// diffClients lists the top-level fields whose JSON differs, old → new.
func diffClients(old, new *model.Client) []model.FieldChange {
	o, n := fieldsOf(old), fieldsOf(new)
	names := map[string]bool{}
	for k := range o {
		names[k] = true
	}
	for k := range n {
		names[k] = true
	}
	var out []model.FieldChange
	for k := range names {
		switch k {
		case "version", "created_at", "created_by", "updated_at", "updated_by", "id":
			continue
		}
		if o[k] != n[k] {
			out = append(out, model.FieldChange{Field: k, Old: o[k], New: n[k]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

func fieldsOf(c *model.Client) map[string]string {
	out := map[string]string{}
	if c == nil {
		return out
	}
	b, _ := json.Marshal(c)
	var m map[string]json.RawMessage
	_ = json.Unmarshal(b, &m)
	for k, v := range m {
		s := string(v)
		var str string
		if json.Unmarshal(v, &str) == nil {
			s = str
		}
		switch s {
		case "null", "{}", "[]", "false", "0":
			s = ""
		}
		if strings.HasPrefix(k, "call_window") && s == `{"from":0,"to":0}` {
			s = ""
		}
		out[k] = s
	}
	return out
}

// applyCategoryChange sets c's category and appends the dated entry.
func applyCategoryChange(c *model.Client, to model.Category, by, reason string, at time.Time) {
	c.CategoryLog = append(c.CategoryLog, model.CategoryChange{At: at, By: by, From: c.Category, To: to, Reason: reason})
	c.Category = to
}
