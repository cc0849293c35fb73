package serve

import "testing"

func TestLoopback(t *testing.T) {
	for _, tc := range []struct {
		host string
		want bool
	}{
		{"localhost", true},
		{"LocalHost:7474", true},
		{"127.0.0.1:7474", true},
		{"127.8.9.10", true},
		{"[::1]:7474", true},
		{"::1", true},
		{"0.0.0.0:7474", false},
		{"192.168.1.2:80", false},
		{"example.org", false},
		{":7474", false},
		{"", false},
	} {
		if got := Loopback(tc.host); got != tc.want {
			t.Errorf("Loopback(%q) = %v, want %v", tc.host, got, tc.want)
		}
	}
}
