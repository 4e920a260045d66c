package exchange

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/emersion/go-vcard"

	"clientbase/model"
	"clientbase/store"
)

// vCard: the contact persons as cards a phone or a mail client reads, one
// card per contact, the company as ORG.
//
// Every contact is written, those who left or must not be contacted too
// (a NOTE says so in words and X-CLIENTBASE-LEFT / X-CLIENTBASE-DO-NOT-
// CONTACT keep it for a re-import): a phone book that silently lost them
// would be re-imported as "nothing changed" and the marks would be lost.
//
// A card's UID is "clientbase-contact-<client id>-<contact id>@clientbase"
// so a re-export updates the cards a phone holds; X-CLIENTBASE-CLIENT holds
// the client's external code (or "cb:<id>") and X-CLIENTBASE-TAX-ID its tax
// id, so an import finds the client again in this or another database.
// REV is not written: a re-export of the same data is the same file.
// Archived clients' contacts are written too (an import into another
// database needs them; the card's client code says which client).

const (
	vcardUIDPrefix = "clientbase-contact-"
	vcardUIDHost   = "@clientbase"
	vcardClient    = "X-CLIENTBASE-CLIENT"
	vcardTaxID     = "X-CLIENTBASE-TAX-ID"
	vcardRole      = "X-CLIENTBASE-ROLE"
	vcardLeft      = "X-CLIENTBASE-LEFT"
	vcardDNC       = "X-CLIENTBASE-DO-NOT-CONTACT"
)

// VCard versions the exporter writes.
const (
	VCard3 = "3.0"
	VCard4 = "4.0"
)

func init() {
	// The contacts' CSV exporter is contacts.go's (registered before this
	// file's init: files initialise in name order); the vCard writer joins it.
	ex := exporters[Contacts]
	ex.write = func(ctx context.Context, s *store.Session, opts ExportOptions, w io.Writer) (int, error) {
		if opts.Format != VCard {
			return 0, model.Sentencef(nil, "exch.views.format", opts.Format, Contacts, " or vcard")
		}
		return WriteVCards(ctx, s, w, VCard3)
	}
	exporters[Contacts] = ex
}

// phone labels ↔ vCard TEL types.
var vcardPhoneTypes = []struct{ label, typ string }{
	{"mobile", vcard.TypeCell},
	{"office", vcard.TypeWork},
	{"work", vcard.TypeWork},
	{"home", vcard.TypeHome},
	{"fax", vcard.TypeFax},
}

func vcardPhoneType(label string) string {
	l := strings.ToLower(strings.TrimSpace(label))
	for _, t := range vcardPhoneTypes {
		if t.label == l {
			return t.typ
		}
	}
	return vcard.TypeVoice
}

func vcardPhoneLabel(types []string) string {
	for _, typ := range types {
		for _, part := range strings.Split(typ, ",") {
			part = strings.ToLower(strings.TrimSpace(part))
			for _, t := range vcardPhoneTypes {
				if t.typ == part {
					return t.label
				}
			}
		}
	}
	return ""
}

// VCardUID is the stable UID of contact k of client c.
func VCardUID(client, contact model.ID) string {
	return vcardUIDPrefix + strconv.FormatUint(uint64(client), 10) + "-" + strconv.FormatUint(uint64(contact), 10) + vcardUIDHost
}

// parseVCardUID reads back VCardUID; ok false for another UID.
func parseVCardUID(uid string) (client, contact model.ID, ok bool) {
	rest, found := strings.CutPrefix(strings.TrimSpace(uid), vcardUIDPrefix)
	if !found {
		return 0, 0, false
	}
	rest, found = strings.CutSuffix(rest, vcardUIDHost)
	if !found {
		return 0, 0, false
	}
	a, b, found := strings.Cut(rest, "-")
	if !found {
		return 0, 0, false
	}
	x, err1 := strconv.ParseUint(a, 10, 64)
	y, err2 := strconv.ParseUint(b, 10, 64)
	return model.ID(x), model.ID(y), err1 == nil && err2 == nil && x > 0 && y > 0
}

