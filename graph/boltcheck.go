package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime/debug"

	"github.com/cayleygraph/quad"
)

// ErrDamaged is returned when a bolt store's file is not what bolt wrote: truncated, empty,
// or with pages overwritten. `newsgraph verify` reads a store through to find such damage.
var ErrDamaged = errors.New("the store file is damaged")

// Bolt's file layout (boltdb/bolt v1.3.1): pages 0 and 1 each hold a page header and a meta
// record; the newer valid one describes the store.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	boltPageHeader = 16 // id uint64, flags uint16, count uint16, overflow uint32
	boltMetaSize   = 64 // magic, version, page size, flags, root bucket (2×8), freelist, pgid, txid, checksum
)

// boltMeta is the part of a meta page the checks need.
type boltMeta struct {
	pageSize        uint32
	root, freelist  uint64
	highWater, txid uint64
}

// readBoltMeta decodes the meta record at off in f, or says why it is not one.
func readBoltMeta(f io.ReaderAt, off int64) (boltMeta, error) {
	b := make([]byte, boltPageHeader+boltMetaSize)
	if _, err := f.ReadAt(b, off); err != nil {
		return boltMeta{}, fmt.Errorf("read the header at %d: %w", off, err)
	}
	m := b[boltPageHeader:]
	le := binary.LittleEndian
	if le.Uint32(m[0:]) != boltMagic {
		return boltMeta{}, errors.New("no bolt header (magic number)")
	}
	if le.Uint32(m[4:]) != boltVersion {
		return boltMeta{}, fmt.Errorf("bolt format version %d, not %d", le.Uint32(m[4:]), boltVersion)
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != le.Uint64(m[56:]) {
		return boltMeta{}, errors.New("the header's checksum does not match")
	}
	return boltMeta{pageSize: le.Uint32(m[8:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]),
		highWater: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}, nil
}

// checkBoltFile checks, cheaply and before bolt maps it, that the file at path is a whole bolt
// file: a valid header, and as long as the header says. Bolt trusts both (it has no checksums
// beyond the header), and reading past a truncated file's end faults. An empty file is only
// fine when it is to be written (bolt makes a new store in it).
func checkBoltFile(path string, readOnly bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.Size() == 0 {
		if readOnly {
			return fmt.Errorf("%w: the file is empty", ErrDamaged)
		}
		return nil
	}
	if !st.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	var best *boltMeta
	var errs []error
	first, err := readBoltMeta(f, 0)
	if err == nil {
		best = &first
		if second, err := readBoltMeta(f, int64(first.pageSize)); err == nil && second.txid > first.txid {
			best = &second
		} else if err != nil {
			errs = append(errs, err)
		}
	} else {
		errs = append(errs, err)
		// The first header is damaged: bolt's second copy sits one page on (4 KB pages on the
		// machines newsgraph runs on).
		if second, err := readBoltMeta(f, int64(os.Getpagesize())); err == nil {
			best = &second
		}
	}
	if best == nil {
		return fmt.Errorf("%w: not a bolt file, or both copies of its header are damaged (%v)", ErrDamaged, errors.Join(errs...))
	}
	m := *best
	if want := int64(m.highWater) * int64(m.pageSize); st.Size() < want {
		return fmt.Errorf("%w: truncated to %d bytes, where its header says %d", ErrDamaged, st.Size(), want)
	}
	if m.root < 2 || m.root >= m.highWater || m.freelist < 2 || m.freelist >= m.highWater {
		return fmt.Errorf("%w: the header points past the end of the file", ErrDamaged)
	}
	return nil
}

// damage turns what a read of a damaged bolt store panicked with (bolt's "invalid page type",
// a fault on its memory map) into an error naming the store.
func (s *Store) damage(r any) error {
	return fmt.Errorf("%w: %s: reading it failed (%v); run `newsgraph verify --db %s`", ErrDamaged, s.Location(), r, s.Location())
}

// guard is deferred by the methods that read or write a bolt store, with the fault setting it
// replaced (debug.SetPanicOnFault(true)): it restores the setting, and turns a panic of a read
// of a damaged file into an error naming the store. Bolt trusts its pages: an overwritten one
// panics, a truncated one faults.
func (s *Store) guard(err *error, panicOnFault bool) {
	debug.SetPanicOnFault(panicOnFault)
	if r := recover(); r != nil {
		if !s.b.mapped() {
			panic(r)
		}
		*err = s.damage(r)
	}
}

// VerifyReport is what Verify read.
type VerifyReport struct {
	// Quads is the number of quads read.
	Quads int64
	// Pages is the number of bolt pages checked (0 for other backends).
	Pages int
}

// Verify reads the whole of an existing store: for bolt, the file's header and length, then every
// page through bolt's own consistency check (each page reached once, none lost); then every quad,
// as the commands read them. It returns an error naming the store and what is wrong, wrapping
// ErrDamaged for damage. Bolt has no checksums over its data pages, so damage that leaves pages
// well formed (a changed letter in a name) cannot be found.
func Verify(ctx context.Context, opt Options) (rep *VerifyReport, err error) {
	opt.ReadOnly = true
	rep = &VerifyReport{}
	if opt.Backend == "bolt" || opt.Backend == "" {
		if err := verifyBoltPages(opt.Path, rep); err != nil {
			return nil, fmt.Errorf("verify bolt store %s: %w", opt.Path, err)
		}
	}
	st, err := Open(ctx, opt)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	err = st.EachQuad(ctx, "", func(quad.Quad) error {
		rep.Quads++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("verify %s: %w", st.Location(), err)
	}
	if _, err := st.Stats(ctx); err != nil {
		return nil, fmt.Errorf("verify %s: %w", st.Location(), err)
	}
	return rep, nil
}

// verifyBoltPages runs checkBoltFile, then walks every page of the file at path (see
// boltWalk).
func verifyBoltPages(path string, rep *VerifyReport) error {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return ErrNoStore
		}
		return err
	}
	if err := checkBoltFile(path, true); err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	m, err := readBoltMeta(bytes.NewReader(data), 0)
	if second, err2 := readBoltMeta(bytes.NewReader(data), int64(m.pageSize)); err != nil || err2 == nil && second.txid > m.txid {
		m, err = second, err2
	}
	if err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	w := &boltWalk{data: data, ps: int(m.pageSize), hwm: m.highWater, seen: make([]bool, m.highWater)}
	w.seen[0], w.seen[1] = true, true
	w.freelist(m.freelist)
	w.page(m.root, 0)
	for id := uint64(2); id < m.highWater && len(w.errs) < 5; id++ {
		if !w.seen[id] {
			w.errs = append(w.errs, fmt.Errorf("page %d is neither used nor free", id))
		}
	}
	rep.Pages = int(m.highWater)
	if len(w.errs) > 0 {
		return fmt.Errorf("%w: %w", ErrDamaged, errors.Join(w.errs...))
	}
	return nil
}

