package model

import (
	"testing"
	"time"
)

// The store calls TimeLeft for every visible row and Between for every
// answered complaint of the report; Add runs at registration and resume.

func BenchmarkWorkCalendarBetween20Days(b *testing.B) {
	w := DefaultComplaintSettings().Calendar()
	a := time.Date(2026, 12, 20, 7, 0, 0, 0, time.UTC)
	c := time.Date(2027, 1, 12, 10, 0, 0, 0, time.UTC)
	for b.Loop() {
		w.Between(a, c)
	}
}

func BenchmarkWorkCalendarBetweenDSTYear(b *testing.B) {
	w := settingsIn("America/New_York").Calendar()
	a := time.Date(2026, 1, 5, 7, 0, 0, 0, time.UTC)
	c := time.Date(2027, 1, 5, 10, 0, 0, 0, time.UTC)
	for b.Loop() {
		w.Between(a, c)
	}
}

func BenchmarkWorkCalendarAdd90h(b *testing.B) {
	w := DefaultComplaintSettings().Calendar()
	a := time.Date(2026, 12, 28, 7, 0, 0, 0, time.UTC)
	for b.Loop() {
		w.Add(a, 90*60)
	}
}

func BenchmarkWorkCalendarAdd4h(b *testing.B) {
	w := DefaultComplaintSettings().Calendar()
	a := time.Date(2026, 11, 20, 13, 0, 0, 0, time.UTC)
	for b.Loop() {
		w.Add(a, 4*60)
	}
}

func BenchmarkComplaintSettingsCalendar(b *testing.B) {
	s := DefaultComplaintSettings()
	for b.Loop() {
		s.Calendar()
	}
}
