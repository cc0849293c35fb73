// Package cputime reports the processor time the process has used, for benchmarks that say how
// much of a busy machine they had. It does nothing else.
package cputime
