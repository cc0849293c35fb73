package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSettingsConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const secret = "0123456789abcdef"
	good := write("token", "  "+secret+"  \nsecond line\n")
	empty := write("empty", "\n")
	odd := write("odd\tname", "")
	ok := Settings{Addr: "127.0.0.1:7474", QueryTimeout: time.Second, MaxResults: 10, QueryMemoryMB: 64}
	with := func(f func(*Settings)) Settings { s := ok; f(&s); return s }
	for _, tc := range []struct {
		name string
		s    Settings
		want Config // when err is ""
		err  string
	}{
		{"local", ok, Config{QueryTimeout: time.Second, MaxResults: 10, QueryMemory: 64 << 20, LocalOnly: true}, ""},
		{"token file", with(func(s *Settings) { s.Addr, s.AuthTokenFile = "0.0.0.0:80", good }),
			Config{QueryTimeout: time.Second, MaxResults: 10, QueryMemory: 64 << 20, AuthToken: secret}, ""},
		{"token", with(func(s *Settings) { s.AuthToken = secret }),
			Config{QueryTimeout: time.Second, MaxResults: 10, QueryMemory: 64 << 20, LocalOnly: true, AuthToken: secret}, ""},
		{"no timeout", with(func(s *Settings) { s.QueryTimeout = 0 }), Config{}, "must be positive"},
		{"no results", with(func(s *Settings) { s.MaxResults = -1 }), Config{}, "must be positive"},
		{"no memory", with(func(s *Settings) { s.QueryMemoryMB = 0 }), Config{}, "must be positive"},
		{"bad addr", with(func(s *Settings) { s.Addr = "nope" }), Config{}, `--addr "nope": `},
		{"remote without token", with(func(s *Settings) { s.Addr = "0.0.0.0:7474" }), Config{}, "listens beyond localhost"},
		{"both", with(func(s *Settings) { s.AuthToken, s.AuthTokenFile = secret, good }), Config{}, "not both"},
		{"missing file", with(func(s *Settings) { s.AuthTokenFile = filepath.Join(dir, "none") }), Config{}, "--auth-token-file: open "},
		{"empty file", with(func(s *Settings) { s.AuthTokenFile = empty }), Config{}, empty + " is empty"},
		{"odd name", with(func(s *Settings) { s.AuthTokenFile = odd }), Config{}, `"` + dir + `/odd\tname" is empty`},
		{"short", with(func(s *Settings) { s.AuthToken = "short" }), Config{}, "too short"},
	} {
		got, err := tc.s.Config()
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want one with %q", tc.name, err, tc.err)
		case got != tc.want:
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
