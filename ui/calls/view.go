package calls

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/ui/components/tabs"
	"clientbase/ui/components/textfit"
)

// View renders the tab exactly width×height: the sub-header, then what is on top.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var body string
	switch {
	case m.sub != nil:
		body = m.sub.View()
	case m.call != nil:
		body = m.call.view()
	case m.lookup != nil:
		body = m.lookup.view()
	default:
		if p := m.activePane(); p != nil {
			body = p.View()
		} else {
			body = m.queue.view()
		}
	}
	h := m.paneHeight()
	if h == 0 {
		return textfit.Fit(m.subHeader(), m.width)
	}
	return m.subHeader() + "\n" + textfit.Pad(strings.Split(body, "\n"), m.width, h)
}

// subHeader names the views (the active one stands out) and what the tab is doing.
func (m *Model) subHeader() string {
	s := m.env.Styles
	views := []View{ViewQueue, ViewWeek, ViewTeam, ViewRules}
	active := slices.Index(views, m.view)
	left := tabs.Views(s, []string{model.T("calls.view.queue"), model.T("calls.view.week"), model.T("calls.view.team"), model.T("calls.view.rules")},
		[]bool{false, false, m.team == nil, false}, active)
	var right string
	switch {
	case m.call != nil && m.call.dir == model.DirIncoming:
		right = s.Warning.Render(model.T("calls.header.incoming"))
	case m.call != nil:
		right = s.Warning.Render(model.T("calls.header.on_call"))
	case m.lookup != nil:
		right = s.Warning.Render(model.T("calls.header.incoming"))
	case m.taking:
		right = s.Subtle.Render(model.T("calls.header.taking"))
	default:
		keys := "Q W R"
		if m.team != nil {
			keys = "Q W T R"
		}
		right = s.Subtle.Render(model.T("calls.header.keys", keys))
	}
	return textfit.Spread(left, right, m.width)
}

// labelWidth is the column where the call screen's values start.
const labelWidth = 15

// line is one line of the call screen with how soon it gives way when the
// screen is short: 0 never, higher first.
type line struct {
	text string
	drop int
}

// fitLines drops the most expendable lines (the lowest of them first) until
// the rest fit h, keeping their order.
func fitLines(ls []line, h int) []string {
	for len(ls) > h {
		worst := -1
		for i := len(ls) - 1; i >= 0; i-- {
			if ls[i].drop > 0 && (worst < 0 || ls[i].drop > ls[worst].drop) {
				worst = i
			}
		}
		if worst < 0 {
			ls = ls[:h]
			break
		}
		ls = append(ls[:worst], ls[worst+1:]...)
	}
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text
	}
	return out
}

func (c *callScreen) labelled(label, value string) string {
	s := c.env.Styles
	head := s.Label.Render(label)
	return head + strings.Repeat(" ", max(1, labelWidth-lipgloss.Width(head))) + value
}

// valueWidth is the room right of the labels.
func (c *callScreen) valueWidth() int { return max(10, c.width-labelWidth) }

func (c *callScreen) view() string {
	if c.width <= 0 || c.height <= 0 {
		return ""
	}
	s := c.env.Styles
	if c.confirm != nil {
		return c.confirm.View(s, c.width, c.height)
	}
	var ls []line
	add := func(drop int, text string) { ls = append(ls, line{text: text, drop: drop}) }

	add(0, c.titleLine())
	if dnc := c.doNotContact(); dnc != "" {
		add(0, s.Danger.Render(shorten(dnc, c.width)))
	}
	if about := c.aboutText(); about != "" {
		add(6, c.labelled(model.T("calls.label.client"), about))
	}
	add(4, c.labelled(model.T("calls.label.contact"), c.contactText()))
	add(1, c.labelled(model.T("calls.label.dial"), c.dialText()))
	add(3, c.labelled(model.T("calls.label.local_time"), c.localTimeText()))
	add(3, c.labelled(model.T("calls.label.purpose"), c.purposeText()))
	if note := textfit.OneLine(c.ctx.Item.Note); note != "" {
		add(7, c.labelled(model.T("calls.label.note"), shorten(note, c.valueWidth())))
	}
	if w := c.warningText(); w != "" {
		add(2, c.labelled(model.T("calls.label.mind"), w))
	}
	add(20, "")
	for i, p := range c.panelLines() {
		add(8+i, p)
	}
	add(19, "")
	if c.banner != "" {
		add(0, s.Danger.Render(shorten(c.banner, c.width)))
	}
	add(5, c.labelled(model.T("calls.label.notes"), c.notesText()))
	if c.form != nil {
		for _, l := range c.formLines() {
			add(0, l)
		}
	} else {
		for _, l := range c.outcomeLines() {
			add(0, l)
		}
	}
	return textfit.Pad(fitLines(ls, c.height), c.width, c.height)
}

