package clientcard

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/components/form"
)

// Field keys of the client form: the validation keys of model.PrepareClient
// where there is one, so its errors land under the right field.
const (
	fShortName    = "short_name"
	fFullName     = "full_name"
	fKind         = "kind"
	fTaxCountry   = "tax_country"
	fTaxID        = "tax_id"
	fKPP          = "kpp"
	fOGRN         = "ogrn"
	fLegalAddr    = "legal_address"
	fActualAddr   = "actual_address"
	fCity         = "city"
	fPhones       = "phones"
	fEmails       = "emails"
	fFax          = "fax"
	fLanguage     = "language"
	fTimeZone     = "time_zone"
	fCallWindow   = "call_window"
	fRegion       = "region"
	fBranch       = "branch"
	fSource       = "source"
	fManager      = "manager"
	fCategory     = "category"
	fReason       = "category_reason"
	fStatus       = "status"
	fKeyClient    = "flags.key_client"
	fCreditHold   = "flags.credit_hold"
	fDissatisfied = "flags.dissatisfied"
	fLegalDispute = "flags.legal_dispute"
	fDoNotContact = "flags.do_not_contact"
	fCreditLimit  = "credit_limit"
	fDeferral     = "deferral_days"
	fContactEvery = "contact_every"
	fPriceColumn  = "price_column"
	fCompetitors  = "competitors"
	fNotes        = "notes"
)

// Field keys of the contact form; "contacts.N.<key>" errors map onto them.
const (
	cName     = "name"
	cPosition = "position"
	cRole     = "role"
	cPhones   = "phones"
	cEmail    = "email"
	cChannel  = "preferred_channel"
	cHours    = "preferred_hours"
	cConsent  = "consent"
	cDNC      = "do_not_contact"
)

func label(key string) string { return model.T("card.field." + key) }

func options[T ~string](values []T, prefix string, withNone bool) []form.Option {
	var opts []form.Option
	if withNone {
		opts = append(opts, form.Option{Value: "", Label: model.T("card.none")})
	}
	for _, v := range values {
		opts = append(opts, form.Option{Value: string(v), Label: model.T(prefix + string(v))})
	}
	return opts
}

var languages = []string{"ru", "lt", "en"}
var taxCountries = []model.TaxCountry{model.TaxRU, model.TaxLT}

// phonesText shows phones as one comma-separated line, formatted for reading.
func phonesText(ps []model.Phone) string {
	parts := make([]string, 0, len(ps))
	for _, p := range ps {
		parts = append(parts, phoneText(p))
	}
	return strings.Join(parts, ", ")
}

func phoneText(p model.Phone) string {
	if p.E164 != "" {
		return model.FormatPhone(p.E164)
	}
	return p.Raw
}

// splitList reads a comma- or semicolon-separated list, dropping empty parts.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// phonesFrom reads the phones line back; a phone shown unchanged keeps its
// label and wrong-number mark.
func phonesFrom(s string, old []model.Phone) []model.Phone {
	var out []model.Phone
	for _, part := range splitList(s) {
		kept := false
		for _, p := range old {
			if part == phoneText(p) || part == p.Raw {
				out = append(out, p)
				kept = true
				break
			}
		}
		if !kept {
			out = append(out, model.Phone{Raw: part})
		}
	}
	return out
}

func moneyText(m model.Money) string {
	if m.Minor == 0 {
		return ""
	}
	return model.FormatMoney(m)
}

func callWindowText(w model.CallWindow) string {
	if w == (model.CallWindow{}) {
		return ""
	}
	return model.FormatCallWindow(w)
}

// currencyOf is the currency a typed credit limit is in: the record's own, else by country.
func currencyOf(c model.Client) string {
	if c.CreditLimit.Currency != "" {
		return c.CreditLimit.Currency
	}
	if c.TaxCountry == model.TaxLT {
		return "EUR"
	}
	return "RUB"
}

