package model

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestNeedsApproval(t *testing.T) {
	ps := DefaultPriceSettings()
	line := func(sku string, disc Rate) OrderLine { return OrderLine{SKU: sku, Discount: disc} }
	cases := []struct {
		name  string
		role  Role
		lines []OrderLine
		want  bool
		says  string // the whole sentence, or "" when none
	}{
		{"no discount, operator", RoleOperator, []OrderLine{line("A-1", 0)}, false, ""},
		{"operator may give none", RoleOperator, []OrderLine{line("A-1", 0), line("B-2", 50)}, true,
			"Line B-2 has a 0.5 % discount; an operator may give no discount without approval."},
		{"manager at the limit", RoleManager, []OrderLine{line("A-1", 500)}, false, ""},
		{"manager one basis point over", RoleManager, []OrderLine{line("A-1", 500), line("C-3", 501)}, true,
			"Line C-3 has a 5.01 % discount; a manager may give at most 5 % without approval."},
		{"manager, several lines over", RoleManager,
			[]OrderLine{line("A-1", 1000), line("B-2", 300), line("C-3", 750)}, true,
			"2 lines have discounts above 5 %, the most a manager may give without approval: A-1 (10 %), C-3 (7.5 %)."},
		{"operator, several lines", RoleOperator, []OrderLine{line("A-1", 100), line("B-2", 200)}, true,
			"2 lines have discounts, and an operator may give none without approval: A-1 (1 %), B-2 (2 %)."},
		{"head within 15 %", RoleHead, []OrderLine{line("A-1", 1500)}, false, ""},
		{"head above 15 %", RoleHead, []OrderLine{line("A-1", 2000)}, true,
			"Line A-1 has a 20 % discount; a head of department may give at most 15 % without approval."},
		{"director gives anything", RoleDirector, []OrderLine{line("A-1", 10000)}, false, ""},
		{"a role without a limit may give none", Role("intern"), []OrderLine{line("A-1", 1)}, true,
			"Line A-1 has a 0.01 % discount; intern may give no discount without approval."},
		{"no lines", RoleOperator, nil, false, ""},
	}
	for _, c := range cases {
		got, says := NeedsApproval(ps, c.role, c.lines)
		if got != c.want || says != c.says {
			t.Errorf("%s: %v %q, want %v %q", c.name, got, says, c.want, c.says)
		}
	}
	// the limits are data: the director lowers the manager's
	ps.DiscountLimits[RoleManager] = 200
	if got, _ := NeedsApproval(ps, RoleManager, []OrderLine{line("A-1", 300)}); !got {
		t.Error("a lowered limit is not applied")
	}
	if got, _ := NeedsApproval(PriceSettings{}, RoleDirector, []OrderLine{line("A-1", 1)}); !got {
		t.Error("settings without limits let a discount through")
	}
}

func TestCreditGate(t *testing.T) {
	client := func(limit int64, hold bool) Client {
		c := Client{ID: 7, ShortName: "Audiniai", CreditLimit: rub(limit)}
		c.Flags.CreditHold = hold
		return c
	}
	recv := func(outstanding, overdue int64, days int) ClientReceivables {
		return ClientReceivables{Outstanding: rub(outstanding), Overdue: rub(overdue), MaxOverdue: days}
	}
	cases := []struct {
		name   string
		c      Client
		r      ClientReceivables
		amount Money
		hold   bool
		says   string
	}{
		{"clean client, no limit", client(0, false), recv(5_000_000, 0, 0), rub(9_000_000), false, ""},
		{"within the limit", client(1_000_000, false), recv(400_000, 0, 0), rub(600_000), false, ""},
		{"exactly at the limit", client(1_000_000, false), recv(400_000, 0, 0), rub(600_000), false, ""},
		{"one kopeck over the limit", client(1_000_000, false), recv(400_000, 0, 0), rub(600_001), true,
			"This order would bring the client's balance to 10,000.01 RUB, above the credit limit of 10,000.00 RUB."},
		{"overdue debt, no limit", client(0, false), recv(300_000, 120_050, 45), rub(1), true,
			"The client has 1,200.50 RUB of overdue debt, the oldest 45 days overdue."},
		{"overdue by a day", client(0, false), recv(100, 100, 1), rub(1), true,
			"The client has 1.00 RUB of overdue debt, the oldest 1 day overdue."},
		{"the card's flag", client(0, true), recv(0, 0, 0), rub(1), true,
			"The client's card is marked credit hold."},
		{"every reason at once", client(100_000, true), recv(90_000, 10_000, 91), rub(20_000), true,
			"The client's card is marked credit hold. The client has 100.00 RUB of overdue debt, the oldest 91 days overdue. " +
				"This order would bring the client's balance to 1,100.00 RUB, above the credit limit of 1,000.00 RUB."},
		{"a limit in another currency", Client{CreditLimit: Money{Minor: 100, Currency: "EUR"}}, recv(0, 0, 0), rub(1), true,
			"The credit limit is in EUR but the order is in RUB: the head decides."},
		{"a balance beyond int64 does not wrap", client(1_000_000, false), recv(1<<62, 0, 0), rub(1 << 62), true,
			"This order would bring the client's balance to 92,233,720,368,547,758.07 RUB, above the credit limit of 10,000.00 RUB."},
	}
	for _, c := range cases {
		hold, says := CreditGate(c.c, c.r, c.amount)
		if hold != c.hold || says != c.says {
			t.Errorf("%s: %v %q, want %v %q", c.name, hold, says, c.hold, c.says)
		}
	}
}

func TestAgingBucket(t *testing.T) {
	for days, want := range map[int]int{-5: 0, 0: 0, 1: 1, 30: 1, 31: 2, 60: 2, 61: 3, 90: 3, 91: 4, 3650: 4} {
		if got := AgingBucket(days); got != want {
			t.Errorf("AgingBucket(%d) = %d, want %d", days, got, want)
		}
		if got := AgingBucket(days); got < 0 || got >= AgingBuckets {
			t.Errorf("AgingBucket(%d) = %d outside the buckets", days, got)
		}
	}
}

// Every "order.…" key written in the order sources is in the catalogue, and
// every order sentence reads as one.
func TestOrderMessages(t *testing.T) {
	key := regexp.MustCompile(`"(order\.[a-z_.]+)"`)
	for _, f := range []string{"order_rules.go", "order_money.go"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		found := key.FindAllStringSubmatch(string(src), -1)
		if f == "order_rules.go" && len(found) < 20 {
			t.Fatalf("only %d keys found in %s: the pattern is stale", len(found), f)
		}
		for _, m := range found {
			if k := m[1]; !strings.HasSuffix(k, ".") && !HasMessage(k) {
				t.Errorf("%s: key %q is not in the catalogue", f, k)
			}
		}
	}
	for _, k := range MessageKeys() {
		if !strings.HasPrefix(k, "order.") {
			continue
		}
		fam := k[:strings.LastIndexByte(k, '.')+1]
		switch fam {
		case "order.label.status.", "order.label.unit.", "order.label.channel.", "order.label.source.",
			"order.verb.", "order.state.", "order.days.":
			continue // words inside a sentence
		}
		if k == "order.approval.item" {
			continue
		}
		s := T(k)
		if !(s[0] == '%' || (s[0] >= 'A' && s[0] <= 'Z')) || !strings.HasSuffix(s, ".") && fam != "order.subject." {
			t.Errorf("%s = %q does not read as a sentence", k, s)
		}
	}
}