// boltWalk reads a bolt file's pages from the root bucket down, as bolt's Tx.Check does, but
// without trusting them: bolt's check runs in a goroutine of its own, so a page it cannot read
// ends the process, and a page that points back up makes it loop. Every page must be reached
// once, from a bucket or the free list; pages are bounded by the file; elements by their page.
type boltWalk struct {
	data []byte
	ps   int
	hwm  uint64
	seen []bool
	errs []error
}

// Page flags of bolt.
const (
	boltBranch   = 0x01
	boltLeaf     = 0x02
	boltFreelist = 0x10
	boltBucket   = 0x01 // leaf element flag: the value is a bucket
)

// span marks the pages of the page at id (with its overflow) seen and returns its bytes, or
// nil after noting what is wrong.
func (w *boltWalk) span(id uint64) []byte {
	if id < 2 || id >= w.hwm {
		w.errs = append(w.errs, fmt.Errorf("a page points to page %d, outside the file's %d pages", id, w.hwm))
		return nil
	}
	b := w.data[id*uint64(w.ps):]
	over := uint64(binary.LittleEndian.Uint32(b[12:]))
	if got := binary.LittleEndian.Uint64(b); got != id {
		w.errs = append(w.errs, fmt.Errorf("page %d says it is page %d", id, got))
		return nil
	}
	if id+over >= w.hwm {
		w.errs = append(w.errs, fmt.Errorf("page %d runs past the end of the file", id))
		return nil
	}
	for p := id; p <= id+over; p++ {
		if w.seen[p] {
			w.errs = append(w.errs, fmt.Errorf("page %d is reached twice", p))
			return nil
		}
		w.seen[p] = true
	}
	return b[:(over+1)*uint64(w.ps)]
}