// clientForm builds the form for c. Fields the user's role may not change are
// read-only: an operator gets only the notes (contacts have their own view).
func clientForm(d Deps, c model.Client, isNew bool) form.Model {
	editCard := !d.ReadOnly && (isNew && model.Can(d.Me, model.ActClientCreate) || !isNew && model.CanOnClient(d.Me, model.ActClientEditCard, &c))
	editNotes := editCard || !d.ReadOnly && model.CanOnClient(d.Me, model.ActClientEditContacts, &c)
	editCategory := !d.ReadOnly && model.CanOnClient(d.Me, model.ActClientCategory, &c)
	// A new client: only who reassigns everywhere picks any manager (a manager
	// is prefilled as their own), and an operator creates prospects only; the
	// store refuses anything else, so the form does not offer it.
	reassign := !d.ReadOnly && (isNew && model.ScopeOf(d.Me, model.ActClientReassign) == model.ScopeAll ||
		!isNew && model.CanOnClient(d.Me, model.ActClientReassign, &c))
	editStatus := editCard && !(isNew && !model.Can(d.Me, model.ActClientEditCard))

	statuses := model.ClientStatuses
	if !model.CanOnClient(d.Me, model.ActClientTradingHall, &c) && c.Status != model.StatusTradingHall {
		statuses = nil
		for _, s := range model.ClientStatuses {
			if s != model.StatusTradingHall {
				statuses = append(statuses, s)
			}
		}
	}
	langOpts := []form.Option{{Value: "", Label: model.T("card.none")}}
	for _, l := range languages {
		langOpts = append(langOpts, form.Option{Value: l, Label: model.T("card.lang." + l)})
	}
	taxOpts := options(taxCountries, "card.taxcountry.", false)
	taxOpts = append(taxOpts, form.Option{Value: "", Label: model.T("card.taxcountry.other")})

	fields := []form.Field{
		form.Text(fShortName, label(fShortName), c.ShortName),
		form.Text(fFullName, label(fFullName), c.FullName),
		form.Choice(fKind, label(fKind), options(model.ClientKinds, "card.kind.", false), string(c.Kind)),
		form.Choice(fTaxCountry, label(fTaxCountry), taxOpts, string(c.TaxCountry)),
		form.Text(fTaxID, label(fTaxID), c.TaxID),
		form.Text(fKPP, label(fKPP), c.KPP),
		form.Text(fOGRN, label(fOGRN), c.OGRN),
		form.Text(fLegalAddr, label(fLegalAddr), c.LegalAddress),
		form.Text(fActualAddr, label(fActualAddr), c.ActualAddress),
		form.Text(fCity, label(fCity), c.City),
		form.Text(fPhones, label(fPhones), phonesText(c.Phones)),
		form.Text(fEmails, label(fEmails), strings.Join(c.Emails, ", ")),
		form.Text(fFax, label(fFax), c.Fax),
		form.Choice(fLanguage, label(fLanguage), langOpts, c.Language),
		form.Text(fTimeZone, label(fTimeZone), c.TimeZone),
		form.Text(fCallWindow, label(fCallWindow), callWindowText(c.CallWindow)),
		form.Text(fRegion, label(fRegion), c.Region),
		form.Text(fBranch, label(fBranch), c.Branch),
		form.Choice(fSource, label(fSource), options(model.Sources, "card.source.", true), string(c.Source)),
		form.Choice(fManager, label(fManager), managerOptions(nil), c.Manager),
		form.Choice(fCategory, label(fCategory), options(model.Categories, "card.category.", true), string(c.Category)),
		form.Text(fReason, label(fReason), ""),
		form.Choice(fStatus, label(fStatus), options(statuses, "card.status.", false), string(c.Status)),
		form.Toggle(fKeyClient, label(fKeyClient), c.Flags.KeyClient),
		form.Toggle(fCreditHold, label(fCreditHold), c.Flags.CreditHold),
		form.Toggle(fDissatisfied, label(fDissatisfied), c.Flags.Dissatisfied),
		form.Toggle(fLegalDispute, label(fLegalDispute), c.Flags.LegalDispute),
		form.Toggle(fDoNotContact, label(fDoNotContact), c.Flags.DoNotContact),
		form.Text(fCreditLimit, label(fCreditLimit), moneyText(c.CreditLimit)),
		form.Text(fDeferral, label(fDeferral), deferralText(c.DeferralDays)),
		form.Text(fContactEvery, label(fContactEvery), deferralText(c.ContactEvery)),
		form.Text(fPriceColumn, label(fPriceColumn), c.PriceColumn),
		form.Text(fCompetitors, label(fCompetitors), c.Competitors),
		form.Notes(fNotes, label(fNotes), c.Notes),
	}
	for i := range fields {
		f := &fields[i]
		switch f.Key {
		case fNotes:
			f.ReadOnly = !editNotes
		case fCategory:
			f.ReadOnly = !editCategory
		case fReason:
			f.Hidden = true
		case fManager:
			f.ReadOnly = !reassign
		case fStatus:
			f.ReadOnly = !editStatus
		default:
			f.ReadOnly = !editCard
		}
	}
	return form.New(d.Styles, model.T("card.yes"), model.T("card.no"), fields...)
}

