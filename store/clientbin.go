package store

import (
	"encoding/binary"
	"errors"
	"time"

	"clientbase/model"
)

// Client records are a compact tagged binary encoding: the byte
// clientBinV1, then for each field that is not zero its tag and value.
// Strings and counts are uvarint-prefixed, numbers varints, true booleans
// their tag alone, times (UTC) unix seconds and nanoseconds; a list is a
// count and its elements, each a run of tags closed by 0. At a million
// clients this is half the bytes of JSON (no field names) and several
// times faster both ways. A record that does not start with clientBinV1 is
// JSON (older files, and the fallback when model.Client changes shape or a
// time is not in UTC), so decode reads both.
const clientBinV1 = 0x01

// Tags of model.Client's fields, in declaration order; Contact, Phone and
// CategoryChange have tags of their own, from 1 as well. Never reuse a tag.
const (
	tcID = iota + 1
	tcShortName
	tcFullName
	tcKind
	tcTaxCountry
	tcTaxID
	tcKPP
	tcOGRN
	tcLegalAddress
	tcActualAddress
	tcCity
	tcRegion
	tcBranch
	tcPhones
	tcEmails
	tcFax
	tcLanguage
	tcTimeZone
	tcCallFrom
	tcCallTo
	tcSource
	tcManager
	tcCategory
	tcCategoryLog
	tcStatus
	tcKeyClient
	tcCreditHold
	tcDissatisfied
	tcLegalDispute
	tcDoNotContact
	tcCreditMinor
	tcCreditCurrency
	tcDeferralDays
	tcPriceColumn
	tcCompetitors
	tcNotes
	tcContacts
	tcArchived
	tcVersion
	tcCreatedAt
	tcCreatedBy
	tcUpdatedAt
	tcUpdatedBy
	tcContactEvery // schema 4: appended, so older records still decode
	tcExternal     // schema 8: the code in 1C or another system
)

const (
	tpE164 = iota + 1
	tpRaw
	tpLabel
	tpWrongNumber
)

const (
	tlAt = iota + 1
	tlBy
	tlFrom
	tlTo
	tlReason
)

const (
	tkID = iota + 1
	tkName
	tkPosition
	tkRole
	tkPhones
	tkEmail
	tkPreferredChan
	tkPreferredHours
	tkConsent
	tkDoNotContact
	tkLeft
)

// appendClientRecord appends c's record: binary, or JSON when the binary
// form cannot carry c exactly (see clientBinV1).
func appendClientRecord(dst []byte, c *model.Client) ([]byte, error) {
	if !clientShapeKnown || !binTime(c.CreatedAt) || !binTime(c.UpdatedAt) || !binCategoryLog(c.CategoryLog) {
		return appendClientJSON(dst, c)
	}
	return appendClientBin(dst, c), nil
}

// binTime: a time the binary form gives back equal (UTC, no monotonic
// reading); the zero time is written as absent.
func binTime(t time.Time) bool {
	return t.IsZero() || t.Location() == time.UTC && t == t.Round(0)
}

func binCategoryLog(log []model.CategoryChange) bool {
	for _, ch := range log {
		if !binTime(ch.At) {
			return false
		}
	}
	return true
}

type binOut struct{ b []byte }

func (e *binOut) str(tag byte, s string) {
	if s != "" {
		e.b = append(e.b, tag)
		e.b = binary.AppendUvarint(e.b, uint64(len(s)))
		e.b = append(e.b, s...)
	}
}

func (e *binOut) uint(tag byte, v uint64) {
	if v != 0 {
		e.b = append(e.b, tag)
		e.b = binary.AppendUvarint(e.b, v)
	}
}

func (e *binOut) int(tag byte, v int64) {
	if v != 0 {
		e.b = append(e.b, tag)
		e.b = binary.AppendVarint(e.b, v)
	}
}

func (e *binOut) bool(tag byte, v bool) {
	if v {
		e.b = append(e.b, tag)
	}
}

func (e *binOut) time(tag byte, t time.Time) {
	if !t.IsZero() {
		e.b = append(e.b, tag)
		e.b = binary.AppendVarint(e.b, t.Unix())
		e.b = binary.AppendUvarint(e.b, uint64(t.Nanosecond()))
	}
}

