package clientcard

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/components/textfit"
)

// cardLabelWidth is the column the card's values start at.
const cardLabelWidth = 18

// rebuild renders the card body and the history once per change of record,
// history or width, so View only cuts out the visible window.
func (m *Model) rebuild() {
	m.lines = m.cardLines()
	m.histLines = m.historyLines()
	m.tlLines = m.timelineLines()
	m.clampScroll()
}

func (m *Model) clampScroll() {
	h := m.bodyHeight()
	m.scroll = max(0, min(m.scroll, len(m.lines)-h))
	m.histScroll = max(0, min(m.histScroll, len(m.histLines)-h))
	m.tlScroll = max(0, min(m.tlScroll, len(m.tlLines)-h))
}

// bodyHeight is the height under the title line (and the banner when shown).
func (m Model) bodyHeight() int {
	h := m.height - 1
	if m.banner != "" {
		h--
	}
	return max(1, h)
}

func (m Model) formHeight() int {
	h := m.height - 1 - len(m.formHintLines())
	if m.formBanner != "" {
		h -= len(wrap(m.formBanner, m.width))
	}
	return max(1, h)
}

func wrap(s string, w int) []string {
	return strings.Split(ansi.Wrap(s, max(1, w), ""), "\n")
}

func (m Model) row(label, value string) string {
	st := m.deps.Styles
	head := "  " + st.Label.Render(ansi.Truncate(label, cardLabelWidth-3, "…"))
	head += strings.Repeat(" ", max(1, cardLabelWidth-lipgloss.Width(head)))
	if value == "" {
		return head + st.Subtle.Render("—")
	}
	// Long addresses, e-mail lists and category reasons wrap under the value
	// column instead of being cut at the screen's edge.
	lines := wrap(value, m.width-cardLabelWidth)
	for i, l := range lines {
		lines[i] = st.Value.Render(l)
	}
	return head + strings.Join(lines, "\n"+strings.Repeat(" ", cardLabelWidth))
}

func (m Model) section(title string) string {
	return m.deps.Styles.Header.Render(title)
}

func enumText(prefix, v string) string {
	if v == "" {
		return ""
	}
	if model.HasMessage(prefix + v) {
		return model.T(prefix + v)
	}
	return v
}

