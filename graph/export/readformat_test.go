package export

import "testing"

func TestReadFormatOf(t *testing.T) {
	for path, want := range map[string]string{
		"seeds.nq": NQuads, "a/b.NQUADS": NQuads, "g.jsonld": JSONLD, "g.json": JSONLD,
		"g.pq": PQuads, "g.pquads": PQuads, "g.graphml": "", "nq": "", "g.nq.gz": "",
	} {
		got, ok := ReadFormatOf(path)
		if got != want || ok != (want != "") {
			t.Errorf("ReadFormatOf(%q) = %q, %v; want %q", path, got, ok, want)
		}
	}
}
