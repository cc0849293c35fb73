// Package storetest gives tests a fresh, empty store of each backend newsgraph supports — a bolt
// file, the memory store, a PostgreSQL schema of its own — and skips the test, or under CI fails
// it, where a backend cannot run. Only tests and benchmarks may import it; it does not import
// package graph, so that graph's own tests can use it.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lib/pq"
)

// PostgresEnv names the environment variable that holds the URL of a PostgreSQL database the
// tests may use (postgres://user@127.0.0.1:5433/newsgraph?sslmode=disable). Every test gets a
// schema of its own there, dropped when it ends. Unset, the postgres cases skip; under CI (the
// environment variable CI set) they fail instead, since .ci/run starts a server.
const PostgresEnv = "NEWSGRAPH_POSTGRES_URL"

// BoltRaceEnv names the environment variable that says bolt may run under the race detector:
// boltdb/bolt v1.3.1 fails -race's pointer checks unless the tests are built with
// -gcflags=all=-d=checkptr=0, which the README's test command does and then sets it to 1.
const BoltRaceEnv = "NEWSGRAPH_BOLT_RACE"

// Location returns the Path of graph.Options for a new, empty store of backend: a bolt file in
// a temporary folder, "" for memory, or the URL of a fresh PostgreSQL schema. It skips tb when
// the backend cannot run here (see PostgresEnv and BoltRaceEnv), or under CI fails it.
func Location(tb testing.TB, backend string) string {
	tb.Helper()
	switch backend {
	case "bolt":
		if raceEnabled && os.Getenv(BoltRaceEnv) != "1" {
			unavailable(tb, "bolt under -race needs -gcflags=all=-d=checkptr=0 and "+BoltRaceEnv+"=1 (boltdb/bolt v1.3.1 fails checkptr)")
		}
		return filepath.Join(tb.TempDir(), "graph.db")
	case "memory":
		return ""
	case "postgres":
		return postgresSchema(tb)
	default:
		tb.Fatalf("storetest: unknown backend %q", backend)
		return ""
	}
}

// unavailable skips tb, or fails it under CI, where every backend must be tested.
func unavailable(tb testing.TB, why string) {
	tb.Helper()
	if os.Getenv("CI") != "" {
		tb.Fatalf("CI must test every store backend: %s", why)
	}
	tb.Skipf("skipping: %s", why)
}

// postgresSchema creates a schema of its own for tb in the database of PostgresEnv, drops it
// when tb ends, and returns the URL whose search_path is that schema.
func postgresSchema(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		unavailable(tb, "the postgres backend needs a PostgreSQL server: set "+PostgresEnv+"=postgres://user@host:port/dbname?sslmode=disable (.ci/run starts one)")
	}
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s is not a URL: %v", PostgresEnv, err)
	}
	var rnd [4]byte
	rand.Read(rnd[:])
	schema := "ng_" + schemaWord(tb.Name()) + "_" + hex.EncodeToString(rnd[:])
	conn, err := pq.NewConnector(base)
	if err != nil {
		tb.Fatalf("%s: %v", PostgresEnv, err)
	}
	db := sql.OpenDB(conn)
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+pq.QuoteIdentifier(schema)); err != nil {
		db.Close()
		tb.Fatalf("create schema %s in %s: %v", schema, PostgresEnv, err)
	}
	tb.Cleanup(func() {
		defer db.Close()
		if _, err := db.ExecContext(ctx, "DROP SCHEMA "+pq.QuoteIdentifier(schema)+" CASCADE"); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

// schemaWord turns a test name into a short lower-case identifier.
func schemaWord(name string) string {
	w := strings.Trim(nonWord.ReplaceAllString(strings.ToLower(name), "_"), "_")
	if len(w) > 40 {
		w = w[len(w)-40:]
	}
	return w
}
