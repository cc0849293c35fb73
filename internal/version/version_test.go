package version

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestLine(t *testing.T) {
	info := func(version string, settings ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Version: version}}
		for i := 0; i+1 < len(settings); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return bi
	}
	for _, tc := range []struct {
		name string
		bi   *debug.BuildInfo
		ok   bool
		want string
	}{
		{"no build info", nil, false, "newsgraph (devel) go1.x"},
		{"working tree", info(""), true, "newsgraph (devel) go1.x"},
		{"release", info("v1.2.0"), true, "newsgraph v1.2.0 go1.x"},
		{"commit", info("v1.2.0", "vcs.revision", "0123456789abcdef", "vcs.modified", "false"), true, "newsgraph v1.2.0 0123456789ab go1.x"},
		{"dirty short commit", info("(devel)", "vcs.revision", "abc", "vcs.modified", "true"), true, "newsgraph (devel) abc+dirty go1.x"},
	} {
		if got := line(tc.bi, tc.ok, "go1.x"); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := Line(); !strings.HasPrefix(got, "newsgraph ") {
		t.Errorf("Line() = %q", got)
	}
}