// titleLine is the client's name, category and flags; the kind of call on
// the right. On a narrow screen the right side goes first, then the
// category, and the name is shortened last.
func (c *callScreen) titleLine() string {
	s := c.env.Styles
	cl := c.ctx.Client
	var flags []string
	if cl.Flags.KeyClient {
		flags = append(flags, s.Warning.Render(model.T("calls.badge.key_client")))
	}
	if cl.Flags.CreditHold {
		flags = append(flags, s.Danger.Render(model.T("calls.badge.credit_hold")))
	}
	if cl.Flags.Dissatisfied {
		flags = append(flags, s.Warning.Render(model.T("calls.badge.dissatisfied")))
	}
	if cl.Flags.LegalDispute {
		flags = append(flags, s.Danger.Render(model.T("calls.badge.legal_dispute")))
	}
	var right string
	switch {
	case c.dir == model.DirIncoming:
		right = model.T("calls.title.incoming")
	case c.ctx.Item.ID == 0:
		right = model.T("calls.title.off_plan")
	default:
		right = model.T("calls.title.planned")
	}
	right = s.Subtle.Render(right)
	dot := s.Subtle.Render(" · ")
	name := textfit.OneLine(cl.ShortName)
	build := func(withCat bool, nameW int) string {
		parts := []string{s.Title.Render(shorten(name, nameW))}
		if withCat && cl.Category != "" {
			parts = append(parts, s.Value.Render(model.T("calls.badge.category", string(cl.Category))))
		}
		return strings.Join(append(parts, flags...), dot)
	}
	full := lipgloss.Width(name)
	if left := build(true, full); lipgloss.Width(left)+1+lipgloss.Width(right) <= c.width {
		return textfit.Spread(left, right, c.width)
	}
	if left := build(true, full); lipgloss.Width(left) <= c.width {
		return textfit.Fit(left, c.width)
	}
	left := build(false, full)
	if over := lipgloss.Width(left) - c.width; over > 0 {
		left = build(false, max(8, full-over))
	}
	return textfit.Fit(left, c.width)
}

// doNotContact is the loud line when the client or the contact asked not to be called.
func (c *callScreen) doNotContact() string {
	switch {
	case c.ctx.Client.Flags.DoNotContact:
		return model.T("calls.warn.do_not_contact")
	case c.ctx.Contact != nil && c.ctx.Contact.DoNotContact:
		return model.T("calls.warn.contact_do_not_contact", textfit.OneLine(c.ctx.Contact.Name))
	}
	return ""
}

// aboutText is where the client is, who manages it and where it stands.
func (c *callScreen) aboutText() string {
	cl := c.ctx.Client
	var parts []string
	if cl.City != "" {
		parts = append(parts, textfit.OneLine(cl.City))
	}
	if cl.Status != "" {
		parts = append(parts, model.T("ui.client.status."+string(cl.Status)))
	}
	if cl.Manager != "" {
		parts = append(parts, model.T("calls.client.manager", cl.Manager))
	}
	if len(parts) == 0 {
		return ""
	}
	return c.env.Styles.Value.Render(shorten(strings.Join(parts, " · "), c.valueWidth()))
}