// managerOptions lists who may be a client's responsible manager: every
// active user but operators, who own no clients. users arrive sorted.
func managerOptions(users []model.User) []form.Option {
	opts := []form.Option{{Value: "", Label: model.T("card.none")}}
	for _, u := range users {
		if u.Archived || u.Role == model.RoleOperator {
			continue
		}
		l := u.Name
		if u.FullName != "" {
			l = u.FullName + " (" + u.Name + ")"
		}
		opts = append(opts, form.Option{Value: u.Name, Label: l})
	}
	return opts
}

func deferralText(d int) string {
	if d == 0 {
		return ""
	}
	return strconv.Itoa(d)
}

// clientFrom reads the form back over base. Values that cannot be parsed
// give field errors; base itself is never changed.
func clientFrom(base model.Client, f form.Model) (c model.Client, reason string, errs map[string]string) {
	errs = map[string]string{}
	c = base
	c.ShortName = f.Value(fShortName)
	c.FullName = f.Value(fFullName)
	c.Kind = model.ClientKind(f.Value(fKind))
	c.TaxCountry = model.TaxCountry(f.Value(fTaxCountry))
	c.TaxID = f.Value(fTaxID)
	c.KPP = f.Value(fKPP)
	c.OGRN = f.Value(fOGRN)
	c.LegalAddress = f.Value(fLegalAddr)
	c.ActualAddress = f.Value(fActualAddr)
	c.City = f.Value(fCity)
	c.Phones = phonesFrom(f.Value(fPhones), base.Phones)
	c.Emails = splitList(f.Value(fEmails))
	c.Fax = f.Value(fFax)
	c.Language = f.Value(fLanguage)
	c.TimeZone = strings.TrimSpace(f.Value(fTimeZone))
	c.Region = f.Value(fRegion)
	c.Branch = f.Value(fBranch)
	c.Source = model.Source(f.Value(fSource))
	c.Manager = f.Value(fManager)
	c.Category = model.Category(f.Value(fCategory))
	c.Status = model.ClientStatus(f.Value(fStatus))
	c.Flags = model.ClientFlags{
		KeyClient:    f.Bool(fKeyClient),
		CreditHold:   f.Bool(fCreditHold),
		Dissatisfied: f.Bool(fDissatisfied),
		LegalDispute: f.Bool(fLegalDispute),
		DoNotContact: f.Bool(fDoNotContact),
	}
	c.PriceColumn = f.Value(fPriceColumn)
	c.Competitors = f.Value(fCompetitors)
	c.Notes = f.Value(fNotes)

	if s := strings.TrimSpace(f.Value(fCallWindow)); s != f.Initial(fCallWindow) {
		if w, err := model.ParseCallWindow(s); err != nil {
			errs[fCallWindow] = err.Error()
		} else {
			c.CallWindow = w
		}
	}
	if s := strings.TrimSpace(f.Value(fCreditLimit)); s != f.Initial(fCreditLimit) {
		if s == "" {
			c.CreditLimit = model.Money{Currency: currencyOf(base)}
		} else if m, err := model.ParseMoney(s, currencyOf(c)); err != nil {
			errs[fCreditLimit] = err.Error()
		} else {
			c.CreditLimit = m
		}
	}
	if s := strings.TrimSpace(f.Value(fDeferral)); s == "" {
		c.DeferralDays = 0
	} else if n, err := strconv.Atoi(s); err != nil || n < 0 {
		errs[fDeferral] = model.T("card.form.bad_days")
	} else {
		c.DeferralDays = n
	}
	if s := strings.TrimSpace(f.Value(fContactEvery)); s == "" {
		c.ContactEvery = 0
	} else if n, err := strconv.Atoi(s); err != nil || n < 0 {
		errs[fContactEvery] = model.T("card.form.bad_days")
	} else {
		c.ContactEvery = n
	}
	if c.Category != base.Category {
		reason = strings.TrimSpace(f.Value(fReason))
		// A new client's first category needs no story; a change does.
		if reason == "" && base.ID != 0 {
			errs[fReason] = model.T("card.form.reason_required")
		}
	}
	return c, reason, errs
}