// vcardName splits a full name into N's parts: three words are Russian
// order (family, given, patronymic), two are given and family.
func vcardName(full string) *vcard.Name {
	w := strings.Fields(strings.ReplaceAll(full, ";", ",")) // the library does not escape N's separator
	n := &vcard.Name{}
	switch len(w) {
	case 0:
	case 1:
		n.GivenName = w[0]
	case 2:
		n.GivenName, n.FamilyName = w[0], w[1]
	case 3:
		n.FamilyName, n.GivenName, n.AdditionalName = w[0], w[1], w[2]
	default:
		n.GivenName, n.FamilyName = strings.Join(w[:len(w)-1], " "), w[len(w)-1]
	}
	return n
}

// vcardContactCard is contact k of client c as a card of version.
func vcardContactCard(c *model.Client, k *model.Contact, version string) vcard.Card {
	card := vcard.Card{}
	card.SetValue(vcard.FieldVersion, VCard3)
	card.SetValue(vcard.FieldUID, VCardUID(c.ID, k.ID))
	card.SetValue(vcard.FieldFormattedName, k.Name)
	card.AddName(vcardName(k.Name))
	card.SetValue(vcard.FieldOrganization, c.ShortName)
	if k.Position != "" {
		card.SetValue(vcard.FieldTitle, k.Position)
	}
	for _, p := range k.Phones {
		v := p.E164
		if v == "" {
			v = p.Raw
		}
		if v == "" || p.WrongNumber {
			continue
		}
		card.Add(vcard.FieldTelephone, &vcard.Field{Value: v, Params: vcard.Params{vcard.ParamType: {vcardPhoneType(p.Label)}}})
	}
	if k.Email != "" {
		typ := vcard.TypeWork
		if version == VCard3 {
			typ = "INTERNET"
		}
		card.Add(vcard.FieldEmail, &vcard.Field{Value: k.Email, Params: vcard.Params{vcard.ParamType: {typ}}})
	}
	var notes []string
	if k.Left {
		notes = append(notes, model.T("exch.views.vcard_left"))
		card.SetValue(vcardLeft, "yes")
	}
	if k.DoNotContact {
		notes = append(notes, model.T("exch.views.vcard_dnc"))
		card.SetValue(vcardDNC, "yes")
	}
	if len(notes) > 0 {
		card.SetValue(vcard.FieldNote, strings.Join(notes, " "))
	}
	if k.Role != "" {
		card.SetValue(vcardRole, string(k.Role))
	}
	card.SetValue(vcardClient, store.ExternalOrOwn(c))
	if c.TaxID != "" {
		card.SetValue(vcardTaxID, c.TaxID)
	}
	if version == VCard4 {
		vcard.ToV4(card)
	}
	return card
}

