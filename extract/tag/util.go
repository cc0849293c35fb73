package tag

import (
	"cmp"
	"encoding/binary"
	"slices"

	"github.com/newsgraph/newsgraph/extract/tag/percep"
)

func appendUvarint(b []byte, v int) []byte { return binary.AppendUvarint(b, uint64(v)) }

func appendU64(b []byte, v uint64) []byte { return binary.LittleEndian.AppendUint64(b, v) }

func readU64(d *percep.Decoder) uint64 {
	lo := d.Uint32()
	hi := d.Uint32()
	return uint64(hi)<<32 | uint64(lo)
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