func (e *binOut) count(tag byte, n int) bool {
	if n == 0 {
		return false
	}
	e.b = append(e.b, tag)
	e.b = binary.AppendUvarint(e.b, uint64(n))
	return true
}

func (e *binOut) phones(tag byte, ps []model.Phone) {
	if e.count(tag, len(ps)) {
		for _, p := range ps {
			e.str(tpE164, p.E164)
			e.str(tpRaw, p.Raw)
			e.str(tpLabel, p.Label)
			e.bool(tpWrongNumber, p.WrongNumber)
			e.b = append(e.b, 0)
		}
	}
}

func appendClientBin(dst []byte, c *model.Client) []byte {
	e := binOut{b: append(dst, clientBinV1)}
	e.uint(tcID, uint64(c.ID))
	e.str(tcShortName, c.ShortName)
	e.str(tcFullName, c.FullName)
	e.str(tcKind, string(c.Kind))
	e.str(tcTaxCountry, string(c.TaxCountry))
	e.str(tcTaxID, c.TaxID)
	e.str(tcKPP, c.KPP)
	e.str(tcOGRN, c.OGRN)
	e.str(tcLegalAddress, c.LegalAddress)
	e.str(tcActualAddress, c.ActualAddress)
	e.str(tcCity, c.City)
	e.str(tcRegion, c.Region)
	e.str(tcBranch, c.Branch)
	e.phones(tcPhones, c.Phones)
	if e.count(tcEmails, len(c.Emails)) {
		for _, m := range c.Emails {
			e.b = binary.AppendUvarint(e.b, uint64(len(m)))
			e.b = append(e.b, m...)
		}
	}
	e.str(tcFax, c.Fax)
	e.str(tcLanguage, c.Language)
	e.str(tcTimeZone, c.TimeZone)
	e.int(tcCallFrom, int64(c.CallWindow.From))
	e.int(tcCallTo, int64(c.CallWindow.To))
	e.str(tcSource, string(c.Source))
	e.str(tcManager, c.Manager)
	e.str(tcCategory, string(c.Category))
	if e.count(tcCategoryLog, len(c.CategoryLog)) {
		for _, ch := range c.CategoryLog {
			e.time(tlAt, ch.At)
			e.str(tlBy, ch.By)
			e.str(tlFrom, string(ch.From))
			e.str(tlTo, string(ch.To))
			e.str(tlReason, ch.Reason)
			e.b = append(e.b, 0)
		}
	}
	e.str(tcStatus, string(c.Status))
	e.bool(tcKeyClient, c.Flags.KeyClient)
	e.bool(tcCreditHold, c.Flags.CreditHold)
	e.bool(tcDissatisfied, c.Flags.Dissatisfied)
	e.bool(tcLegalDispute, c.Flags.LegalDispute)
	e.bool(tcDoNotContact, c.Flags.DoNotContact)
	e.int(tcCreditMinor, c.CreditLimit.Minor)
	e.str(tcCreditCurrency, c.CreditLimit.Currency)
	e.int(tcDeferralDays, int64(c.DeferralDays))
	e.str(tcPriceColumn, c.PriceColumn)
	e.str(tcCompetitors, c.Competitors)
	e.str(tcNotes, c.Notes)
	if e.count(tcContacts, len(c.Contacts)) {
		for i := range c.Contacts {
			k := &c.Contacts[i]
			e.uint(tkID, uint64(k.ID))
			e.str(tkName, k.Name)
			e.str(tkPosition, k.Position)
			e.str(tkRole, string(k.Role))
			e.phones(tkPhones, k.Phones)
			e.str(tkEmail, k.Email)
			e.str(tkPreferredChan, k.PreferredChan)
			e.str(tkPreferredHours, k.PreferredHours)
			e.bool(tkConsent, k.Consent)
			e.bool(tkDoNotContact, k.DoNotContact)
			e.bool(tkLeft, k.Left)
			e.b = append(e.b, 0)
		}
	}
	e.bool(tcArchived, c.Archived)
	e.uint(tcVersion, c.Version)
	e.time(tcCreatedAt, c.CreatedAt)
	e.str(tcCreatedBy, c.CreatedBy)
	e.time(tcUpdatedAt, c.UpdatedAt)
	e.str(tcUpdatedBy, c.UpdatedBy)
	e.int(tcContactEvery, int64(c.ContactEvery))
	e.str(tcExternal, c.External)
	return e.b
}

