package layers

import (
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/newsgraph/newsgraph/"

// allowed lists, for each package of the module, the packages of the module it may import
// (test files aside). A new import between the module's packages is added here, where a
// reviewer sees it, and must also keep the layer rules of TestLayers.
var allowed = map[string][]string{
	"schema":                      {},
	"schema/internal/gencameo":    {"internal/shared"},
	"internal/shared":             {},
	"internal/cputime":            {},
	"internal/layers":             {},
	"internal/testbin":            {},
	"internal/version":            {},
	"internal/cli":                {"extract/input", "graph"},
	"internal/storetest":          {"schema"},
	"internal/fixture":            {"schema"},
	"internal/debugparse":         {"extract", "extract/clause", "extract/coref", "extract/input", "extract/quote"},
	"bench/ngbench":               {"extract/input", "graph", "schema"},
	"cmd/newsgraph":               {"build", "extract", "extract/annotate", "extract/eval", "extract/fetch", "extract/input", "extract/openie", "graph", "graph/export", "graph/present", "graph/serve", "internal/cli", "internal/version", "schema"},
	"build":                       {"extract", "extract/doc", "extract/fetch", "extract/input", "extract/prepare", "extract/resolve", "extract/spool", "graph", "graph/export", "schema"},
	"cmd/newsgraph-train":         {"extract", "extract/annotate", "extract/doc", "extract/ner", "extract/parse", "extract/tag", "internal/shared"},
	"graph":                       {"schema"},
	"graph/export":                {"graph", "schema"},
	"graph/present":               {"graph", "schema"},
	"graph/serve":                 {"graph", "schema"},
	"graph/serve/browsertest":     {},
	"extract":                     {"extract/clause", "extract/coref", "extract/doc", "extract/input", "extract/lang", "extract/lexicon", "extract/ner", "extract/parse", "extract/prepare", "extract/quote", "extract/segment", "extract/tag", "extract/timex", "extract/tree", "schema"},
	"extract/annotate":            {"extract", "extract/coref", "extract/doc", "extract/input", "extract/internal/conllu", "extract/ner", "extract/segment", "extract/tag", "schema"},
	"extract/doc":                 {},
	"extract/fetch":               {},
	"extract/input":               {"schema"},
	"extract/lang":                {"extract/doc"},
	"extract/prepare":             {"extract/doc", "extract/input", "extract/lexicon", "schema"},
	"extract/segment":             {"extract/doc"},
	"extract/tag":                 {"extract/doc", "extract/internal/conllu", "extract/internal/modelcache", "extract/tag/percep"},
	"extract/tag/percep":          {},
	"extract/parse":               {"extract/doc", "extract/internal/modelcache", "extract/tag", "extract/tag/percep"},
	"extract/ner":                 {"extract/doc", "extract/internal/conllu", "extract/internal/modelcache", "extract/lexicon", "schema"},
	"extract/lexicon":             {},
	"extract/coref":               {"extract/doc", "extract/lexicon", "extract/quote/marks", "schema"},
	"extract/timex":               {},
	"extract/tree":                {"extract/doc"},
	"extract/clause":              {"extract/doc", "extract/tree"},
	"extract/quote":               {"extract/clause", "extract/doc", "extract/quote/marks", "schema"},
	"extract/quote/marks":         {"extract/doc"},
	"extract/openie":              {"extract/doc", "extract/lexicon", "extract/parse", "extract/segment", "extract/tag", "extract/tree"},
	"extract/resolve":             {"schema"},
	"extract/eval":                {"schema"},
	"extract/spool":               {"extract", "schema"},
	"extract/internal/conllu":     {"extract/doc"},
	"extract/internal/modelcache": {},
}

// layerRules are the imports no entry of allowed may grant: a package whose path starts with the
// first element never imports one whose path starts with the second.
var layerRules = [][2]string{
	{"extract", "graph"}, {"extract", "cmd"},
	{"graph", "extract"}, {"graph", "cmd"},
	{"schema", "extract"}, {"schema", "graph"}, {"schema", "cmd"},
	{"internal", "cmd"}, {"bench", "cmd"},
	{"build", "cmd"}, {"extract", "build"}, {"graph", "build"}, {"schema", "build"},
	// internal/cli is the command line's machinery: only cmd imports it.
	{"build", "internal/cli"}, {"extract", "internal/cli"}, {"graph", "internal/cli"},
	{"schema", "internal/cli"}, {"bench", "internal/cli"}, {"internal", "internal/cli"},
}

// packages returns the module's packages (relative paths) with the module packages each
// imports, read from the source files that build on this machine, test files aside.
func packages(t *testing.T) map[string][]string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if n := d.Name(); path != root && (strings.HasPrefix(n, ".") || n == "testdata" || n == "node_modules") {
			return filepath.SkipDir
		}
		p, err := build.ImportDir(path, 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); ok {
				return nil
			}
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		var own []string
		for _, imp := range p.Imports {
			if strings.HasPrefix(imp, module) {
				own = append(own, strings.TrimPrefix(imp, module))
			}
		}
		sort.Strings(own)
		out[rel] = own
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLayers checks every package's imports against allowed and the layer rules, and that
// allowed names no package that is gone.
func TestLayers(t *testing.T) {
	if _, err := os.Stat("../../go.mod"); err != nil {
		t.Fatalf("not at the module's internal/layers: %v", err)
	}
	pkgs := packages(t)
	for pkg, imps := range pkgs {
		ok, listed := allowed[pkg]
		if !listed {
			t.Errorf("package %s is not in internal/layers' allowed table (it imports %v)", pkg, imps)
			continue
		}
		for _, imp := range imps {
			if !slices.Contains(ok, imp) {
				t.Errorf("%s imports %s, which internal/layers does not allow", pkg, imp)
			}
		}
	}
	for pkg, ok := range allowed {
		if _, exists := pkgs[pkg]; !exists {
			t.Errorf("internal/layers allows imports for %s, which does not exist", pkg)
		}
		for _, imp := range ok {
			for _, r := range layerRules {
				if under(pkg, r[0]) && under(imp, r[1]) {
					t.Errorf("internal/layers allows %s to import %s, against the rule that %s never imports %s", pkg, imp, r[0], r[1])
				}
			}
		}
	}
}

// under reports whether package path p is dir or below it.
func under(p, dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }
