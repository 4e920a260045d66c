package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"clientbase/model"
	"clientbase/store"
)

// Scripts on the same data as the TUI, for cron and other programs (a PBX's
// caller id): clientbase find, plan, complaints. Plain text (tab-separated
// fields, one record a line) or --json; exit non-zero on error.

// foundClient is one line of `clientbase find`.
type foundClient struct {
	ID       uint64 `json:"id"`
	Code     string `json:"code,omitempty"`
	Name     string `json:"name"`
	FullName string `json:"full_name,omitempty"`
	Phone    string `json:"phone"`
	Contact  string `json:"contact,omitempty"` // the contact person whose phone it is
	City     string `json:"city,omitempty"`
	Manager  string `json:"manager,omitempty"`
	Archived bool   `json:"archived,omitempty"`
}

// phoneWants is the E.164 forms a typed number can mean (national numbers
// read as Russian and as Lithuanian) and its bare digits; nil when it is
// not a phone number.
func phoneWants(q string) (map[string]bool, string) {
	want := map[string]bool{}
	for _, country := range []string{"", "RU", "LT"} {
		if p, err := model.ParsePhone(q, country); err == nil && p.E164 != "" {
			want[p.E164] = true
		}
	}
	if len(want) == 0 {
		return nil, ""
	}
	return want, onlyDigits(q)
}

func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// phoneIs reports whether p is the number asked for: the same E.164, or,
// for a number stored without one, the same digits.
func phoneIs(p model.Phone, want map[string]bool, digits string) bool {
	if p.E164 != "" {
		return want[p.E164]
	}
	return digits != "" && onlyDigits(p.Raw) == digits
}

func phoneShown(p model.Phone) string {
	if p.E164 != "" {
		return model.FormatPhone(p.E164)
	}
	return p.Raw
}

func foundOf(c *model.Client, p model.Phone, contact string) foundClient {
	return foundClient{ID: uint64(c.ID), Code: c.External, Name: c.ShortName, FullName: c.FullName,
		Phone: phoneShown(p), Contact: contact, City: c.City, Manager: c.Manager, Archived: c.Archived}
}

// findByPhone is the clients whose own phone is the number — candidates from
// the search index as the incoming-call lookup asks it (Session.List with the
// number as text), each confirmed against its phones — and, with contacts,
// the contact persons with it (a pass over every client: the index does not
// hold contacts' phones).
func findByPhone(ctx context.Context, db *store.DB, s *store.Session, number string, contacts bool) ([]foundClient, error) {
	want, digits := phoneWants(number)
	if err := db.BuildIndex(ctx); err != nil {
		return nil, fmt.Errorf("%s", model.T("exch.cli.index_failed", err))
	}
	var out []foundClient
	seen := map[[2]uint64]bool{} // client, contact
	const page = 200
	for offset := 0; ; offset += page {
		p, err := s.List(ctx, model.ClientFilter{Text: number, IncludeArchived: true}, offset, page)
		if err != nil {
			return nil, err
		}
		for i := range p.Rows {
			c := &p.Rows[i]
			for _, ph := range c.Phones {
				if phoneIs(ph, want, digits) && !seen[[2]uint64{uint64(c.ID), 0}] {
					seen[[2]uint64{uint64(c.ID), 0}] = true
					out = append(out, foundOf(c, ph, ""))
				}
			}
		}
		if offset+page >= p.Total || offset+page >= 5000 {
			break
		}
	}
	if !contacts {
		return out, nil
	}
	err := s.EachClient(ctx, func(c model.Client) error {
		for _, k := range c.Contacts {
			for _, ph := range k.Phones {
				key := [2]uint64{uint64(c.ID), uint64(k.ID)}
				if phoneIs(ph, want, digits) && !seen[key] {
					seen[key] = true
					out = append(out, foundOf(&c, ph, k.Name))
				}
			}
		}
		return nil
	})
	return out, err
}

// cmdFind is `clientbase find --phone NUMBER [--contacts] [--json]`.
func cmdFind(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet("find", stderr)
	globalFlags(fs, &o)
	phone := fs.String("phone", "", "the phone number")
	contacts := fs.Bool("contacts", false, "also contact persons' phones")
	asJSON := fs.Bool("json", false, "JSON output")
	if code, done := parseOwn(fs, args, stdout, stderr, "exch.cli.help.find"); done {
		return code
	}
	if fs.NArg() > 0 {
		fail(stderr, "cli.unexpected_argument", fs.Arg(0))
		return 2
	}
	if strings.TrimSpace(*phone) == "" {
		fail(stderr, "exch.cli.phone_what")
		return 2
	}
	if want, _ := phoneWants(*phone); want == nil || model.PhoneQueryDigits(*phone) == nil {
		fail(stderr, "exch.cli.bad_phone", *phone)
		return 2
	}
	db, s, ok := sessionOf(o, stderr)
	if !ok {
		return 2
	}
	defer db.Close()
	found, err := findByPhone(context.Background(), db, s, *phone, *contacts)
	if err != nil {
		failErr(stderr, err)
		return 2
	}
	if *asJSON {
		if found == nil {
			found = []foundClient{}
		}
		if err := writeJSON(stdout, found); err != nil {
			failErr(stderr, err)
			return 2
		}
	} else {
		for _, f := range found {
			contact := ""
			if f.Contact != "" {
				contact = model.T("exch.cli.contact_of", f.Contact)
			}
			archived := ""
			if f.Archived {
				archived = model.T("exch.cli.archived")
			}
			fmt.Fprintln(stdout, tabbed(fmt.Sprint(f.ID), f.Name, f.Phone, f.City, f.Manager, contact, archived))
		}
	}
	if len(found) == 0 {
		if !*asJSON {
			say(stderr, "exch.cli.not_found", *phone)
		}
		return 1
	}
	return 0
}

// tabbed joins fields with tabs, each on one line.
func tabbed(fields ...string) string {
	for i, f := range fields {
		fields[i] = strings.Join(strings.Fields(f), " ")
	}
	return strings.TrimRight(strings.Join(fields, "\t"), "\t")
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// planLine is one line of `clientbase plan`.
type planLine struct {
	ID       uint64    `json:"id"`
	Due      time.Time `json:"due"`
	Until    time.Time `json:"until,omitzero"`
	Kind     string    `json:"kind"`
	Status   string    `json:"status"`
	Client   string    `json:"client"`
	Code     string    `json:"client_code,omitempty"`
	Contact  string    `json:"contact,omitempty"`
	Phone    string    `json:"phone,omitempty"`
	Purpose  string    `json:"purpose"`
	Address  string    `json:"address,omitempty"`
	Note     string    `json:"note,omitempty"`
	Assignee string    `json:"assignee"`
}

// cmdPlan is `clientbase plan --user NAME [--date D] [--as WHO] [--json]`.
func cmdPlan(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet("plan", stderr)
	globalFlags(fs, &o)
	dateText := fs.String("date", "", "the day, YYYY-MM-DD")
	as := fs.String("as", "", "who signs in")
	asJSON := fs.Bool("json", false, "JSON output")
	if code, done := parseOwn(fs, args, stdout, stderr, "exch.cli.help.plan"); done {
		return code
	}
	if fs.NArg() > 0 {
		fail(stderr, "cli.unexpected_argument", fs.Arg(0))
		return 2
	}
	if o.user == "" {
		fail(stderr, "exch.cli.plan_user")
		return 2
	}
	person := o.user
	if *as != "" {
		o.user = *as
	}
	now := time.Now()
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.Local)
	if *dateText != "" {
		d, err := parseDay(*dateText)
		if err != nil {
			fail(stderr, "exch.cli.plan_date", *dateText)
			return 2
		}
		day = d
	}
	db, s, ok := sessionOf(o, stderr)
	if !ok {
		return 1
	}
	defer db.Close()
	items, err := s.PlanOf(person, day, day.AddDate(0, 0, 1))
	if err != nil {
		failErr(stderr, err)
		return 1
	}
	lines := make([]planLine, 0, len(items))
	for i := range items {
		e := &items[i]
		l := planLine{ID: uint64(e.Item.ID), Due: e.Item.Due, Until: e.Item.Until, Kind: string(e.Item.Kind),
			Status: string(e.Item.Status), Client: e.ClientName, Code: e.ClientCode, Purpose: string(e.Item.Purpose),
			Note: e.Item.Note, Assignee: e.Item.Assignee}
		if e.Contact != nil {
			l.Contact = e.Contact.Name
		}
		if e.Phone.E164 != "" || e.Phone.Raw != "" {
			l.Phone = phoneShown(e.Phone)
		}
		if e.Item.Kind == model.PlanVisit {
			l.Address = e.Address
		}
		lines = append(lines, l)
	}
	if *asJSON {
		if err := writeJSON(stdout, lines); err != nil {
			failErr(stderr, err)
			return 1
		}
		return 0
	}
	for _, l := range lines {
		when := l.Due.In(time.Local).Format("15:04")
		if !l.Until.IsZero() {
			when += "-" + l.Until.In(time.Local).Format("15:04")
		}
		where := l.Phone
		if l.Kind == string(model.PlanVisit) && l.Address != "" {
			where = l.Address
		}
		fmt.Fprintln(stdout, tabbed(when, l.Kind, l.Status, l.Client, l.Contact, where, l.Purpose, l.Note))
	}
	return 0
}

// overdueLine is one line of `clientbase complaints --overdue`.
type overdueLine struct {
	ID       uint64    `json:"id"`
	Client   string    `json:"client"`
	Owner    string    `json:"owner,omitempty"`
	Type     string    `json:"type"`
	Status   string    `json:"status"`
	Received time.Time `json:"received"`
	Deadline time.Time `json:"deadline"`
	Overdue  string    `json:"overdue"` // working time past the deadline, as the queue shows it
}

// cmdComplaints is `clientbase complaints --overdue [--count] [--json]`:
// the complaint queue's Overdue filter (Session.Complaints).
func cmdComplaints(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet("complaints", stderr)
	globalFlags(fs, &o)
	overdue := fs.Bool("overdue", false, "overdue open complaints")
	count := fs.Bool("count", false, "only their number")
	asJSON := fs.Bool("json", false, "JSON output")
	if code, done := parseOwn(fs, args, stdout, stderr, "exch.cli.help.complaints"); done {
		return code
	}
	if fs.NArg() > 0 {
		fail(stderr, "cli.unexpected_argument", fs.Arg(0))
		return 2
	}
	if !*overdue {
		fail(stderr, "exch.cli.overdue_what")
		return 2
	}
	db, s, ok := sessionOf(o, stderr)
	if !ok {
		return 1
	}
	defer db.Close()
	ctx := context.Background()
	f := model.ComplaintFilter{Overdue: true}
	head, err := s.Complaints(ctx, f, 0, 0)
	if err != nil {
		failErr(stderr, err)
		return 1
	}
	if *count {
		if *asJSON {
			err = writeJSON(stdout, map[string]int{"overdue": head.Total})
		} else {
			_, err = fmt.Fprintln(stdout, head.Total)
		}
		if err != nil {
			failErr(stderr, err)
			return 1
		}
		return 0
	}
	page, err := s.Complaints(ctx, f, 0, head.Total)
	if err != nil {
		failErr(stderr, err)
		return 1
	}
	lines := make([]overdueLine, 0, len(page.Rows))
	for _, r := range page.Rows {
		lines = append(lines, overdueLine{ID: uint64(r.ID), Client: r.ClientName, Owner: r.Owner, Type: string(r.Type),
			Status: string(r.Status), Received: r.Received, Deadline: r.Deadline, Overdue: model.FormatLeft(r.Left, 0)})
	}
	if *asJSON {
		if err := writeJSON(stdout, lines); err != nil {
			failErr(stderr, err)
			return 1
		}
		return 0
	}
	for _, l := range lines {
		fmt.Fprintln(stdout, tabbed(fmt.Sprintf("#%d", l.ID), l.Client, l.Owner, l.Type, l.Status,
			model.FormatDateTime(l.Deadline, time.Local), l.Overdue))
	}
	return 0
}
