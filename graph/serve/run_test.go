package serve

import (
	"context"
	"errors"
	"net"
	"net/http"
	"testing"
)

// Run answers on its listener until its context is done, then returns nil; a listener that
// fails stops it with the error.
func TestRun(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- New(fixtureStore(t), Config{LocalOnly: true}).Run(ctx, ln) }()
	var ans struct{ Articles int }
	if code := call(t, "GET", "http://"+ln.Addr().String()+"/api/v1/stats", "", &ans); code != http.StatusOK || ans.Articles == 0 {
		t.Errorf("GET /api/v1/stats: %d, %+v", code, ans)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run after its context ended: %v", err)
	}
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	closed.Close()
	if err := New(fixtureStore(t), Config{}).Run(context.Background(), closed); !errors.Is(err, net.ErrClosed) {
		t.Errorf("Run on a closed listener: %v", err)
	}
}