// WriteVCards writes every contact person as a vCard of version (VCard3 or
// VCard4), clients in id order and their contacts in the card's order; it
// returns how many cards it wrote. A bulk export: data.export.
func WriteVCards(ctx context.Context, s *store.Session, w io.Writer, version string) (int, error) {
	if version == "" {
		version = VCard3
	}
	if version != VCard3 && version != VCard4 {
		return 0, model.Sentencef(nil, "exch.views.vcard_version", version)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := vcard.NewEncoder(bw)
	n := 0
	err := s.EachContactClient(ctx, func(c *model.Client) error {
		for i := range c.Contacts {
			if err := enc.Encode(vcardContactCard(c, &c.Contacts[i], version)); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// vcardChunk is one card's text as the file holds it and the line it starts on.
type vcardChunk struct {
	line int
	text []byte
}

// splitVCards cuts a file into its cards (BEGIN:VCARD … END:VCARD), so a
// card the decoder cannot read is rejected alone; text between cards is
// ignored. An unclosed last card is kept (and is rejected as unreadable).
func splitVCards(data []byte) []vcardChunk {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var out []vcardChunk
	var cur *vcardChunk
	depth := 0
	line := 0
	for len(data) > 0 {
		line++
		l := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		t := strings.ToUpper(string(bytes.TrimSpace(l)))
		if cur == nil {
			if t == "BEGIN:VCARD" {
				out = append(out, vcardChunk{line: line})
				cur = &out[len(out)-1]
				depth = 1
				cur.text = append(cur.text, l...)
			}
			continue
		}
		cur.text = append(cur.text, l...)
		switch t {
		case "BEGIN:VCARD":
			depth++ // an embedded card (AGENT) stays in its card
		case "END:VCARD":
			if depth--; depth == 0 {
				cur = nil
			}
		}
	}
	return out
}

// vcardLine is a card read: its place in the file and what to import.
type vcardLine struct {
	card, line int
	key        string
	action     model.ImportAction
	imp        store.ContactImport
	err        error
}

// ImportVCard reads a file of vCards (3.0 or 4.0, and the 2.1 of Android's
// export: vcard_compat.go) into contact persons. A card's client is found by
// X-CLIENTBASE-CLIENT (an external code or the export's "cb:<id>"), else
// by ORG when exactly one client has that short name, else by
// X-CLIENTBASE-TAX-ID; a card matching none is rejected with a sentence.
// Within the client the contact is found by the card's UID (written by
// the export), else by name, else by a phone they share, and updated
// (position, phones, e-mail: the fields the card has) instead of added
// twice. A contact renamed in the phone keeps its name here (the UID
// finds it). Needs data.import; dry: nothing is written.
func ImportVCard(ctx context.Context, s *store.Session, r io.Reader, opts ImportOptions) (model.ImportReport, error) {
	rep := model.ImportReport{Kind: string(Contacts), File: opts.File, DryRun: opts.DryRun, Encoding: "utf-8"}
	if !model.Can(s.Me(), model.ActDataImport) {
		_, err := s.ImportContacts(nil, true) // the store's refusal, with its sentence
		if err == nil {
			err = model.ErrForbidden
		}
		return rep, err
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return rep, err
	}
	data, rep.Encoding = vcardUTF8(data)
	chunks := splitVCards(data)
	lines := make([]vcardLine, len(chunks))
	r2 := vcardResolver{s: s, named: map[string][]model.Client{}, coded: map[string]*model.Client{}}
	for i, ch := range chunks {
		if i&255 == 0 && ctx.Err() != nil {
			return rep, ctx.Err()
		}
		lines[i] = r2.read(i+1, ch)
	}
	rep.Rows = len(lines)
	batch := opts.BatchSize
	if batch <= 0 {
		batch = 5000
	}
	var imps []store.ContactImport
	var at []int
	flush := func() error {
		if len(imps) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil { // between batches: what is written stays
			return err
		}
		res, err := s.ImportContacts(imps, opts.DryRun)
		if err != nil {
			return err
		}
		for j, r := range res {
			l := &lines[at[j]]
			if r.Action == model.ImportReject {
				l.err = r.Err
				if l.err == nil {
					l.err = errors.New("rejected")
				}
				continue
			}
			l.action = r.Action
		}
		imps, at = imps[:0], at[:0]
		return nil
	}
	for i := range lines {
		if lines[i].err != nil {
			continue
		}
		imps = append(imps, lines[i].imp)
		at = append(at, i)
		if len(imps) >= batch {
			if err := flush(); err != nil {
				return rep, err
			}
		}
	}
	if err := flush(); err != nil {
		return rep, err
	}
	kept := map[model.ImportAction]int{}
	for _, l := range lines {
		il := model.ImportLine{Line: l.line, Key: l.key, Action: l.action}
		if l.err != nil {
			il.Action = model.ImportReject
			il.Reason = vcardReason(l, l.err)
		}
		switch il.Action {
		case model.ImportCreate:
			rep.Created++
		case model.ImportUpdate:
			rep.Updated++
		case model.ImportUnchanged:
			rep.Unchanged++
		case model.ImportReject:
			rep.Rejected++
		}
		if il.Action == model.ImportReject || kept[il.Action] < opts.Preview {
			kept[il.Action]++
			rep.Lines = append(rep.Lines, il)
		}
	}
	return rep, nil
}

// vcardReason is a rejected card's sentence, naming the card and its line.
func vcardReason(l vcardLine, err error) string {
	msg := err.Error()
	var ve *model.ValidationError
	if errors.As(err, &ve) { // the card's field, not the form's
		var parts []string
		for _, f := range slices.Sorted(maps.Keys(ve.Fields)) {
			name := f
			switch {
			case strings.Contains(f, "phones"):
				name = "TEL"
			case strings.Contains(f, "email"):
				name = "EMAIL"
			case strings.Contains(f, "name"):
				name = "FN"
			case strings.Contains(f, "position"):
				name = "TITLE"
			}
			parts = append(parts, name+": "+ve.Fields[f])
		}
		msg = strings.Join(parts, " ")
	}
	if strings.HasPrefix(msg, fmt.Sprintf("card %d ", l.card)) {
		return msg
	}
	return model.T("exch.views.vcard_rejected", l.card, l.line, msg)
}

// vcardResolver finds the clients cards name, with caches (a phone book
// holds many cards of one company).
type vcardResolver struct {
	s     *store.Session
	named map[string][]model.Client
	coded map[string]*model.Client
}

func (vr *vcardResolver) byCode(code string) (*model.Client, error) {
	k := strings.ToLower(strings.TrimSpace(code))
	if c, ok := vr.coded[k]; ok {
		return c, nil
	}
	c, err := vr.s.ClientByCode(code)
	if err == nil {
		vr.coded[k] = c
	}
	return c, err
}

func (vr *vcardResolver) byName(name string) ([]model.Client, error) {
	k := strings.ToLower(strings.Join(strings.Fields(name), " "))
	if cs, ok := vr.named[k]; ok {
		return cs, nil
	}
	cs, err := vr.s.ClientsNamed(name, 5)
	if err == nil {
		vr.named[k] = cs
	}
	return cs, err
}

func vcardText(card vcard.Card, k string) string {
	if f := card.Get(k); f != nil {
		return strings.TrimSpace(f.Value)
	}
	return ""
}

// read turns one card into a contact row of its client, or a reason.
func (vr *vcardResolver) read(n int, ch vcardChunk) (out vcardLine) {
	out = vcardLine{card: n, line: ch.line}
	defer func() {
		if p := recover(); p != nil { // the decoder on a card it was not written for
			out.err = model.Sentencef(nil, "exch.views.vcard_bad", n, ch.line, fmt.Sprint(p))
		}
	}()
	card, err := vcard.NewDecoder(bytes.NewReader(vcardPrepare(ch.text))).Decode()
	if err != nil {
		out.err = model.Sentencef(nil, "exch.views.vcard_bad", n, ch.line, strings.TrimPrefix(err.Error(), "vcard: "))
		return out
	}
	vcardDecodeQP(card)
	name := strings.Join(strings.Fields(vcardText(card, vcard.FieldFormattedName)), " ")
	if name == "" {
		if nm := card.Name(); nm != nil {
			var parts []string
			if nm.AdditionalName != "" {
				parts = []string{nm.FamilyName, nm.GivenName, nm.AdditionalName}
			} else {
				parts = []string{nm.HonorificPrefix, nm.GivenName, nm.FamilyName, nm.HonorificSuffix}
			}
			name = strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
		}
	}
	out.key = name
	if name == "" {
		out.err = model.Sentencef(nil, "exch.views.vcard_no_name", n, ch.line)
		return out
	}
	code, tax := vcardText(card, vcardClient), vcardText(card, vcardTaxID)
	org, company := "", ""
	if f := card.Get(vcard.FieldOrganization); f != nil {
		org = strings.TrimSpace(f.Value)      // a name with ";" (the library writes it unescaped)
		company, _, _ = strings.Cut(org, ";") // else ORG: company;unit
		company = strings.TrimSpace(company)
	}
	var client *model.Client
	if code != "" {
		if client, err = vr.byCode(code); err != nil {
			out.err = err
			return out
		}
	}
	if client == nil && org != "" {
		cs, err := vr.byName(org)
		if err == nil && len(cs) == 0 && company != org && company != "" {
			org = company
			cs, err = vr.byName(org)
		}
		if err != nil {
			out.err = err
			return out
		}
		switch {
		case len(cs) == 1:
			client = &cs[0]
		case len(cs) > 1 && tax == "":
			out.err = model.Sentencef(nil, "exch.views.vcard_ambiguous", n, ch.line, len(cs), org)
			return out
		}
	}
	imp := store.ContactImport{ClientTaxID: tax}
	if client == nil && tax == "" {
		out.err = model.Sentencef(nil, "exch.views.vcard_no_client", n, ch.line, code, org)
		return out
	}
	k := &imp.Contact
	k.Name = name
	if card.Get(vcard.FieldTitle) != nil {
		k.Position = vcardText(card, vcard.FieldTitle)
		imp.Carries |= store.CKPosition
	}
	for _, f := range card[vcard.FieldTelephone] {
		v := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(f.Value), "tel:"))
		if v == "" {
			continue
		}
		k.Phones = append(k.Phones, model.Phone{Raw: v, Label: vcardPhoneLabel(f.Params.Types())})
		imp.Carries |= store.CKPhones
	}
	if e := vcardText(card, vcard.FieldEmail); e != "" || card.Get(vcard.FieldEmail) != nil {
		if e != "" {
			if err := model.ValidateEmail(e); err != nil {
				out.err = model.Sentencef(nil, "exch.views.vcard_email", n, ch.line, e, vcardSentence(err))
				return out
			}
		}
		k.Email = e
		imp.Carries |= store.CKEmail
	}
	if role := vcardText(card, vcardRole); role != "" {
		if r, err := parseRole(role); err == nil {
			k.Role = r
			imp.Carries |= store.CKRole
		}
	}
	if code != "" { // a card clientbase wrote: its marks are all there
		k.Left = vcardYes(vcardText(card, vcardLeft))
		k.DoNotContact = vcardYes(vcardText(card, vcardDNC))
		imp.Carries |= store.CKLeft | store.CKDoNotContact
	}
	if client != nil {
		imp.ClientExternal = store.ExternalOrOwn(client)
		k.Name = vcardMatchName(client, card, k)
	}
	out.imp = imp
	return out
}

func vcardYes(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "yes", "1", "true", "да":
		return true
	}
	return false
}

// vcardSentence is err as a sentence without a final dot (for a reason
// inside another sentence).
func vcardSentence(err error) string {
	return strings.TrimSuffix(err.Error(), ".")
}

// vcardMatchName is the stored name of the contact of c the card is
// about (by UID, else by name, else by a phone they share), else the
// card's name (a new contact). The store then matches by that name.
func vcardMatchName(c *model.Client, card vcard.Card, k *model.Contact) string {
	if cid, kid, ok := parseVCardUID(vcardText(card, vcard.FieldUID)); ok && cid == c.ID {
		for _, o := range c.Contacts {
			if o.ID == kid {
				return o.Name
			}
		}
	}
	key := strings.ToLower(strings.Join(strings.Fields(k.Name), " "))
	for _, o := range c.Contacts {
		if strings.ToLower(strings.Join(strings.Fields(o.Name), " ")) == key {
			return o.Name
		}
	}
	country := "RU"
	if c.TaxCountry == model.TaxLT {
		country = "LT"
	}
	for _, p := range k.Phones {
		pp, err := model.ParsePhone(p.Raw, country)
		if err != nil || pp.E164 == "" {
			continue
		}
		for _, o := range c.Contacts {
			for _, op := range o.Phones {
				if op.E164 == pp.E164 {
					return o.Name
				}
			}
		}
	}
	return k.Name
}