func (c *callScreen) contactText() string {
	s := c.env.Styles
	k := c.ctx.Contact
	if k == nil {
		return s.Subtle.Render(model.T("calls.contact.none"))
	}
	parts := []string{textfit.OneLine(k.Name)}
	if k.Position != "" {
		parts = append(parts, textfit.OneLine(k.Position))
	} else if k.Role != "" {
		parts = append(parts, model.T("calls.contact_role."+string(k.Role)))
	}
	if k.PreferredHours != "" {
		parts = append(parts, model.T("calls.contact.hours", textfit.OneLine(k.PreferredHours)))
	}
	return s.Value.Render(shorten(strings.Join(parts, " · "), c.valueWidth()))
}

func (c *callScreen) dialText() string {
	s := c.env.Styles
	d := c.ctx.Dial
	if d.E164 == "" && d.Raw == "" {
		return s.Danger.Render(model.T("calls.dial.none"))
	}
	shown := d.Raw
	if d.E164 != "" {
		shown = model.FormatPhone(d.E164)
	}
	text := s.Title.Render(textfit.OneLine(shown))
	if d.E164 != "" && d.E164 != shown {
		text += s.Subtle.Render("  " + d.E164)
	}
	if d.Label != "" {
		text += s.Subtle.Render("  " + textfit.OneLine(d.Label))
	}
	if d.WrongNumber {
		text += "  " + s.Danger.Render(model.T("calls.dial.wrong"))
	}
	return text
}

func (c *callScreen) localTimeText() string {
	s := c.env.Styles
	lt := c.ctx.LocalTime
	if lt.IsZero() {
		return s.Subtle.Render(model.T("calls.local.unknown"))
	}
	text := s.Value.Render(model.T("calls.local.time", lt.Format("15:04"), model.T("calls.weekday."+strings.ToLower(lt.Weekday().String()[:3])), lt.Location().String()))
	if c.ctx.InWindow {
		return text + "  " + s.Success.Render(model.T("calls.local.inside"))
	}
	return text + "  " + s.Warning.Render(model.T("calls.local.outside"))
}

func (c *callScreen) purposeText() string {
	s := c.env.Styles
	it := c.ctx.Item
	if it.ID == 0 {
		return s.Subtle.Render(model.T("calls.call.off_plan"))
	}
	parts := []string{purposeText(it.Purpose)}
	if p := priorityText(it.Priority); p != "" {
		parts = append(parts, model.T("calls.priority.label", p))
	}
	due := model.FormatDateTime(it.Due, c.env.Loc)
	if !it.Until.IsZero() {
		due += "–" + it.Until.In(c.env.Loc).Format("15:04")
	}
	parts = append(parts, model.T("calls.call.due", due))
	if it.Attempts > 0 {
		parts = append(parts, model.T("calls.call.attempts", it.Attempts))
	}
	text := s.Value.Render(shorten(strings.Join(parts, " · "), c.valueWidth()))
	if it.Overdue(c.env.Now()) {
		text = s.Danger.Render(shorten(strings.Join(parts, " · "), c.valueWidth()))
	}
	return text
}

// warningText is the overdue debt and the do-not-pester warning.
func (c *callScreen) warningText() string {
	s := c.env.Styles
	var parts []string
	if c.ctx.OverdueDebt.Minor > 0 {
		parts = append(parts, s.Danger.Render(model.T("calls.warn.debt", model.FormatMoney(c.ctx.OverdueDebt))))
	}
	if c.ctx.Pester {
		parts = append(parts, s.Warning.Render(model.T("calls.warn.pester", c.ctx.Contacts, c.settings.PesterDays)))
	}
	return strings.Join(parts, s.Subtle.Render(" · "))
}

