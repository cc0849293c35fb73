package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/eval"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// scoreKG locates the reference scorer, the seed gold and python3, or skips the test.
func scoreKG(t *testing.T) (python, script, gold string) {
	t.Helper()
	script = shared.Require(t, "eval", "score_kg.py")
	gold = shared.Require(t, "eval", "seeds-gold")
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("skipping: no python3 to run the reference scorer")
	}
	return python, script, gold
}

// TestEvalAgreesWithScoreKG scores the facts `newsgraph extract seeds/` gives, and fact files
// made from the seed gold at run time with the cases that stress the matching (literal objects,
// unresolved and last-name subjects, documents outside the gold, predicates known only by their
// CAMEO code, British spellings, path and prefix document names, fragmented and over-merged ids),
// with both scorers: the text reports must be byte for byte the same, and every figure of the
// JSON reports equal.
func TestEvalAgreesWithScoreKG(t *testing.T) {
	python, script, goldDir := scoreKG(t)
	gold, err := eval.LoadGold(goldDir)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	code, seeds, stderr := newsgraph(t, "extract", seedsDir)
	if code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr)
	}
	files := map[string]string{
		"seeds":    seeds,
		"shifted":  shiftDocs(t, seeds),
		"exact":    madeFacts(gold, false),
		"edge":     madeFacts(gold, true),
		"empty":    "",
		"not-json": "{\"doc\": \n\n",
	}
	for name, content := range files {
		path := filepath.Join(dir, name+".jsonl")
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		pyText, pyCode := runScoreKG(t, python, script, goldDir, path)
		code, goText, stderr := newsgraph(t, "eval", "--gold", goldDir, "--facts", path)
		if code != pyCode {
			t.Errorf("%s: exit %d, score_kg.py %d (%s)", name, code, pyCode, stderr)
		}
		if goText != pyText {
			t.Errorf("%s: text reports differ:\nnewsgraph eval:\n%s\nscore_kg.py:\n%s", name, goText, pyText)
		}
		pyJSON, _ := runScoreKG(t, python, script, goldDir, path, "--json")
		_, goJSON, _ := newsgraph(t, "eval", "--gold", goldDir, "--facts", path, "--json")
		py, g := firstJSON(t, pyJSON), firstJSON(t, goJSON)
		if len(py) != 12 {
			t.Errorf("%s: score_kg.py reported %d figures, want 12", name, len(py))
		}
		for k, v := range py {
			if !reflect.DeepEqual(g[k], v) {
				t.Errorf("%s: %s = %v, score_kg.py says %v", name, k, g[k], v)
			}
		}
		for k := range g {
			if _, ok := py[k]; !ok {
				t.Errorf("%s: key %s not in score_kg.py's report", name, k)
			}
		}
		t.Logf("%s: %s", name, strings.TrimSpace(goText[strings.LastIndex(strings.TrimSpace(goText), "\n")+1:]))
	}

	// Thresholds: the same exit status as the script's.
	path := filepath.Join(dir, "exact.jsonl")
	for _, th := range [][]string{{"--min-core", "0.2"}, {"--min-core", "1.01"}, {"--min-recall", "0.9", "--min-precision", "0.5"}, {"--min-precision", "1.01"}} {
		_, pyCode := runScoreKG(t, python, script, goldDir, append([]string{path}, th...)...)
		code, _, stderr := newsgraph(t, append([]string{"eval", "--gold", goldDir, "--facts", path}, th...)...)
		if code != pyCode {
			t.Errorf("%v: exit %d, score_kg.py %d (%s)", th, code, pyCode, stderr)
		}
		if code == exitPartial && !strings.Contains(stderr, "below "+th[len(th)-2]) {
			t.Errorf("%v: no threshold message: %s", th, stderr)
		}
	}

	// Extracting INPUT scores exactly what extracting to a file and --facts score.
	code, direct, stderr := newsgraph(t, "eval", "--gold", goldDir, seedsDir)
	if code != exitOK {
		t.Fatalf("eval seeds exit %d: %s", code, stderr)
	}
	_, viaFile, _ := newsgraph(t, "eval", "--gold", goldDir, "--facts", filepath.Join(dir, "seeds.jsonl"))
	if direct != viaFile {
		t.Errorf("eval INPUT and eval --facts differ:\n%s\n%s", direct, viaFile)
	}
}

// runScoreKG runs score_kg.py GOLD args... and returns its stdout and exit status.
func runScoreKG(t *testing.T, python, script, gold string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(python, append([]string{script, gold}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 && !strings.Contains(errb.String(), "Traceback") {
		return out.String(), 1
	}
	if err != nil {
		t.Fatalf("score_kg.py %v: %v\n%s", args, err, errb.String())
	}
	return out.String(), 0
}

// firstJSON decodes the JSON object at the start of s (score_kg.py prints its summary after it).
func firstJSON(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.NewDecoder(strings.NewReader(s)).Decode(&m); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, s)
	}
	return m
}

