// Package modelcache shares a decoded model among the components that use it at the same time,
// and lets the garbage collector free it once none does: a build needs the tagger, parser and
// name models (about 95 MB) while it extracts, and not while it writes the graph. It must not
// hold a model itself: the cache keeps only a weak pointer.
package modelcache

import (
	"sync"
	"weak"
)

// Cache loads a model on demand and hands out the same one while anybody still holds it.
type Cache[T any] struct {
	load func() (*T, error)
	mu   sync.Mutex
	p    weak.Pointer[T]
}

// New returns a cache that loads its model with load.
func New[T any](load func() (*T, error)) *Cache[T] { return &Cache[T]{load: load} }

// Get returns the model some caller still holds, or loads it anew. It is safe for concurrent
// use; concurrent first calls load once.
func (c *Cache[T]) Get() (*T, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m := c.p.Value(); m != nil {
		return m, nil
	}
	m, err := c.load()
	if err != nil {
		return nil, err
	}
	c.p = weak.Make(m)
	return m, nil
}