// panelLines are the last contacts on the left, open orders, complaints and
// the client's other open items on the right.
func (c *callScreen) panelLines() []string {
	s := c.env.Styles
	gap := " │ "
	lw := (c.width - lipgloss.Width(gap)) * 11 / 20
	rw := c.width - lw - lipgloss.Width(gap)
	var left []string
	if len(c.ctx.Last) == 0 {
		left = append(left, s.Header.Render(model.T("calls.panel.last"))+s.Subtle.Render(" "+model.T("calls.panel.none")))
	} else {
		left = append(left, s.Header.Render(model.T("calls.panel.last")))
		for _, ix := range c.ctx.Last {
			left = append(left, c.interactionLine(ix, lw))
		}
	}
	var right []string
	heading := func(title string, items []string, none string) {
		if len(items) == 0 {
			right = append(right, s.Header.Render(title)+s.Subtle.Render(" "+none))
			return
		}
		right = append(right, s.Header.Render(title))
		for _, it := range items {
			right = append(right, s.Value.Render(shorten(textfit.OneLine(it), rw)))
		}
	}
	heading(model.T("calls.panel.orders"), c.ctx.OpenOrders, model.T("calls.panel.none"))
	// the store fills the complaints: none means none
	heading(model.T("calls.panel.complaints"), c.ctx.OpenComplaints, model.T("complaintlinks.call_none"))
	var others []string
	for _, p := range c.ctx.Open {
		if p.ID == c.ctx.Item.ID {
			continue
		}
		text := dueText(p.Due, c.env.Now(), c.env.Loc) + " " + model.T("calls.kind."+string(p.Kind)) + " · " + purposeText(p.Purpose)
		if p.Assignee != "" {
			text += " · " + p.Assignee
		}
		others = append(others, text)
	}
	heading(model.T("calls.panel.other_items"), others, model.T("calls.panel.none"))
	n := max(len(left), len(right))
	out := make([]string, n)
	for i := 0; i < n; i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = textfit.Fit(l, lw) + s.Subtle.Render(gap) + textfit.Fit(r, rw)
	}
	return out
}

// interactionLine is one past contact: when, which way, the outcome, who, notes.
func (c *callScreen) interactionLine(ix model.Interaction, w int) string {
	s := c.env.Styles
	arrow := "→"
	if ix.Direction == model.DirIncoming {
		arrow = "←"
	}
	when := ix.At.In(c.env.Loc).Format("02.01 15:04")
	text := when + " " + arrow + " " + model.T("calls.result."+string(ix.Outcome))
	if ix.User != "" {
		text += " · " + ix.User
	}
	if n := textfit.OneLine(ix.Notes); n != "" {
		text += " · " + n
	}
	st := s.Value
	if ix.Outcome.Reached() {
		st = s.Success
	}
	return st.Render(shorten(text, w))
}

func (c *callScreen) notesText() string {
	s := c.env.Styles
	if c.notesFocus {
		return c.notes.View()
	}
	if v := textfit.OneLine(c.notes.Value()); v != "" {
		return s.Value.Render(shorten(v, c.valueWidth()))
	}
	if c.env.ReadOnly {
		return s.Subtle.Render(model.T("calls.notes.read_only"))
	}
	return s.Subtle.Render(model.T("calls.notes.hint"))
}

// outcomeLines lay out "1 reached  2 no answer …" over as many lines as the width needs.
func (c *callScreen) outcomeLines() []string {
	s := c.env.Styles
	if c.env.ReadOnly {
		return []string{s.Subtle.Render(model.T("calls.outcomes.read_only"))}
	}
	if c.busy {
		return []string{s.Subtle.Render(model.T("calls.outcomes.saving"))}
	}
	var out []string
	cur, curW := "", 0
	for i, o := range model.Outcomes {
		item := s.HelpKey.Render(string(rune('1'+i))) + " " + s.Value.Render(outcomeText(o))
		w := lipgloss.Width(item)
		if curW > 0 && curW+2+w > c.width {
			out = append(out, cur)
			cur, curW = "", 0
		}
		if curW > 0 {
			cur += "  "
			curW += 2
		}
		cur += item
		curW += w
	}
	return append(out, cur)
}

// formLines are the outcome's small form: a title with how to write the
// values, the fields with their errors, nothing else.
func (c *callScreen) formLines() []string {
	s := c.env.Styles
	f := c.form
	title := model.T("calls.form.title."+string(f.outcome), c.loc.String())
	out := []string{s.Title.Render(shorten(title, c.width))}
	out = append(out, f.f.Lines()...)
	if c.busy {
		out = append(out, s.Subtle.Render(model.T("calls.outcomes.saving")))
	}
	return out
}
