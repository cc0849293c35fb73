package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// ErrQueryCrashed is returned when the process running a Gizmo query died: the script
// overflowed the stack inside a JavaScript built-in (a getter, toString or join that calls
// itself), or its process ran out of the memory it was allowed.
var ErrQueryCrashed = errors.New("the query crashed its worker process")

// WorkerStack is the most stack a query worker's goroutine may use. Gizmo's JavaScript engine
// recurses on the Go stack inside built-ins; past this the worker ends (Go's own limit, 1 GB,
// would take that much memory first).
const WorkerStack = 64 << 20

// QueryWorker runs Gizmo queries in processes of their own, one process a query, so that a
// query can be stopped for real: the process is killed at the time limit, its address space and
// processor time are capped by rlimits (RLIMIT_AS, RLIMIT_CPU), and a script that overflows the
// stack ends only its own process. Nothing of a query outlives its Gizmo call. The zero value is
// not usable: Command must name the worker.
type QueryWorker struct {
	// Command is the worker's command line: a program that calls RunQueryWorker, such as
	// `newsgraph gizmo-worker`.
	Command []string
	// Env is added to this process's environment for the worker.
	Env []string
	// Memory caps the memory the worker may add to what it holds once the store is open, in
	// bytes (RLIMIT_AS over its address space then); 0: no cap.
	Memory uint64
	// Done, when set, is told how each worker process ended, once it has ended.
	Done func(WorkerExit)
}

// WorkerExit is how one worker process ended.
type WorkerExit struct {
	// PeakRSS is the most resident memory the process had, in bytes.
	PeakRSS uint64
	// Killed is true when the process was killed at the deadline (or by a signal).
	Killed bool
}

// workerRequest is what the worker reads on its standard input.
type workerRequest struct {
	Backend string `json:"backend"`
	Path    string `json:"path"`
	Query   string `json:"query"`
	// Timeout is in nanoseconds.
	Timeout    time.Duration `json:"timeout"`
	MaxResults int           `json:"max_results"`
	MaxBytes   int           `json:"max_bytes"`
	Memory     uint64        `json:"memory"`
}

// workerAnswer is what the worker writes on its standard output.
type workerAnswer struct {
	Result []json.RawMessage `json:"result"`
	Error  string            `json:"error,omitempty"`
	// Kind names the sentinel error of Error: timeout, memory, size or "".
	Kind string `json:"kind,omitempty"`
}

var errorKinds = map[string]error{"timeout": ErrQueryTimeout, "memory": ErrQueryMemory, "size": ErrQueryTooLarge}

// Gizmo runs q on st in a worker process within lim and returns its results as JSON, in the
// shape Store.GizmoJSON gives them. lim.MaxHeap is ignored: Memory bounds the worker. A memory
// store lives in this process only, so its queries run here (Store.GizmoJSON).
func (w *QueryWorker) Gizmo(ctx context.Context, st *Store, q string, lim QueryLimits) ([]json.RawMessage, error) {
	if st.b.inProcess() {
		return st.GizmoJSON(ctx, q, lim)
	}
	if len(w.Command) == 0 {
		return nil, errors.New("gizmo: no worker command")
	}
	req, err := json.Marshal(workerRequest{Backend: st.b.name(), Path: st.path, Query: q, Timeout: lim.Timeout,
		MaxResults: lim.MaxResults, MaxBytes: lim.MaxBytes, Memory: w.Memory})
	if err != nil {
		return nil, fmt.Errorf("gizmo: %w", err)
	}
	if lim.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	// The request (which may hold a PostgreSQL password) goes on standard input, not the
	// command line, where other users could read it.
	cmd := exec.CommandContext(ctx, w.Command[0], w.Command[1:]...)
	cmd.Env = append(os.Environ(), w.Env...)
	cmd.Stdin = bytes.NewReader(req)
	maxOut := 1 << 20
	if lim.MaxBytes > 0 {
		maxOut += 2 * lim.MaxBytes
	}
	stdout, stderr := &cappedBuffer{max: maxOut}, &cappedBuffer{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.SysProcAttr = workerProcAttr()
	// Killed at the deadline: Wait returns once the process is gone, so no part of the query
	// runs after Gizmo returns.
	cmd.WaitDelay = time.Second
	runErr := cmd.Run()
	if w.Done != nil && cmd.ProcessState != nil {
		w.Done(WorkerExit{PeakRSS: peakRSS(cmd.ProcessState), Killed: !cmd.ProcessState.Exited()})
	}
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) && lim.Timeout > 0 {
			return nil, ErrQueryTimeout
		}
		return nil, ctx.Err()
	}
	if runErr != nil {
		return nil, workerFailure(st, runErr, stderr.String())
	}
	if stdout.over {
		return nil, ErrQueryTooLarge
	}
	var ans workerAnswer
	if err := json.Unmarshal(stdout.Bytes(), &ans); err != nil {
		return nil, fmt.Errorf("gizmo: the worker's answer: %w", err)
	}
	if ans.Error != "" {
		if e, ok := errorKinds[ans.Kind]; ok {
			return ans.Result, e
		}
		return ans.Result, errors.New(ans.Error)
	}
	if ans.Result == nil {
		ans.Result = []json.RawMessage{}
	}
	return ans.Result, nil
}