// shiftDocs gives every extracted fact the document of the next one.
func shiftDocs(t *testing.T, facts string) string {
	t.Helper()
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(facts), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, m)
	}
	var b strings.Builder
	for i, m := range lines {
		m["doc"] = lines[(i+1)%len(lines)]["doc"]
		j, _ := json.Marshal(m)
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

// cameoOf is a CAMEO code of each gold class's root, for predictions matched only by their code.
var cameoOf = map[string]string{"SAY": "010", "ASK": "020", "PROPOSE": "036", "NEGOTIATE": "040", "PRAISE": "051",
	"SUPPORT": "070", "WITHDRAW": "080", "CRITICIZE": "111", "OPPOSE": "140", "ATTACK": "190"}

// madeFacts writes one prediction per gold fact: the fact itself, or (edge) a variation of it
// chosen by its position, plus lines the scorers must skip or cannot resolve.
func madeFacts(g *eval.Gold, edge bool) string {
	ents := map[string]eval.GoldEntity{}
	for _, e := range g.Entities {
		ents[e.ID] = e
	}
	ref := func(id string) map[string]any {
		e := ents[id]
		return map[string]any{"id": "t:" + id, "name": e.Name, "type": e.Type}
	}
	var b strings.Builder
	for i, gf := range g.Facts {
		if len(gf.Docs) == 0 || len(gf.Docs[0]) < 3 {
			continue
		}
		p := map[string]any{"doc": gf.Docs[0], "subject": ref(gf.Subject), "predicate": gf.Predicate, "relation": gf.Predicate}
		if gf.Object.IsLiteral() {
			p["object"] = map[string]any{"literal": gf.Object.Literal}
		} else {
			p["object"] = ref(gf.Object.Entity)
		}
		if edge {
			subj, obj := p["subject"].(map[string]any), p["object"].(map[string]any)
			words := strings.Fields(gf.Object.Literal)
			switch i % 9 {
			case 0: // only the CAMEO code says what the predicate means
				p["predicate"], p["relation"], p["cameo"] = "xyzzy", "", cameoOf[gf.Class]
			case 1: // British spellings
				p["predicate"], p["relation"] = "criticised", "criticise"
			case 2: // half a literal; an entity object given as a literal
				if gf.Object.IsLiteral() {
					obj["literal"] = strings.Join(words[:len(words)/2], " ")
				} else {
					p["object"] = map[string]any{"literal": ents[gf.Object.Entity].Name}
				}
			case 3: // a document outside the gold
				p["doc"] = "zz_not_in_gold.txt"
			case 4: // a path to the document; the subject by its last name, as a mention
				p["doc"] = "corpus/" + gf.Docs[0]
				name := strings.Fields(ents[gf.Subject].Name)
				subj["name"], subj["mention"] = "", name[len(name)-1]
			case 5: // a prefix of the document; a subject no gold entity has
				p["doc"] = gf.Docs[0][:3]
				subj["name"] = "Nobody Inparticular"
			case 6: // aliases with curly apostrophes and articles; a numeric CAMEO code
				if e := ents[gf.Subject]; len(e.Aliases) > 0 {
					subj["name"] = "The " + strings.ReplaceAll(e.Aliases[len(e.Aliases)-1], "'", "\u2019")
				}
				obj["mention"], obj["name"] = obj["name"], ""
				p["cameo"] = 51
			case 7: // one gold entity under two ids, two gold entities under one id
				subj["id"] = "t:" + gf.Subject + ":again"
				obj["id"] = "t:merged"
			case 8: // no object; a literal subject
				delete(p, "object")
				p["subject"] = map[string]any{"literal": ents[gf.Subject].Name}
			}
		}
		j, _ := json.Marshal(p)
		b.Write(j)
		b.WriteByte('\n')
	}
	if edge && len(g.Facts) > 3 {
		// An empty document name is a prefix of every gold document: the fact the doc outside
		// the gold hid is found this way.
		gf := g.Facts[3]
		p := map[string]any{"doc": "", "subject": ref(gf.Subject), "predicate": gf.Predicate, "relation": "", "object": map[string]any{"literal": gf.Object.Literal}}
		if !gf.Object.IsLiteral() {
			p["object"] = ref(gf.Object.Entity)
		}
		j, _ := json.Marshal(p)
		b.Write(j)
		b.WriteString("\nnot JSON\n")
		fmt.Fprintf(&b, `{"doc": "", "subject": {"name": "Nobody"}, "predicate": "said", "object": {"literal": "nothing at all"}}`+"\n")
	}
	return b.String()
}

func TestEvalUsage(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold")
	facts := filepath.Join(dir, "facts.jsonl")
	if err := os.WriteFile(facts, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"eval", seedsDir}, exitUsage, "--gold DIR is required"},
		{[]string{"eval", "--gold", gold}, exitUsage, "--facts"},
		{[]string{"eval", "--gold", gold, "--facts", facts, seedsDir}, exitUsage, "not both"},
		{[]string{"eval", "--gold", gold, "--min-core", "x", "--facts", facts}, exitUsage, "min-core"},
		{[]string{"eval", "--gold", gold, "--facts", facts}, exitPartial, filepath.Join(gold, "entities.json")},
	} {
		code, _, stderr := newsgraph(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("newsgraph %v: exit %d, want %d with %q:\n%s", tc.args, code, tc.code, tc.msg, stderr)
		}
	}
	// A malformed gold line is named by file and line.
	if err := os.Mkdir(gold, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(gold, "entities.json"), []byte(`[{"id": "a", "name": "A", "type": "ORG"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(gold, "facts.jsonl"), []byte("\n{\"id\": \"g1\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := newsgraph(t, "eval", "--gold", gold, "--facts", facts)
	if want := filepath.Join(gold, "facts.jsonl") + ":2:"; code != exitPartial || !strings.Contains(stderr, want) {
		t.Errorf("malformed gold: exit %d, want %d naming %s:\n%s", code, exitPartial, want, stderr)
	}
	// An unreadable facts file is an error naming it.
	fact := `{"id": "g1", "subject": "a", "predicate": "say", "class": "SAY", "object": "a", "docs": ["x.txt"]}`
	if err := os.WriteFile(filepath.Join(gold, "facts.jsonl"), []byte(fact), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := newsgraph(t, "eval", "--gold", gold, "--facts", filepath.Join(dir, "none.jsonl")); code != exitPartial || !strings.Contains(stderr, "none.jsonl") {
		t.Errorf("missing facts file: exit %d:\n%s", code, stderr)
	}
}