// freelist marks the free list's page and the pages it lists as seen.
func (w *boltWalk) freelist(id uint64) {
	b := w.span(id)
	if b == nil {
		return
	}
	if flags := binary.LittleEndian.Uint16(b[8:]); flags != boltFreelist {
		w.errs = append(w.errs, fmt.Errorf("the free list's page %d is not a free list (flags %#x)", id, flags))
		return
	}
	n, ids := uint64(binary.LittleEndian.Uint16(b[10:])), b[boltPageHeader:]
	if n == 0xFFFF {
		n, ids = binary.LittleEndian.Uint64(ids), ids[8:]
	}
	if n > uint64(len(ids)/8) {
		w.errs = append(w.errs, fmt.Errorf("the free list on page %d lists more pages than it holds", id))
		return
	}
	for i := uint64(0); i < n; i++ {
		p := binary.LittleEndian.Uint64(ids[8*i:])
		if p < 2 || p >= w.hwm || w.seen[p] {
			w.errs = append(w.errs, fmt.Errorf("the free list lists page %d, which is used or outside the file", p))
			return
		}
		w.seen[p] = true
	}
}

// page checks the branch or leaf page id and every page below it.
func (w *boltWalk) page(id uint64, depth int) {
	if len(w.errs) >= 5 {
		return
	}
	b := w.span(id)
	if b == nil {
		return
	}
	w.node(id, b, depth)
}

// node checks the page held in b (a page of the file, or a bucket's inline page).
func (w *boltWalk) node(id uint64, b []byte, depth int) {
	if depth > 64 {
		w.errs = append(w.errs, fmt.Errorf("page %d: the tree is deeper than any bolt writes", id))
		return
	}
	le := binary.LittleEndian
	flags, n := le.Uint16(b[8:]), int(le.Uint16(b[10:]))
	if boltPageHeader+16*n > len(b) {
		w.errs = append(w.errs, fmt.Errorf("page %d: %d elements do not fit", id, n))
		return
	}
	for i := 0; i < n && len(w.errs) < 5; i++ {
		at := boltPageHeader + 16*i
		e := b[at:]
		switch flags {
		case boltBranch:
			pos, ksize := int(le.Uint32(e)), int(le.Uint32(e[4:]))
			if at+pos+ksize > len(b) {
				w.errs = append(w.errs, fmt.Errorf("page %d: element %d runs past its page", id, i))
				return
			}
			w.page(le.Uint64(e[8:]), depth+1)
		case boltLeaf:
			eflags, pos, ksize, vsize := le.Uint32(e), int(le.Uint32(e[4:])), int(le.Uint32(e[8:])), int(le.Uint32(e[12:]))
			if at+pos+ksize+vsize > len(b) || pos < 0 || ksize < 0 || vsize < 0 {
				w.errs = append(w.errs, fmt.Errorf("page %d: element %d runs past its page", id, i))
				return
			}
			if eflags&boltBucket == 0 {
				continue
			}
			v := b[at+pos+ksize : at+pos+ksize+vsize]
			if len(v) < 16 {
				w.errs = append(w.errs, fmt.Errorf("page %d: bucket %d is too short", id, i))
				return
			}
			if root := le.Uint64(v); root != 0 {
				w.page(root, depth+1)
			} else if len(v) < 16+boltPageHeader {
				w.errs = append(w.errs, fmt.Errorf("page %d: inline bucket %d is too short", id, i))
			} else {
				w.node(id, v[16:], depth+1)
			}
		default:
			w.errs = append(w.errs, fmt.Errorf("page %d is neither a branch nor a leaf (flags %#x)", id, flags))
			return
		}
	}
}