// cardLines renders every field of the client, grouped as the department reads a card.
func (m Model) cardLines() []string {
	c := m.client
	st := m.deps.Styles
	var ls []string
	// A row may wrap over several screen lines; ls keeps one entry a line.
	add := func(s ...string) {
		for _, x := range s {
			ls = append(ls, strings.Split(x, "\n")...)
		}
	}

	add(m.section(model.T("card.sec.requisites")))
	add(m.row(label(fShortName), c.ShortName), m.row(label(fFullName), c.FullName))
	add(m.row(label(fKind), enumText("card.kind.", string(c.Kind))))
	tax := c.TaxID
	if tax != "" && c.TaxCountry != "" {
		tax += "  " + st.Subtle.Render("("+enumText("card.taxcountry.", string(c.TaxCountry))+")")
	}
	add(m.row(label(fTaxID), tax), m.row(label(fKPP), c.KPP), m.row(label(fOGRN), c.OGRN))

	add("", m.section(model.T("card.sec.addresses")))
	add(m.row(label(fLegalAddr), c.LegalAddress), m.row(label(fActualAddr), c.ActualAddress), m.row(label(fCity), c.City))

	add("", m.section(model.T("card.sec.phones")))
	if len(c.Phones) == 0 {
		add(m.row(label(fPhones), ""))
	}
	for i, p := range c.Phones {
		l := ""
		if i == 0 {
			l = label(fPhones)
		}
		v := phoneText(p)
		if p.Label != "" {
			v += "  " + st.Subtle.Render(p.Label)
		}
		if p.WrongNumber {
			v += "  " + st.Warning.Render(model.T("card.wrong_number"))
		}
		add(m.row(l, v))
	}
	add(m.row(label(fEmails), strings.Join(c.Emails, ", ")), m.row(label(fFax), c.Fax))

	add("", m.section(model.T("card.sec.calling")))
	add(m.row(label(fLanguage), enumText("card.lang.", c.Language)))
	add(m.row(label(fTimeZone), c.TimeZone))
	local := ""
	if m.clientLoc != nil {
		now := m.deps.Now()
		local = model.FormatDateTime(now, m.clientLoc)
		if inCallWindow(now.In(m.clientLoc), c.CallWindow) {
			local += "  " + st.Success.Render(model.T("card.window_open"))
		} else {
			local += "  " + st.Warning.Render(model.T("card.window_closed"))
		}
	}
	add(m.row(model.T("card.local_time"), local))
	window := callWindowText(c.CallWindow)
	if window == "" {
		window = model.T("card.working_hours")
	}
	add(m.row(label(fCallWindow), window))

	add("", m.section(model.T("card.sec.organisation")))
	add(m.row(label(fRegion), c.Region), m.row(label(fBranch), c.Branch))
	add(m.row(label(fSource), enumText("card.source.", string(c.Source))), m.row(label(fManager), c.Manager))

	add("", m.section(model.T("card.sec.category")))
	add(m.row(label(fCategory), enumText("card.category.", string(c.Category))))
	for i := len(c.CategoryLog) - 1; i >= 0; i-- {
		ch := c.CategoryLog[i]
		add(m.row("", st.Subtle.Render(model.T("card.category_change",
			model.FormatDate(ch.At, m.deps.Loc), orNone(string(ch.From)), orNone(string(ch.To)), ch.By, ch.Reason))))
	}
	add(m.row(label(fStatus), enumText("card.status.", string(c.Status))))
	add(m.row(model.T("card.flags"), m.flagsText()))

	add("", m.section(model.T("card.sec.terms")))
	add(m.row(label(fCreditLimit), moneyText(c.CreditLimit)))
	add(m.row(label(fDeferral), deferralText(c.DeferralDays)))
	every := ""
	if c.ContactEvery > 0 {
		every = model.T("plan.card.contact_every", c.ContactEvery)
	}
	add(m.row(label(fContactEvery), every))
	add(m.row(label(fPriceColumn), c.PriceColumn), m.row(label(fCompetitors), c.Competitors))

	add("", m.section(label(fNotes)))
	if strings.TrimSpace(c.Notes) == "" {
		add("  " + st.Subtle.Render("—"))
	}
	for _, l := range strings.Split(strings.TrimRight(c.Notes, "\n"), "\n") {
		if strings.TrimSpace(c.Notes) != "" {
			for _, w := range wrap(l, m.width-2) {
				add("  " + st.Value.Render(w))
			}
		}
	}

	add("", m.section(model.T("card.sec.contacts", len(c.Contacts))))
	if len(c.Contacts) == 0 {
		add("  " + st.Subtle.Render(m.noContactsText("card.no_contacts")))
	}
	for _, ct := range c.Contacts {
		// Wrapped: the phone and e-mail at the end are what the card is read for.
		for i, l := range wrap(m.contactLine(ct), m.width-4) {
			if i == 0 {
				add("  " + l)
			} else {
				add("    " + l)
			}
		}
	}

	add("", m.section(model.T("card.sec.receivables")))
	add(m.debtLines()...)

	if c.ID != 0 {
		add("", m.section(model.T("complaintlinks.card_section", m.complaintsTotal)))
		add(m.complaintLines()...)
	}

	add("", m.section(model.T("card.sec.timeline")))
	add(m.cardTimelineLines()...)

	if c.ID != 0 {
		add("", st.Subtle.Render(model.T("card.record",
			model.FormatDateTime(c.CreatedAt, m.deps.Loc), c.CreatedBy,
			model.FormatDateTime(c.UpdatedAt, m.deps.Loc), c.UpdatedBy, c.Version)))
	}
	return ls
}

// inCallWindow reports whether the client's local moment t falls in its
// calling window (the zero window means working hours, 9:00–18:00).
func inCallWindow(t time.Time, w model.CallWindow) bool {
	if w == (model.CallWindow{}) {
		w = model.CallWindow{From: 9 * 60, To: 18 * 60}
	}
	mins := t.Hour()*60 + t.Minute()
	if w.From <= w.To {
		return w.From <= mins && mins < w.To
	}
	return mins >= w.From || mins < w.To // a window across midnight
}

func orNone(s string) string {
	if s == "" {
		return model.T("card.none")
	}
	return s
}