// contactForm builds the form for one contact person.
func contactForm(d Deps, ct model.Contact) form.Model {
	fields := []form.Field{
		form.Text(cName, label("contact."+cName), ct.Name),
		form.Text(cPosition, label("contact."+cPosition), ct.Position),
		form.Choice(cRole, label("contact."+cRole), options(model.ContactRoles, "card.crole.", true), string(ct.Role)),
		form.Text(cPhones, label("contact."+cPhones), phonesText(ct.Phones)),
		form.Text(cEmail, label("contact."+cEmail), ct.Email),
		form.Text(cChannel, label("contact."+cChannel), ct.PreferredChan),
		form.Text(cHours, label("contact."+cHours), ct.PreferredHours),
		form.Toggle(cConsent, label("contact."+cConsent), ct.Consent),
		form.Toggle(cDNC, label("contact."+cDNC), ct.DoNotContact),
	}
	return form.New(d.Styles, model.T("card.yes"), model.T("card.no"), fields...)
}

// contactFrom reads the contact form back over base.
func contactFrom(base model.Contact, f form.Model) model.Contact {
	ct := base
	ct.Name = f.Value(cName)
	ct.Position = f.Value(cPosition)
	ct.Role = model.ContactRole(f.Value(cRole))
	ct.Phones = phonesFrom(f.Value(cPhones), base.Phones)
	ct.Email = strings.TrimSpace(f.Value(cEmail))
	ct.PreferredChan = f.Value(cChannel)
	ct.PreferredHours = f.Value(cHours)
	ct.Consent = f.Bool(cConsent)
	ct.DoNotContact = f.Bool(cDNC)
	return ct
}

// withContact returns a copy of c with contact i replaced (i < 0: appended
// with the next free id), never sharing the contacts slice with c.
func withContact(c model.Client, i int, ct model.Contact) (model.Client, int) {
	cs := append([]model.Contact(nil), c.Contacts...)
	if i < 0 || i >= len(cs) {
		var top model.ID
		for _, x := range cs {
			top = max(top, x.ID)
		}
		ct.ID = top + 1
		cs = append(cs, ct)
		i = len(cs) - 1
	} else {
		cs[i] = ct
	}
	c.Contacts = cs
	return c, i
}

// splitErrors sorts validation errors into the client form's fields and the
// rest: "contacts.N.key" errors of contact idx come back keyed by key.
func contactErrors(errs map[string]string, idx int) (mine, rest map[string]string) {
	mine, rest = map[string]string{}, map[string]string{}
	prefix := fmt.Sprintf("contacts.%d.", idx)
	for k, v := range errs {
		if strings.HasPrefix(k, prefix) {
			mine[strings.TrimPrefix(k, prefix)] = v
		} else {
			rest[k] = v
		}
	}
	return mine, rest
}

// openForm shows the client form over m.client.
func (m *Model) openForm() tea.Cmd {
	m.form = clientForm(m.deps, m.client, m.formNew)
	m.form.SetSize(m.width, m.formHeight())
	m.formBanner, m.stale = "", false
	m.mode = modeForm
	m.dialog = dlgNone
	focus := m.form.Focus(m.form.Focused())
	if m.form.Hidden(fManager) {
		return focus
	}
	// The manager is picked from the department's users, which load in the background.
	m.waitUsers = m.next()
	return tea.Batch(focus, usersCmd(m.deps.Store, m.waitUsers))
}

// openContactForm shows the form for contact i (i < 0: a new contact).
func (m *Model) openContactForm(i int) tea.Cmd {
	var ct model.Contact
	if i >= 0 && i < len(m.client.Contacts) {
		ct = m.client.Contacts[i]
	} else {
		i = -1
	}
	m.contactIdx = i
	m.form = contactForm(m.deps, ct)
	m.form.SetSize(m.width, m.formHeight())
	m.formBanner, m.stale = "", false
	m.mode = modeContactForm
	m.dialog = dlgNone
	return m.form.Focus(m.form.Focused())
}