// workerFailure explains why a worker ended without answering, from its exit and what it wrote
// on its standard error.
func workerFailure(st *Store, err error, stderr string) error {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return fmt.Errorf("gizmo: start the query worker: %w", err)
	}
	switch {
	case strings.Contains(stderr, "stack overflow") || strings.Contains(stderr, "stack exceeds"):
		return fmt.Errorf("%w: the script overflowed the stack (a getter, toString, valueOf or join that calls itself without end)", ErrQueryCrashed)
	case strings.Contains(stderr, "out of memory") || strings.Contains(stderr, "cannot allocate memory"):
		return fmt.Errorf("%w: %w", ErrQueryMemory, ErrQueryCrashed)
	case strings.Contains(stderr, "invalid page type") || strings.Contains(stderr, "unexpected fault address"):
		// Bolt met a damaged page (see Store.guard), in the worker's query goroutine.
		return fmt.Errorf("%w: %w: %s: reading it failed; run `newsgraph verify --db %s`", ErrQueryCrashed, ErrDamaged, st.Location(), st.Location())
	case ee.ProcessState != nil && !ee.Exited():
		// Killed by a signal: RLIMIT_CPU's SIGKILL, or someone else's.
		return fmt.Errorf("%w: %s", ErrQueryTimeout, ee.ProcessState)
	}
	if i := strings.Index(stderr, "\n\n"); i > 0 {
		stderr = stderr[:i] // a panic's message, without the goroutine traces
	}
	if stderr = strings.TrimSpace(stderr); stderr == "" {
		stderr = ee.ProcessState.String()
	}
	return fmt.Errorf("%w: %s", ErrQueryCrashed, stderr)
}

// cappedBuffer keeps the first max bytes written to it and notes whether more came. It never
// fails a write, so a worker is not blocked on a full pipe.
type cappedBuffer struct {
	bytes.Buffer
	max  int
	over bool
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if room := c.max - c.Buffer.Len(); len(p) > room {
		c.over = true
		c.Buffer.Write(p[:max(room, 0)])
		return len(p), nil
	}
	return c.Buffer.Write(p)
}

// RunQueryWorker is the worker side of QueryWorker: it reads one query request from in, opens the
// store read-only, caps its own stack, memory and processor time, runs the query and writes the
// answer to out. A script that overflows the stack or runs out of memory ends the process, which
// is what the worker is for. It returns an error only when it cannot answer at all.
func RunQueryWorker(ctx context.Context, in io.Reader, out io.Writer) error {
	debug.SetMaxStack(WorkerStack)
	var req workerRequest
	if err := json.NewDecoder(io.LimitReader(in, 64<<20)).Decode(&req); err != nil {
		return fmt.Errorf("read the query request: %w", err)
	}
	if req.Backend == "memory" {
		return errors.New("a memory store cannot be queried from another process")
	}
	st, err := Open(ctx, Options{Backend: req.Backend, Path: req.Path, ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	lim := QueryLimits{Timeout: req.Timeout, MaxResults: req.MaxResults, MaxBytes: req.MaxBytes}
	if req.Memory > 0 {
		// The soft bounds first, which stop a query with a message: the Go heap watched as
		// in-process queries are, and the collector working harder near the bound.
		lim.MaxHeap = HeapInUse() + req.Memory*3/4
		debug.SetMemoryLimit(int64(req.Memory))
	}
	var cpu time.Duration
	if req.Timeout > 0 {
		// Every thread counts, the collector's too: the wall time on each processor, and a
		// second. The parent kills the worker at the deadline; this holds if the parent is gone.
		cpu = req.Timeout*time.Duration(runtime.GOMAXPROCS(0)) + time.Second
	}
	if err := limitSelf(req.Memory, cpu); err != nil {
		return fmt.Errorf("limit the query worker: %w", err)
	}
	res, err := st.GizmoJSON(ctx, req.Query, lim)
	ans := workerAnswer{Result: res}
	if err != nil {
		ans.Error = err.Error()
		for k, e := range errorKinds {
			if errors.Is(err, e) {
				ans.Kind = k
			}
		}
	}
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	return enc.Encode(ans)
}
