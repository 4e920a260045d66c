package orders

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"clientbase/model"
)

func statusText(s model.OrderStatus) string { return model.T("orders.status." + string(s)) }

func channelText(c model.OrderChannel) string { return model.T("orders.channel." + string(c)) }

func sourceText(s model.LineSource) string { return model.T("orders.source." + string(s)) }

// parseDay reads a date typed in a header field: "dd.mm.yyyy", "dd.mm"
// (this year), "+N" (N days after base), or nothing (no date). The result
// is midnight in loc.
func parseDay(s string, base time.Time, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	bad := errors.New(model.T("orders.error.date", s))
	if strings.HasPrefix(s, "+") {
		n, err := strconv.Atoi(s[1:])
		if err != nil || n < 0 || n > 3660 {
			return time.Time{}, bad
		}
		b := base.In(loc)
		return time.Date(b.Year(), b.Month(), b.Day()+n, 0, 0, 0, 0, loc), nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '/' || r == '-' })
	if len(parts) != 2 && len(parts) != 3 {
		return time.Time{}, bad
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return time.Time{}, bad
		}
		nums[i] = n
	}
	year := base.In(loc).Year()
	if len(nums) == 3 {
		year = nums[2]
		if len(parts[2]) == 2 {
			year += 2000
		}
	}
	if year < 1900 || year > 2200 {
		return time.Time{}, bad
	}
	d := time.Date(year, time.Month(nums[1]), nums[0], 0, 0, 0, 0, loc)
	if d.Day() != nums[0] || int(d.Month()) != nums[1] {
		return time.Time{}, bad // 31.02 does not roll over into March
	}
	return d, nil
}

// amount is an amount without its currency, for columns (the totals line names it).
func amount(m model.Money) string { return model.FormatMoney(model.Money{Minor: m.Minor}) }
