package graph

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"
)

// The PostgreSQL store is Cayley's SQL quad store (tables nodes and quads) in the postgres
// flavour. Cayley's SQL package only offers that flavour through a registry: importing package
// github.com/cayleygraph/cayley/graph/sql/postgres registers it (and lib/pq registers the
// database/sql driver "postgres") in their init functions, and csql.New looks it up by the name
// postgres.Type. This file is the one place that relies on that registration; newsgraph's own
// connection (the bulk write path and the schema checks) is constructed explicitly with
// pq.NewConnector.

// pgConnectTimeout bounds connecting to the server, in seconds, unless the URL sets
// connect_timeout itself.
const pgConnectTimeout = "10"

// isPostgresURL reports whether a --db value is a PostgreSQL URL.
func isPostgresURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// pgURL checks a PostgreSQL URL and returns it with the parameters newsgraph adds: a connection
// time limit unless the URL has one, and for read-only stores default_transaction_read_only, so
// that the server itself refuses writes.
func pgURL(raw string, readOnly bool) (string, error) {
	if raw == "" {
		return "", errors.New("no URL given (postgres://user:password@host:port/dbname?sslmode=disable)")
	}
	if !isPostgresURL(raw) {
		return "", errors.New("not a PostgreSQL URL (postgres://user:password@host:port/dbname?sslmode=disable)")
	}
	u, err := url.Parse(raw)
	if err != nil {
		// url's error repeats the URL, password included: say only what is wrong.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "", fmt.Errorf("not a valid URL: %v", err)
	}
	q := u.Query()
	if q.Get("connect_timeout") == "" {
		q.Set("connect_timeout", pgConnectTimeout)
	}
	if readOnly {
		q.Set("default_transaction_read_only", "on")
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// redactURL returns a store location fit for messages: a URL's password (in the user
// information or a password parameter) is replaced by "xxxxx".
func redactURL(s string) string {
	if !isPostgresURL(s) {
		return s
	}
	u, err := url.Parse(s)
	if err != nil {
		// Not parseable: drop everything between the scheme and the host.
		scheme, rest, _ := strings.Cut(s, "://")
		if i := strings.LastIndex(rest, "@"); i >= 0 {
			rest = "xxxxx" + rest[i:]
		}
		if i := strings.Index(rest, "?"); i >= 0 {
			rest = rest[:i] + "?xxxxx"
		}
		return scheme + "://" + rest
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// postgresBackend is Cayley's SQL quad store on PostgreSQL, with newsgraph's own connection for
// bulk writes and reads (pgConn) and a Cayley store of its own for each concurrent Gizmo query
// (sqlStores).
type postgresBackend struct {
	qs          cgraph.QuadStore
	pg          *pgConn
	queryStores *sqlStores
}

func (postgresBackend) name() string                  { return "postgres" }
func (b postgresBackend) quadStore() cgraph.QuadStore { return b.qs }
func (postgresBackend) inProcess() bool               { return false }
func (postgresBackend) mapped() bool                  { return false }

// write stores the distinct quads with pgConn.write (Cayley's writer sends one INSERT a row).
func (b postgresBackend) write(ctx context.Context, quads []quad.Quad) error {
	return b.pg.write(ctx, quads)
}

func (b postgresBackend) eachQuad(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	return b.pg.eachQuad(ctx, d, v, fn)
}

// has looks for a node of v that a quad uses.
func (b postgresBackend) has(ctx context.Context, v quad.Value) (bool, error) {
	var ok bool
	err := b.pg.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM nodes WHERE hash = $1 AND refs > 0)`, csql.HashOf(v).SQLValue()).Scan(&ok)
	return ok, err
}

func (b postgresBackend) subjectCounts(ctx context.Context, d quad.Direction, v quad.Value) (map[string]int, error) {
	out := map[string]int{}
	err := b.pg.eachQuad(ctx, d, v, func(q quad.Quad) error {
		out[iriOf(q.Subject)]++
		return nil
	})
	return out, err
}

func (b postgresBackend) queryStore(ctx context.Context) (cgraph.QuadStore, func(), error) {
	qs, err := b.queryStores.get(ctx)
	if err != nil {
		return nil, nil, err
	}
	return qs, func() { b.queryStores.put(qs) }, nil
}

func (b postgresBackend) close() error {
	return errors.Join(b.qs.Close(), b.queryStores.close(), b.pg.db.Close())
}

// openPostgres opens (and unless read-only, creates the tables of) the PostgreSQL store at
// opt.Path.
func openPostgres(ctx context.Context, opt Options) (backend, error) {
	addr, err := pgURL(opt.Path, opt.ReadOnly)
	if err != nil {
		return nil, err
	}
	conn, err := pq.NewConnector(addr)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(conn)
	ok := false
	defer func() {
		if !ok {
			db.Close()
		}
	}()
	if err := db.PingContext(ctx); err != nil {
		if strings.Contains(err.Error(), "SSL is not enabled on the server") {
			err = fmt.Errorf("%w (add sslmode=disable to the URL for a server without TLS)", err)
		}
		return nil, err
	}
	var tables int
	err = db.QueryRowContext(ctx, `SELECT (to_regclass('nodes') IS NOT NULL)::int + (to_regclass('quads') IS NOT NULL)::int`).Scan(&tables)
	if err != nil {
		return nil, fmt.Errorf("look for the graph tables: %w", err)
	}
	switch {
	case tables == 1:
		return nil, errors.New("not a newsgraph store (one of the tables nodes and quads is missing)")
	case tables == 0 && opt.ReadOnly:
		return nil, ErrNoStore
	case tables == 0:
		if err := csql.Init(postgres.Type, addr, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return nil, fmt.Errorf("create the graph tables: %w", err)
		}
	}
	qs, err := csql.New(postgres.Type, addr, nil)
	if err != nil {
		return nil, err
	}
	ok = true
	return postgresBackend{qs: qs, pg: &pgConn{db: db},
		queryStores: &sqlStores{addr: addr, free: make(chan cgraph.QuadStore, maxSQLStores), slots: make(chan struct{}, maxSQLStores)}}, nil
}

// maxSQLStores bounds the Gizmo queries that run at once on a PostgreSQL store.
const maxSQLStores = 8

// sqlStores lends Cayley SQL quad stores to Gizmo queries, one query at a time each. Cayley's
// SQL query optimiser numbers table aliases with a counter that every query of a store shares,
// unguarded (csql.Optimizer.nextTable): two queries at once are a data race that could give one
// query two tables of one name. Cayley's SQL shapes only run on its own store type, so the
// optimiser cannot be wrapped with a lock; concurrent queries get stores of their own instead,
// created when first needed, each with its own connection pool.
type sqlStores struct {
	addr  string
	free  chan cgraph.QuadStore // idle stores
	slots chan struct{}         // one token per store created
}

// get returns an idle store, or a new one while fewer than maxSQLStores exist, or waits for one.
func (p *sqlStores) get(ctx context.Context) (cgraph.QuadStore, error) {
	select {
	case qs := <-p.free:
		return qs, nil
	default:
	}
	select {
	case qs := <-p.free:
		return qs, nil
	case p.slots <- struct{}{}:
		qs, err := csql.New(postgres.Type, p.addr, nil)
		if err != nil {
			<-p.slots
			return nil, err
		}
		return qs, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// put gives a store back.
func (p *sqlStores) put(qs cgraph.QuadStore) { p.free <- qs }

// close closes the idle stores (all of them once no query runs).
func (p *sqlStores) close() error {
	var err error
	for {
		select {
		case qs := <-p.free:
			err = errors.Join(err, qs.Close())
		default:
			return err
		}
	}
}

// pgConn is newsgraph's own connection to a PostgreSQL store, for the two paths where Cayley's
// SQL store costs a round trip per row.
//
// Writing: Cayley's writer (csql.QuadStore.ApplyDeltas) sends one INSERT per node and per quad;
// pgConn.write stages a transaction's distinct values and quads with COPY into temporary tables
// and moves them into nodes and quads with two statements. It writes exactly the rows Cayley
// would (values encoded by csql.NodeValues, hashes by csql.HashOf; TestPostgresRowsMatchCayley)
// and keeps the nodes' reference counts exact: a quad already stored adds no reference
// (Cayley's writer counts it again), so that Cayley's ApplyDeltas can later delete quads and
// drop the nodes no quad uses any more.
//
// Reading: Cayley's iterators return hashes and look each value up with its own query
// (csql.QuadStore.NameOf); pgConn.eachQuad joins the values in the one query.
type pgConn struct {
	db *sql.DB
}

// pgNodeColumns are the value columns of Cayley's nodes table, in the order of the staging
// table.
var pgNodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

// pgStage creates the staging tables of this session when missing; their rows go at commit.
// Hashes and binary values are staged as hexadecimal text: lib/pq's COPY encodes bytea one
// byte at a time through fmt, which cost more than the rest of a write.
const pgStage = `CREATE TEMPORARY TABLE IF NOT EXISTS newsgraph_stage_nodes (
	hash TEXT, value TEXT, value_string TEXT, datatype TEXT, language TEXT, iri BOOLEAN, bnode BOOLEAN,
	value_int BIGINT, value_bool BOOLEAN, value_float DOUBLE PRECISION, value_time TIMESTAMP WITH TIME ZONE
) ON COMMIT DELETE ROWS;
CREATE TEMPORARY TABLE IF NOT EXISTS newsgraph_stage_quads (
	subject_hash TEXT, predicate_hash TEXT, object_hash TEXT, label_hash TEXT
) ON COMMIT DELETE ROWS;`

// pgMoveNodes adds the staged nodes that are new, with no reference yet.
const pgMoveNodes = `INSERT INTO nodes (refs, hash, value, value_string, datatype, language, iri, bnode,
	value_int, value_bool, value_float, value_time)
SELECT 0, decode(hash, 'hex'), decode(value, 'hex'), value_string, datatype, language, iri, bnode,
	value_int, value_bool, value_float, value_time FROM newsgraph_stage_nodes
ON CONFLICT (hash) DO NOTHING`

// pgMoveQuads adds the staged quads that are new and counts one reference to each of their
// nodes per direction, as Cayley does.
const pgMoveQuads = `WITH added AS (
	INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
	SELECT decode(subject_hash, 'hex'), decode(predicate_hash, 'hex'), decode(object_hash, 'hex'),
		decode(label_hash, 'hex'), now() FROM newsgraph_stage_quads
	ON CONFLICT DO NOTHING
	RETURNING subject_hash, predicate_hash, object_hash, label_hash
), used AS (
	SELECT hash, count(*) AS n FROM (
		SELECT subject_hash AS hash FROM added
		UNION ALL SELECT predicate_hash FROM added
		UNION ALL SELECT object_hash FROM added
		UNION ALL SELECT label_hash FROM added WHERE label_hash IS NOT NULL
	) AS dirs GROUP BY hash
)
UPDATE nodes SET refs = nodes.refs + used.n FROM used WHERE nodes.hash = used.hash`

// write stores quads (distinct) in one transaction: all of them, or none.
func (w *pgConn) write(ctx context.Context, quads []quad.Quad) (err error) {
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if err := pgStageQuads(ctx, tx, quads); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, pgMoveNodes); err != nil {
		return fmt.Errorf("add nodes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, pgMoveQuads); err != nil {
		return fmt.Errorf("add quads: %w", err)
	}
	return tx.Commit()
}

// pgStageQuads copies quads and their distinct values into the staging tables.
func pgStageQuads(ctx context.Context, tx *sql.Tx, quads []quad.Quad) error {
	if _, err := tx.ExecContext(ctx, pgStage); err != nil {
		return fmt.Errorf("create staging tables: %w", err)
	}
	hashes := make(map[quad.Value]string, len(quads))
	var values []quad.Value // distinct, in order of first use
	var bad error
	hashOf := func(v quad.Value) any {
		if v == nil {
			return nil
		}
		h, ok := hashes[v]
		if !ok {
			if err := pgCheckValue(v); err != nil && bad == nil {
				bad = err
			}
			h = hex.EncodeToString(csql.HashOf(v).SQLValue().([]byte))
			hashes[v] = h
			values = append(values, v)
		}
		return h
	}
	err := pgCopy(ctx, tx, "newsgraph_stage_quads", []string{"subject_hash", "predicate_hash", "object_hash", "label_hash"}, func(row func(...any) error) error {
		for _, q := range quads {
			if err := row(hashOf(q.Subject), hashOf(q.Predicate), hashOf(q.Object), hashOf(q.Label)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("stage quads: %w", err)
	}
	if bad != nil {
		return bad
	}
	err = pgCopy(ctx, tx, "newsgraph_stage_nodes", append([]string{"hash"}, pgNodeColumns...), func(row func(...any) error) error {
		cols := make([]any, 1+len(pgNodeColumns))
		for _, v := range values {
			typ, vals, err := csql.NodeValues(csql.HashOf(v), v)
			if err != nil {
				return err
			}
			clear(cols)
			cols[0] = hashes[v]
			for i, name := range typ.Columns() {
				j := slices.Index(pgNodeColumns, name)
				if j < 0 {
					return fmt.Errorf("value %v: Cayley's nodes table has an unknown column %s", v, name)
				}
				c := vals[1+i]
				if b, ok := c.([]byte); ok {
					c = hex.EncodeToString(b)
				}
				cols[1+j] = c
			}
			if err := row(cols...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("stage nodes: %w", err)
	}
	return nil
}

// ErrNULInText is returned when a value to be written to a PostgreSQL store holds a NUL byte,
// which PostgreSQL's text cannot hold (Cayley would write it as the text `\x00`, which then no
// longer reads back as itself).
var ErrNULInText = errors.New("PostgreSQL stores cannot hold a NUL byte in text")

// pgCheckValue refuses values holding a NUL byte.
func pgCheckValue(v quad.Value) error {
	var text string
	switch x := v.(type) {
	case quad.String:
		text = string(x)
	case quad.IRI:
		text = string(x)
	case quad.BNode:
		text = string(x)
	case quad.TypedString:
		text = string(x.Value) + string(x.Type)
	case quad.LangString:
		text = string(x.Value) + x.Lang
	}
	if strings.IndexByte(text, 0) >= 0 {
		return fmt.Errorf("%w: %q", ErrNULInText, v)
	}
	return nil
}

// pgCopy copies the rows that rows produces into table with COPY ... FROM STDIN.
func pgCopy(ctx context.Context, tx *sql.Tx, table string, cols []string, rows func(row func(...any) error) error) error {
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, cols...))
	if err != nil {
		return err
	}
	err = rows(func(vals ...any) error {
		_, err := stmt.ExecContext(ctx, vals...)
		return err
	})
	if err == nil {
		_, err = stmt.ExecContext(ctx)
	}
	return errors.Join(err, stmt.Close())
}

// pgValueColumns are the columns of a node that make its value, in the order pgValue scans them.
const pgValueColumns = "value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time"

// pgEachQuad is the query of pgConn.eachQuad: every quad with its four values, read in one
// pass instead of Cayley's one query per value (csql.QuadStore.NameOf).
var pgEachQuad = func() string {
	var cols []string
	for _, t := range []string{"s", "p", "o", "l"} {
		for _, c := range strings.Split(pgValueColumns, ", ") {
			cols = append(cols, t+"."+c)
		}
	}
	return `SELECT ` + strings.Join(cols, ", ") + ` FROM quads q
	JOIN nodes s ON s.hash = q.subject_hash
	JOIN nodes p ON p.hash = q.predicate_hash
	JOIN nodes o ON o.hash = q.object_hash
	LEFT JOIN nodes l ON l.hash = q.label_hash`
}()

// eachQuad calls fn for every stored quad, or with v set, for every quad that holds v in
// direction d, in the order the server returns them.
func (w *pgConn) eachQuad(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	query, args := pgEachQuad, []any(nil)
	if v != nil {
		query += " WHERE q." + d.String() + "_hash = $1"
		args = append(args, csql.HashOf(v).SQLValue())
	}
	rows, err := w.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var vals [4]pgValue
	dest := make([]any, 0, 40)
	for i := range vals {
		dest = append(dest, vals[i].fields()...)
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		var q quad.Quad
		for i, p := range [...]*quad.Value{&q.Subject, &q.Predicate, &q.Object, &q.Label} {
			if *p, err = vals[i].value(); err != nil {
				return err
			}
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	return rows.Err()
}

// pgValue is one row of pgValueColumns.
type pgValue struct {
	data              []byte
	str, typ, lang    sql.NullString
	iri, bnode, vbool sql.NullBool
	vint              sql.NullInt64
	vfloat            sql.NullFloat64
	vtime             sql.NullTime
}

func (v *pgValue) fields() []any {
	return []any{&v.data, &v.str, &v.typ, &v.lang, &v.iri, &v.bnode, &v.vint, &v.vbool, &v.vfloat, &v.vtime}
}

// value decodes the row as Cayley's csql.QuadStore.NameOf does (nil for a missing label), but
// leaves the text `\x00` as it is: Cayley's SQL store writes a NUL byte as that text and turns it
// back on reading, so the text itself came back as a NUL byte, a value of another hash that
// could not be removed. newsgraph refuses NUL bytes in PostgreSQL stores (pgCheckValue), so the
// text is only ever itself.
func (v *pgValue) value() (quad.Value, error) {
	unescape := func(s string) quad.String { return quad.String(s) }
	switch {
	case v.str.Valid && v.iri.Bool:
		return quad.IRI(v.str.String), nil
	case v.str.Valid && v.bnode.Bool:
		return quad.BNode(v.str.String), nil
	case v.str.Valid && v.lang.Valid:
		return quad.LangString{Value: unescape(v.str.String), Lang: v.lang.String}, nil
	case v.str.Valid && v.typ.Valid:
		return quad.TypedString{Value: unescape(v.str.String), Type: quad.IRI(v.typ.String)}, nil
	case v.str.Valid:
		return unescape(v.str.String), nil
	case v.vint.Valid:
		return quad.Int(v.vint.Int64), nil
	case v.vbool.Valid:
		return quad.Bool(v.vbool.Bool), nil
	case v.vfloat.Valid:
		return quad.Float(v.vfloat.Float64), nil
	case v.vtime.Valid:
		return quad.Time(v.vtime.Time), nil
	case v.data == nil:
		return nil, nil
	}
	return pquads.UnmarshalValue(v.data)
}
