package server

import (
	"net"
	"testing"
	"time"
)

func TestFailedConnectionsSlowTheirAddress(t *testing.T) {
	f := newFailures()
	at := time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)
	bad := &net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 50000}
	samehost := &net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 50001}
	other := &net.TCPAddr{IP: net.ParseIP("192.0.2.8"), Port: 50000}
	if d := f.delay(bad, at); d != 0 {
		t.Errorf("a new address waits %v", d)
	}
	want := firstDelay
	for i := range 10 {
		f.failed(bad, at)
		if d := f.delay(samehost, at); d != want {
			t.Errorf("after %d failures: %v, want %v (any port of the host)", i+1, d, want)
		}
		want = min(2*want, maxDelay)
	}
	if d := f.delay(other, at); d != 0 {
		t.Errorf("another address waits %v", d)
	}
	if d := f.delay(bad, at.Add(forgetAfter+time.Second)); d != 0 {
		t.Errorf("after a quiet %v: %v, want none", forgetAfter, d)
	}
	f.failed(bad, at.Add(forgetAfter+time.Second))
	if d := f.delay(bad, at.Add(forgetAfter+time.Second)); d != firstDelay {
		t.Errorf("a failure after the quiet time counts from the start: %v", d)
	}
	f.succeeded(samehost)
	if d := f.delay(bad, at); d != 0 {
		t.Errorf("after a login: %v, want none", d)
	}
}

func TestFailuresRememberABoundedNumberOfAddresses(t *testing.T) {
	f := newFailures()
	at := time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)
	addr := func(i int) net.Addr { return &net.TCPAddr{IP: net.IPv4(10, byte(i>>16), byte(i>>8), byte(i)), Port: 1} }
	for i := range maxTracked + 50 {
		f.failed(addr(i), at.Add(time.Duration(i)*time.Millisecond))
	}
	if n := len(f.seen); n > maxTracked {
		t.Errorf("%d addresses remembered, at most %d", n, maxTracked)
	}
	if f.delay(addr(maxTracked+49), at.Add(time.Minute)) == 0 {
		t.Error("the newest failing address was forgotten")
	}
}