func (m Model) flagsText() string {
	f := m.client.Flags
	var on []string
	for _, x := range []struct {
		set bool
		key string
	}{
		{f.KeyClient, fKeyClient}, {f.CreditHold, fCreditHold}, {f.Dissatisfied, fDissatisfied},
		{f.LegalDispute, fLegalDispute}, {f.DoNotContact, fDoNotContact},
	} {
		if x.set {
			on = append(on, label(x.key))
		}
	}
	if len(on) == 0 {
		return ""
	}
	return m.deps.Styles.Warning.Render(strings.Join(on, ", "))
}

// contactLine is one contact person on a line; one who left is dimmed, never dropped.
func (m Model) contactLine(ct model.Contact) string {
	parts := []string{ct.Name}
	if ct.Position != "" {
		parts = append(parts, ct.Position)
	}
	if ct.Role != "" {
		parts = append(parts, enumText("card.crole.", string(ct.Role)))
	}
	if len(ct.Phones) > 0 {
		parts = append(parts, phonesText(ct.Phones))
	}
	if ct.Email != "" {
		parts = append(parts, ct.Email)
	}
	if ct.DoNotContact {
		parts = append(parts, model.T("card.do_not_contact"))
	}
	s := strings.Join(parts, " · ")
	if ct.Left {
		return m.deps.Styles.RowArchive.Render(s + "  " + model.T("card.contact_left"))
	}
	return m.deps.Styles.Row.Render(s)
}

// historyLines renders the audit entries: when, who (acting for), action,
// then each field old → new.
func (m Model) historyLines() []string {
	st := m.deps.Styles
	if m.histErr != "" {
		return []string{st.Danger.Render(m.histErr)}
	}
	if !m.histLoaded {
		return []string{st.Subtle.Render(model.T("card.loading"))}
	}
	if len(m.history) == 0 {
		// Clients from a bulk load or an import have no entries of their own yet.
		return []string{st.Subtle.Render(model.T("card.history_empty", model.FormatDateTime(m.client.CreatedAt, m.deps.Loc), m.client.CreatedBy))}
	}
	var ls []string
	for i, e := range m.history {
		if i > 0 {
			ls = append(ls, "")
		}
		who := e.User
		if e.ActingFor != "" {
			who = model.T("card.acting_for", e.User, e.ActingFor)
		}
		head := st.Header.Render(model.FormatDateTime(e.At, m.deps.Loc)) + "  " + st.Value.Render(who) +
			"  " + st.Title.Render(enumText("card.action.", e.Action))
		ls = append(ls, head)
		if e.Reason != "" {
			for _, l := range wrap(model.T("card.reason", e.Reason), m.width-2) {
				ls = append(ls, "  "+st.Subtle.Render(l))
			}
		}
		for _, ch := range e.Changes {
			name := m.historyField(ch.Field)
			// Wrapped, not cut: old and new notes or contact lists are what
			// the user came to read; continuation lines are indented.
			line := st.Label.Render(name+":") + " " + st.Subtle.Render(emptyMark(ch.Old)) + " → " + st.Value.Render(emptyMark(ch.New))
			for i, l := range wrap(line, m.width-4) {
				if i == 0 {
					ls = append(ls, "  "+l)
				} else {
					ls = append(ls, "    "+l)
				}
			}
		}
	}
	return ls
}

// historyField names an audit field for people: a contact's change
// ("contacts.<id>.left") names the contact, never its internal id.
func (m Model) historyField(field string) string {
	if model.HasMessage("card.field." + field) {
		return label(field)
	}
	if rest, ok := strings.CutPrefix(field, "contacts."); ok {
		if id, f, ok := strings.Cut(rest, "."); ok {
			name := "#" + id
			for _, ct := range m.client.Contacts {
				if strconv.FormatUint(uint64(ct.ID), 10) == id {
					name = ct.Name
					break
				}
			}
			fl := model.FieldLabel("contact." + f)
			if model.HasMessage("card.field.contact." + f) {
				fl = label("contact." + f)
			}
			return model.T("card.form.contact_place", name, fl)
		}
	}
	return model.FieldLabel(field)
}

