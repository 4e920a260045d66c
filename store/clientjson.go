package store

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"clientbase/model"
)

// appendClientJSON appends exactly the bytes json.Marshal gives for c,
// without reflection: a bulk load encodes a million clients, and the
// reflective encoder was its largest single cost. When model's types change
// shape (clientShapeKnown), or a time cannot be written the fast way, it
// falls back to json.Marshal, so a new field is never lost.
func appendClientJSON(dst []byte, c *model.Client) ([]byte, error) {
	if !clientShapeKnown || !fastTime(c.CreatedAt) || !fastTime(c.UpdatedAt) || !fastCategoryLog(c.CategoryLog) {
		b, err := json.Marshal(c)
		return append(dst, b...), err
	}
	e := jsonOut{b: dst}
	e.b = append(e.b, `{"id":`...)
	e.uint(uint64(c.ID))
	e.str(`,"short_name":`, c.ShortName)
	e.optStr(`,"full_name":`, c.FullName)
	e.str(`,"kind":`, string(c.Kind))
	e.optStr(`,"tax_country":`, string(c.TaxCountry))
	e.optStr(`,"tax_id":`, c.TaxID)
	e.optStr(`,"kpp":`, c.KPP)
	e.optStr(`,"ogrn":`, c.OGRN)
	e.optStr(`,"legal_address":`, c.LegalAddress)
	e.optStr(`,"actual_address":`, c.ActualAddress)
	e.optStr(`,"city":`, c.City)
	e.optStr(`,"region":`, c.Region)
	e.optStr(`,"branch":`, c.Branch)
	e.phones(`,"phones":`, c.Phones)
	if len(c.Emails) > 0 {
		e.b = append(e.b, `,"emails":[`...)
		for i, m := range c.Emails {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.quote(m)
		}
		e.b = append(e.b, ']')
	}
	e.optStr(`,"fax":`, c.Fax)
	e.optStr(`,"language":`, c.Language)
	e.optStr(`,"time_zone":`, c.TimeZone)
	e.b = append(e.b, `,"call_window":{"from":`...)
	e.int(int64(c.CallWindow.From))
	e.b = append(e.b, `,"to":`...)
	e.int(int64(c.CallWindow.To))
	e.b = append(e.b, '}')
	e.optStr(`,"source":`, string(c.Source))
	e.optStr(`,"manager":`, c.Manager)
	e.optStr(`,"category":`, string(c.Category))
	if len(c.CategoryLog) > 0 {
		e.b = append(e.b, `,"category_log":[`...)
		for i, ch := range c.CategoryLog {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.b = append(e.b, `{"at":`...)
			e.time(ch.At)
			e.str(`,"by":`, ch.By)
			e.str(`,"from":`, string(ch.From))
			e.str(`,"to":`, string(ch.To))
			e.str(`,"reason":`, ch.Reason)
			e.b = append(e.b, '}')
		}
		e.b = append(e.b, ']')
	}
	e.str(`,"status":`, string(c.Status))
	e.b = append(e.b, `,"flags":{`...)
	first := true
	flag := func(name string, v bool) {
		if v {
			if !first {
				e.b = append(e.b, ',')
			}
			first = false
			e.b = append(e.b, name...)
			e.b = append(e.b, "true"...)
		}
	}
	flag(`"key_client":`, c.Flags.KeyClient)
	flag(`"credit_hold":`, c.Flags.CreditHold)
	flag(`"dissatisfied":`, c.Flags.Dissatisfied)
	flag(`"legal_dispute":`, c.Flags.LegalDispute)
	flag(`"do_not_contact":`, c.Flags.DoNotContact)
	e.b = append(e.b, `},"credit_limit":{"minor":`...)
	e.int(c.CreditLimit.Minor)
	e.optStr(`,"currency":`, c.CreditLimit.Currency)
	e.b = append(e.b, '}')
	if c.DeferralDays != 0 {
		e.b = append(e.b, `,"deferral_days":`...)
		e.int(int64(c.DeferralDays))
	}
	e.optStr(`,"price_column":`, c.PriceColumn)
	e.optStr(`,"competitors":`, c.Competitors)
	e.optStr(`,"notes":`, c.Notes)
	if len(c.Contacts) > 0 {
		e.b = append(e.b, `,"contacts":[`...)
		for i := range c.Contacts {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.contact(&c.Contacts[i])
		}
		e.b = append(e.b, ']')
	}
	if c.Archived {
		e.b = append(e.b, `,"archived":true`...)
	}
	e.b = append(e.b, `,"version":`...)
	e.uint(c.Version)
	e.b = append(e.b, `,"created_at":`...)
	e.time(c.CreatedAt)
	e.str(`,"created_by":`, c.CreatedBy)
	e.b = append(e.b, `,"updated_at":`...)
	e.time(c.UpdatedAt)
	e.str(`,"updated_by":`, c.UpdatedBy)
	e.b = append(e.b, '}')
	return e.b, nil
}

type jsonOut struct{ b []byte }

func (e *jsonOut) uint(v uint64) { e.b = strconv.AppendUint(e.b, v, 10) }
func (e *jsonOut) int(v int64)   { e.b = strconv.AppendInt(e.b, v, 10) }

func (e *jsonOut) str(name, v string) {
	e.b = append(e.b, name...)
	e.quote(v)
}

func (e *jsonOut) optStr(name, v string) {
	if v != "" {
		e.str(name, v)
	}
}

