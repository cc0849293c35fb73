package serve

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// gizmoGrammar are the constructs of the scripts FuzzGizmo writes: those that overflowed the
// stack inside built-ins, backtracking regular expressions, large allocations, large or endless
// results, plain recursion and loops, and ordinary traversals. Each takes a number n (0–255)
// from the input.
var gizmoGrammar = []func(n int) string{
	func(n int) string { return fmt.Sprintf(`var o%d = {get x() { return this.x }}; o%d.x;`, n, n) },
	func(n int) string { return fmt.Sprintf(`var a%d = []; a%d[0] = a%d; a%d.join();`, n, n, n, n) },
	func(n int) string { return `var t = {toString: function() { return String(this) }}; "" + t;` },
	func(n int) string { return `var v = {valueOf: function() { return this + 1 }}; v + 1;` },
	func(n int) string { return `var a = [1]; a.push(a); JSON.stringify(a.toString());` },
	func(n int) string {
		return fmt.Sprintf(`/^(a+)+\1b$/.test("%s");`, strings.Repeat("a", n%32))
	},
	func(n int) string { return fmt.Sprintf(`new Array(%d).join("xxxxxxxx").length;`, 1<<(n%29)) },
	func(n int) string {
		return fmt.Sprintf(`var s = "x"; while (s.length < %d) { s = s + s }; for (var i = 0; i < %d; i++) { g.Emit(s + i) };`, 1<<(n%24), n*4)
	},
	func(n int) string { return `function f() { return f() + 1 }; f();` },
	func(n int) string { return fmt.Sprintf(`for (var i = 0; i < %d; i++) {}`, n*n*n) },
	func(n int) string {
		return `g.V("<person/maria-lopez>").Out("<praised>").Unique().Out("<name>").All();`
	},
	func(n int) string { return fmt.Sprintf(`g.V().Limit(%d).All();`, n) },
	func(n int) string { return `while (true) {}` },
	func(n int) string { return fmt.Sprintf(`g.Emit(%d);`, n) },
}

// gizmoScript writes the script that input b describes: pairs of bytes (a construct, its
// number), at most four, some wrapped in try/catch.
func gizmoScript(b []byte) string {
	var parts []string
	for i := 0; i+1 < len(b) && len(parts) < 4; i += 2 {
		c, n := int(b[i]), int(b[i+1])
		s := gizmoGrammar[c%len(gizmoGrammar)](n)
		if c/len(gizmoGrammar)%2 == 1 {
			s = "try { " + s + " } catch (e) { g.Emit(String(e)) }"
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return "g.Emit(1)"
	}
	return strings.Join(parts, "\n")
}

// FuzzGizmo sends scripts of gizmoGrammar to a server whose queries run in workers: every script
// gets an answer (results, or an error the client is told), the worker has ended by then, and
// the server answers the next query. It runs briefly in .ci/run. The time limit, 2 s, is a
// hundred times what the next query takes, so that it holds on a loaded machine.
func FuzzGizmo(f *testing.F) {
	for c := range gizmoGrammar {
		f.Add([]byte{byte(c), 30})
	}
	f.Add([]byte{0, 1, 1, 2, 10, 3})
	f.Add([]byte{5 + byte(len(gizmoGrammar)), 31, 6, 28})
	ts, _, exits := workerServer(f, 2*time.Second, 128<<20)
	ok := `g.V("<person/maria-lopez>").Out("<name>").All()`
	post := func(t *testing.T, q string) (int, map[string]json.RawMessage) {
		resp, err := http.Post(ts.URL+"/api/v1/query/gizmo", "text/plain", strings.NewReader(q))
		if err != nil {
			t.Fatalf("%s: the server did not answer: %v", q, err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		var body map[string]json.RawMessage
		if err := json.Unmarshal(b, &body); err != nil {
			t.Fatalf("%s: status %d, not JSON: %.200s", q, resp.StatusCode, b)
		}
		return resp.StatusCode, body
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		q := gizmoScript(b)
		before := len(exits.list())
		code, body := post(t, q)
		switch {
		case code == http.StatusOK && body["result"] != nil:
		case (code == http.StatusBadRequest || code == http.StatusServiceUnavailable) && body["error"] != nil:
		default:
			t.Fatalf("%s: status %d, %v", q, code, body)
		}
		if n := len(exits.list()) - before; n != 1 {
			t.Fatalf("%s: %d worker processes had ended by the answer, want 1", q, n)
		}
		var res []any
		code, body = post(t, ok)
		if json.Unmarshal(body["result"], &res); code != http.StatusOK || len(res) != 1 {
			t.Fatalf("after %s: status %d, %v", q, code, body)
		}
	})
}