var errBadRecord = errors.New("store: damaged client record")

// binIn reads a binary record. All strings are cut from one string copy of
// the record: one allocation for every text field.
type binIn struct {
	s   string
	p   int
	err error
}

func (d *binIn) fail() {
	if d.err == nil {
		d.err = errBadRecord
	}
	d.p = len(d.s)
}

func (d *binIn) byte() byte {
	if d.p >= len(d.s) {
		d.fail()
		return 0
	}
	b := d.s[d.p]
	d.p++
	return b
}

func (d *binIn) uvarint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if d.p >= len(d.s) {
			break
		}
		b := d.s[d.p]
		d.p++
		if b < 0x80 {
			if shift == 63 && b > 1 {
				break
			}
			return v | uint64(b)<<shift
		}
		v |= uint64(b&0x7f) << shift
	}
	d.fail()
	return 0
}

func (d *binIn) varint() int64 {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (d *binIn) int() int {
	v := d.varint()
	if int64(int(v)) != v {
		d.fail()
	}
	return int(v)
}

func (d *binIn) str() string {
	n := d.uvarint()
	if n > uint64(len(d.s)-d.p) {
		d.fail()
		return ""
	}
	s := d.s[d.p : d.p+int(n)]
	d.p += int(n)
	return s
}

// count reads a list length; every element takes at least one byte.
func (d *binIn) count() int {
	n := d.uvarint()
	if n == 0 || n > uint64(len(d.s)-d.p) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *binIn) time() time.Time {
	sec := d.varint()
	nsec := d.uvarint()
	if nsec >= 1e9 {
		d.fail()
		return time.Time{}
	}
	t := time.Unix(sec, int64(nsec)).UTC()
	if t.IsZero() { // the zero time is never written
		d.fail()
	}
	return t
}

func (d *binIn) phones() []model.Phone {
	ps := make([]model.Phone, d.count())
	for i := range ps {
		p := &ps[i]
		for t := d.byte(); t != 0 && d.err == nil; t = d.byte() {
			switch t {
			case tpE164:
				p.E164 = d.str()
			case tpRaw:
				p.Raw = d.str()
			case tpLabel:
				p.Label = d.str()
			case tpWrongNumber:
				p.WrongNumber = true
			default:
				d.fail()
			}
		}
	}
	return ps
}

// decodeClientBin reads a record appendClientBin wrote into c.
func decodeClientBin(v []byte, c *model.Client) error {
	if len(v) == 0 || v[0] != clientBinV1 {
		return errBadRecord
	}
	*c = model.Client{}
	d := binIn{s: string(v[1:])}
	for d.p < len(d.s) && d.err == nil {
		switch d.byte() {
		case tcID:
			c.ID = model.ID(d.uvarint())
		case tcShortName:
			c.ShortName = d.str()
		case tcFullName:
			c.FullName = d.str()
		case tcKind:
			c.Kind = model.ClientKind(d.str())
		case tcTaxCountry:
			c.TaxCountry = model.TaxCountry(d.str())
		case tcTaxID:
			c.TaxID = d.str()
		case tcKPP:
			c.KPP = d.str()
		case tcOGRN:
			c.OGRN = d.str()
		case tcLegalAddress:
			c.LegalAddress = d.str()
		case tcActualAddress:
			c.ActualAddress = d.str()
		case tcCity:
			c.City = d.str()
		case tcRegion:
			c.Region = d.str()
		case tcBranch:
			c.Branch = d.str()
		case tcPhones:
			c.Phones = d.phones()
		case tcEmails:
			c.Emails = make([]string, d.count())
			for i := range c.Emails {
				c.Emails[i] = d.str()
			}
		case tcFax:
			c.Fax = d.str()
		case tcLanguage:
			c.Language = d.str()
		case tcTimeZone:
			c.TimeZone = d.str()
		case tcCallFrom:
			c.CallWindow.From = d.int()
		case tcCallTo:
			c.CallWindow.To = d.int()
		case tcSource:
			c.Source = model.Source(d.str())
		case tcManager:
			c.Manager = d.str()
		case tcCategory:
			c.Category = model.Category(d.str())
		case tcCategoryLog:
			c.CategoryLog = make([]model.CategoryChange, d.count())
			for i := range c.CategoryLog {
				ch := &c.CategoryLog[i]
				for t := d.byte(); t != 0 && d.err == nil; t = d.byte() {
					switch t {
					case tlAt:
						ch.At = d.time()
					case tlBy:
						ch.By = d.str()
					case tlFrom:
						ch.From = model.Category(d.str())
					case tlTo:
						ch.To = model.Category(d.str())
					case tlReason:
						ch.Reason = d.str()
					default:
						d.fail()
					}
				}
			}
		case tcStatus:
			c.Status = model.ClientStatus(d.str())
		case tcKeyClient:
			c.Flags.KeyClient = true
		case tcCreditHold:
			c.Flags.CreditHold = true
		case tcDissatisfied:
			c.Flags.Dissatisfied = true
		case tcLegalDispute:
			c.Flags.LegalDispute = true
		case tcDoNotContact:
			c.Flags.DoNotContact = true
		case tcCreditMinor:
			c.CreditLimit.Minor = d.varint()
		case tcCreditCurrency:
			c.CreditLimit.Currency = d.str()
		case tcDeferralDays:
			c.DeferralDays = d.int()
		case tcContactEvery:
			c.ContactEvery = d.int()
		case tcExternal:
			c.External = d.str()
		case tcPriceColumn:
			c.PriceColumn = d.str()
		case tcCompetitors:
			c.Competitors = d.str()
		case tcNotes:
			c.Notes = d.str()
		case tcContacts:
			c.Contacts = make([]model.Contact, d.count())
			for i := range c.Contacts {
				k := &c.Contacts[i]
				for t := d.byte(); t != 0 && d.err == nil; t = d.byte() {
					switch t {
					case tkID:
						k.ID = model.ID(d.uvarint())
					case tkName:
						k.Name = d.str()
					case tkPosition:
						k.Position = d.str()
					case tkRole:
						k.Role = model.ContactRole(d.str())
					case tkPhones:
						k.Phones = d.phones()
					case tkEmail:
						k.Email = d.str()
					case tkPreferredChan:
						k.PreferredChan = d.str()
					case tkPreferredHours:
						k.PreferredHours = d.str()
					case tkConsent:
						k.Consent = true
					case tkDoNotContact:
						k.DoNotContact = true
					case tkLeft:
						k.Left = true
					default:
						d.fail()
					}
				}
			}
		case tcArchived:
			c.Archived = true
		case tcVersion:
			c.Version = d.uvarint()
		case tcCreatedAt:
			c.CreatedAt = d.time()
		case tcCreatedBy:
			c.CreatedBy = d.str()
		case tcUpdatedAt:
			c.UpdatedAt = d.time()
		case tcUpdatedBy:
			c.UpdatedBy = d.str()
		default:
			d.fail()
		}
	}
	if d.err != nil {
		*c = model.Client{}
	}
	return d.err
}

// recordShortName reads the short name from a client record without
// decoding the rest (the binary form writes it first after the id).
func recordShortName(v []byte) (string, bool) {
	if len(v) == 0 || v[0] != clientBinV1 {
		return jsonShortName(v)
	}
	p := 1
	if p < len(v) && v[p] == tcID {
		_, n := binary.Uvarint(v[p+1:])
		if n <= 0 {
			return "", false
		}
		p += 1 + n
	}
	if p >= len(v) || v[p] != tcShortName {
		return "", true
	}
	l, n := binary.Uvarint(v[p+1:])
	if n <= 0 || l > uint64(len(v)-p-1-n) {
		return "", false
	}
	p += 1 + n
	return string(v[p : p+int(l)]), true
}
