package modelcache

import (
	"errors"
	"runtime"
	"sync"
	"testing"
)

type model struct{ weights []int32 }

func TestSharedWhileHeld(t *testing.T) {
	loads := 0
	c := New(func() (*model, error) { loads++; return &model{weights: make([]int32, 1<<16)}, nil })
	var wg sync.WaitGroup
	got := make([]*model, 8)
	for i := range got {
		wg.Add(1)
		go func() { defer wg.Done(); got[i], _ = c.Get() }()
	}
	wg.Wait()
	for _, m := range got {
		if m != got[0] || m == nil {
			t.Fatalf("concurrent Get gave different models: %p and %p", m, got[0])
		}
	}
	runtime.GC()
	if m, _ := c.Get(); m != got[0] {
		t.Error("a model still held was loaded again")
	}
	if loads != 1 {
		t.Errorf("%d loads, want 1", loads)
	}
	runtime.KeepAlive(got)
}

func TestFreedWhenDropped(t *testing.T) {
	loads := 0
	c := New(func() (*model, error) { loads++; return &model{weights: make([]int32, 1<<16)}, nil })
	if m, err := c.Get(); err != nil || m == nil {
		t.Fatal(m, err)
	}
	// Nobody holds the model now: a collection frees it and the next Get loads it again.
	for i := 0; i < 3 && loads == 1; i++ {
		runtime.GC()
		if _, err := c.Get(); err != nil {
			t.Fatal(err)
		}
	}
	if loads != 2 {
		t.Errorf("%d loads after the model was dropped and collected, want 2", loads)
	}
}

func TestLoadError(t *testing.T) {
	bad := errors.New("corrupt model")
	c := New(func() (*model, error) { return nil, bad })
	if m, err := c.Get(); !errors.Is(err, bad) || m != nil {
		t.Errorf("Get = %v, %v; want the load error", m, err)
	}
}