func (e *jsonOut) time(t time.Time) {
	e.b = append(e.b, '"')
	e.b = t.AppendFormat(e.b, time.RFC3339Nano)
	e.b = append(e.b, '"')
}

func (e *jsonOut) phones(name string, ps []model.Phone) {
	if len(ps) == 0 {
		return
	}
	e.b = append(e.b, name...)
	e.b = append(e.b, '[')
	for i, p := range ps {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.str(`{"e164":`, p.E164)
		e.optStr(`,"raw":`, p.Raw)
		e.optStr(`,"label":`, p.Label)
		if p.WrongNumber {
			e.b = append(e.b, `,"wrong_number":true`...)
		}
		e.b = append(e.b, '}')
	}
	e.b = append(e.b, ']')
}

func (e *jsonOut) contact(k *model.Contact) {
	e.b = append(e.b, `{"id":`...)
	e.uint(uint64(k.ID))
	e.str(`,"name":`, k.Name)
	e.optStr(`,"position":`, k.Position)
	e.optStr(`,"role":`, string(k.Role))
	e.phones(`,"phones":`, k.Phones)
	e.optStr(`,"email":`, k.Email)
	e.optStr(`,"preferred_channel":`, k.PreferredChan)
	e.optStr(`,"preferred_hours":`, k.PreferredHours)
	if k.Consent {
		e.b = append(e.b, `,"consent":true`...)
	}
	if k.DoNotContact {
		e.b = append(e.b, `,"do_not_contact":true`...)
	}
	if k.Left {
		e.b = append(e.b, `,"left":true`...)
	}
	e.b = append(e.b, '}')
}

const hexDigits = "0123456789abcdef"

// quote writes s as encoding/json does with HTML escaping on.
func (e *jsonOut) quote(s string) {
	b := append(e.b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		// A well-formed two-byte sequence (Cyrillic, Lithuanian letters) is
		// copied as it is; only it can be decoded without a call.
		if c := s[i]; c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	e.b = append(b, '"')
}

// fastTime: times the plain RFC 3339 form writes exactly as MarshalJSON
// does (MarshalJSON refuses years outside 0–9999 and odd offsets).
func fastTime(t time.Time) bool {
	if y := t.Year(); y < 0 || y > 9999 {
		return false
	}
	_, off := t.Zone()
	return off%60 == 0 && off > -24*3600 && off < 24*3600
}

func fastCategoryLog(log []model.CategoryChange) bool {
	for _, ch := range log {
		if !fastTime(ch.At) {
			return false
		}
	}
	return true
}

// clientShape is the field list appendClientJSON writes; clientShapeKnown
// says model's types still have exactly these fields and tags.
const clientShape = `Client{ID:id ShortName:short_name FullName:full_name,omitempty Kind:kind TaxCountry:tax_country,omitempty TaxID:tax_id,omitempty KPP:kpp,omitempty OGRN:ogrn,omitempty LegalAddress:legal_address,omitempty ActualAddress:actual_address,omitempty City:city,omitempty Region:region,omitempty Branch:branch,omitempty Phones:phones,omitempty:Phone{E164:e164 Raw:raw,omitempty Label:label,omitempty WrongNumber:wrong_number,omitempty} Emails:emails,omitempty Fax:fax,omitempty Language:language,omitempty TimeZone:time_zone,omitempty CallWindow:call_window:CallWindow{From:from To:to} Source:source,omitempty Manager:manager,omitempty Category:category,omitempty CategoryLog:category_log,omitempty:CategoryChange{At:at:Time By:by From:from To:to Reason:reason} Status:status Flags:flags:ClientFlags{KeyClient:key_client,omitempty CreditHold:credit_hold,omitempty Dissatisfied:dissatisfied,omitempty LegalDispute:legal_dispute,omitempty DoNotContact:do_not_contact,omitempty} CreditLimit:credit_limit:Money{Minor:minor Currency:currency,omitempty} DeferralDays:deferral_days,omitempty PriceColumn:price_column,omitempty Competitors:competitors,omitempty Notes:notes,omitempty Contacts:contacts,omitempty:Contact{ID:id Name:name Position:position,omitempty Role:role,omitempty Phones:phones,omitempty:Phone{E164:e164 Raw:raw,omitempty Label:label,omitempty WrongNumber:wrong_number,omitempty} Email:email,omitempty PreferredChan:preferred_channel,omitempty PreferredHours:preferred_hours,omitempty Consent:consent,omitempty DoNotContact:do_not_contact,omitempty Left:left,omitempty} Archived:archived,omitempty Meta::Meta{Version:version CreatedAt:created_at:Time CreatedBy:created_by UpdatedAt:updated_at:Time UpdatedBy:updated_by}}`

var clientShapeKnown = shapeOf(reflect.TypeFor[model.Client]()) == clientShape

// shapeOf describes a struct's fields, tags and nested structs.
func shapeOf(t reflect.Type) string {
	for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return ""
	}
	if t == reflect.TypeFor[time.Time]() {
		return "Time"
	}
	var parts []string
	for i := range t.NumField() {
		f := t.Field(i)
		p := f.Name + ":" + f.Tag.Get("json")
		if sub := shapeOf(f.Type); sub != "" {
			p += ":" + sub
		}
		parts = append(parts, p)
	}
	return fmt.Sprintf("%s{%s}", t.Name(), strings.Join(parts, " "))
}

func reflectClientType() reflect.Type { return reflect.TypeFor[model.Client]() }