func emptyMark(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// View renders the card, form, history or a dialog, exactly w×h.
func (m Model) View() string {
	st := m.deps.Styles
	var ls []string
	name := m.client.ShortName
	switch m.mode {
	case modeLoading:
		if m.banner != "" {
			ls = append(ls, st.Title.Render(model.T("card.unavailable")), st.Danger.Render(m.banner), "", st.Subtle.Render(model.T("card.esc_back")))
		} else {
			ls = append(ls, st.Title.Render(model.T("card.loading")))
		}
	case modeCard:
		ls = append(ls, m.title(name, len(m.lines), m.scroll))
		ls = append(ls, m.bannerLine()...)
		ls = append(ls, window(m.lines, m.scroll, m.bodyHeight())...)
	case modeHistory:
		ls = append(ls, m.title(model.T("card.history_title", name), len(m.histLines), m.histScroll))
		ls = append(ls, m.bannerLine()...)
		ls = append(ls, window(m.histLines, m.histScroll, m.bodyHeight())...)
	case modeTimeline:
		ls = append(ls, m.title(model.T("plan.card.timeline_title", name), len(m.tlLines), m.tlScroll))
		ls = append(ls, m.bannerLine()...)
		ls = append(ls, window(m.tlLines, m.tlScroll, m.bodyHeight())...)
	case modePlan:
		return m.plan.View()
	case modeContacts:
		ls = append(ls, m.title(model.T("card.contacts_title", name), 0, 0))
		ls = append(ls, m.bannerLine()...)
		ls = append(ls, m.contactsView(m.bodyHeight())...)
	case modeForm, modeContactForm:
		ls = append(ls, m.formTitle())
		for _, l := range m.formHintLines() {
			ls = append(ls, st.Subtle.Render(l))
		}
		if m.formBanner != "" {
			for _, l := range wrap(m.formBanner, m.width) {
				ls = append(ls, st.Danger.Render(l))
			}
		}
		ls = append(ls, m.form.View())
	}
	out := textfit.Lines(strings.Split(strings.Join(ls, "\n"), "\n"), m.width, m.height)
	if m.dialog != dlgNone {
		out = overlay(out, m.dialogBox(), m.width)
	}
	return strings.Join(out, "\n")
}

func (m Model) bannerLine() []string {
	if m.banner == "" {
		return nil
	}
	st := m.deps.Styles.Success
	if m.bannerErr {
		st = m.deps.Styles.Danger
	}
	return []string{st.Render(m.banner)}
}

// title is the top line: the client's name, its marks, and where the scroll is.
func (m Model) title(text string, total, at int) string {
	st := m.deps.Styles
	tail := ""
	if m.client.Archived {
		tail += "  " + st.Warning.Render(model.T("card.archived"))
	}
	if m.mode == modeCard {
		marks := enumText("card.status.", string(m.client.Status))
		if m.client.Category != "" {
			marks = model.T("card.title_marks", enumText("card.category.", string(m.client.Category)), marks)
		}
		tail += "  " + st.Subtle.Render(marks)
	}
	right := ""
	if h := m.bodyHeight(); total > h {
		right = st.Subtle.Render(model.T("card.scroll", at+1, min(total, at+h), total))
	}
	// A long name gives way, so [archived] and the status stay in sight.
	room := m.width - lipgloss.Width(tail) - lipgloss.Width(right) - 1
	if lipgloss.Width(text) > room && room >= 12 {
		text = ansi.Truncate(text, room, "…")
	}
	left := st.Title.Render(text) + tail
	gap := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return left
	}
	return left + strings.Repeat(" ", gap) + right
}

// formHintLines say why fields of an existing client are locked, so an
// operator or a manager is not left wondering why tab skips them.
func (m Model) formHintLines() []string {
	if m.mode != modeForm || m.formNew || m.deps.ReadOnly {
		return nil
	}
	var hint string
	switch {
	case !m.can(model.ActClientEditCard):
		hint = model.T("card.form.hint_notes_only", model.T("ui.role."+string(m.deps.Me.Role)))
	case !m.can(model.ActClientCategory):
		hint = model.T("card.form.hint_no_category")
	default:
		return nil
	}
	return wrap(hint, m.width)
}

func (m Model) formTitle() string {
	st := m.deps.Styles
	var t string
	switch {
	case m.mode == modeContactForm && m.contactIdx < 0:
		t = model.T("card.form.new_contact", m.client.ShortName)
	case m.mode == modeContactForm:
		t = model.T("card.form.edit_contact", m.client.Contacts[m.contactIdx].Name, m.client.ShortName)
	case m.formNew:
		t = model.T("card.form.new_client")
	default:
		t = model.T("card.form.edit_client", m.client.ShortName)
	}
	tail := ""
	if m.saving {
		tail = "  " + st.Subtle.Render(model.T("card.saving"))
	} else if m.form.Dirty() {
		tail = "  " + st.Warning.Render(model.T("card.form.changed"))
	}
	// "changed" is the reminder that esc will ask; a long name gives way to it.
	if room := m.width - lipgloss.Width(tail); lipgloss.Width(t) > room && room >= 12 {
		t = ansi.Truncate(t, room, "…")
	}
	return st.Title.Render(t) + tail
}

