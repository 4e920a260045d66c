package main

import (
	"io"
	"strings"
	"time"

	"clientbase/model"
	"clientbase/ui/complaintreport"
)

// cmdReport writes a report as CSV for scripts and management:
// `clientbase report complaints [--from D] [--to D] [--out FILE] [--excel]`.
// The period is [from, to] in whole days of the machine's zone (default:
// this month so far); without --out the CSV goes to stdout.
func cmdReport(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "complaints" {
		fail(stderr, "cli.report_what")
		return 2
	}
	var o options
	fs := newFlagSet("report", stderr)
	globalFlags(fs, &o)
	fromText := fs.String("from", "", "first day, dd.mm.yyyy or yyyy-mm-dd")
	toText := fs.String("to", "", "last day, dd.mm.yyyy or yyyy-mm-dd")
	out := fs.String("out", "", "file to write (default: stdout)")
	excel := fs.Bool("excel", false, "UTF-8 with BOM, ; and decimal comma")
	if code, done := parse(fs, args[1:], stdout); done {
		return code
	}
	now := time.Now()
	from := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.Local)
	to := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, time.Local)
	var err error
	if *fromText != "" {
		if from, err = parseDay(*fromText); err != nil {
			fail(stderr, "cli.bad_date", "--from", *fromText)
			return 2
		}
	}
	if *toText != "" {
		last, err := parseDay(*toText)
		if err != nil {
			fail(stderr, "cli.bad_date", "--to", *toText)
			return 2
		}
		to = last.AddDate(0, 0, 1)
	}
	if !to.After(from) {
		fail(stderr, "cli.bad_period")
		return 2
	}
	o.readOnly = true // a report only reads
	db, me, ok := openStore(o, stderr)
	if !ok {
		return 1
	}
	defer db.Close()
	s := db.As(me)
	if *out == "" || *out == "-" {
		r, err := complaintreport.Named(s, from, to)
		if err == nil {
			err = model.WriteComplaintReportCSV(stdout, r, *excel)
		}
		if err != nil {
			failErr(stderr, err)
			return 1
		}
		return 0
	}
	rows, err := complaintreport.ExportCSV(s, from, to, *out, *excel)
	if err != nil {
		failErr(stderr, err)
		return 1
	}
	say(stdout, "cli.report_written", rows, *out)
	return 0
}

// parseDay reads a date as people there write it (dd.mm.yyyy) or ISO.
func parseDay(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"02.01.2006", "2006-01-02", "2.1.2006"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	_, err := time.Parse("02.01.2006", s)
	return time.Time{}, err
}