// noContactsText says how to add a contact only to who may add one.
func (m Model) noContactsText(withHowTo string) string {
	if m.can(model.ActClientEditContacts) {
		return model.T(withHowTo)
	}
	return model.T("card.no_contacts_none")
}

func (m Model) contactsView(h int) []string {
	st := m.deps.Styles
	cs := m.client.Contacts
	if len(cs) == 0 {
		return []string{"  " + st.Subtle.Render(m.noContactsText("card.no_contacts_add"))}
	}
	start := max(0, m.contactCursor-h+1)
	var ls []string
	for i := start; i < len(cs) && len(ls) < h; i++ {
		line := "  " + m.contactLine(cs[i])
		if i == m.contactCursor {
			line = st.RowCursor.Render("▸ " + ansi.Strip(m.contactLine(cs[i])))
		}
		ls = append(ls, line)
	}
	return ls
}

func window(lines []string, at, h int) []string {
	end := min(len(lines), at+h)
	return lines[min(at, end):end]
}

// overlay puts box in the middle of the screen, replacing the lines it covers.
func overlay(base []string, box string, w int) []string {
	bl := strings.Split(box, "\n")
	top := max(0, (len(base)-len(bl))/2)
	for i, l := range bl {
		if top+i >= len(base) {
			break
		}
		pad := max(0, (w-lipgloss.Width(l))/2)
		base[top+i] = textfit.Lines([]string{strings.Repeat(" ", pad) + l}, w, 1)[0]
	}
	return base
}

func (m Model) dialogBox() string {
	st := m.deps.Styles
	w := min(m.width-4, 72)
	inner := w - 4
	var body []string
	para := func(s string, style lipgloss.Style) {
		for _, l := range wrap(s, inner) {
			body = append(body, style.Render(strings.TrimRight(l, " ")))
		}
	}
	keys := func(s string) { body = append(body, "", st.HelpKey.Render(s)) }
	switch m.dialog {
	case dlgArchive:
		if m.client.Archived {
			para(model.T("card.dlg.restore", m.client.ShortName), st.Title)
			para(model.T("card.dlg.restore_hint"), st.Value)
		} else {
			para(model.T("card.dlg.archive", m.client.ShortName), st.Title)
			para(model.T("card.dlg.archive_hint"), st.Value)
		}
		keys(model.T("card.dlg.yes_no"))
	case dlgDiscard:
		para(model.T("card.dlg.discard"), st.Title)
		keys(model.T("card.dlg.yes_no"))
	case dlgConflict:
		para(model.T("card.dlg.conflict_title"), st.Warning)
		para(model.T("card.dlg.conflict"), st.Value)
		keys(model.T("card.dlg.conflict_keys"))
	case dlgDuplicates:
		para(model.T("card.dlg.dup_title"), st.Warning)
		body = append(body, "")
		// Two lines a client: the reason (which phone, which tax id) is what the
		// user checks, so it gets a line of its own instead of being cut off.
		maxRows := max(1, (m.height-10)/2)
		start := max(0, m.dupCursor-maxRows+1)
		for i := start; i < len(m.dups) && i < start+maxRows; i++ {
			d := m.dups[i]
			line := d.Client.ShortName
			if d.Client.TaxID != "" {
				line += " · " + d.Client.TaxID
			}
			if d.Client.City != "" {
				line += " · " + d.Client.City
			}
			line = ansi.Truncate(line, inner-2, "…")
			reason := "  " + st.Subtle.Render(ansi.Truncate(d.Reason, inner-4, "…"))
			if i == m.dupCursor {
				body = append(body, st.RowCursor.Render("▸ "+line), " "+reason)
			} else {
				body = append(body, "  "+st.Row.Render(line), " "+reason)
			}
		}
		if n := len(m.dups); n > maxRows {
			body = append(body, st.Subtle.Render(model.T("card.dlg.dup_more", n)))
		}
		keys(model.T("card.dlg.dup_keys"))
	}
	return st.Dialog.Width(w).Render(strings.Join(body, "\n"))
}
