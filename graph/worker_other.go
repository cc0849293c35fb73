//go:build !linux

package graph

import (
	"os"
	"syscall"
	"time"
)

// workerProcAttr: only Linux can tie a worker's life to its parent's.
func workerProcAttr() *syscall.SysProcAttr { return nil }

// limitSelf: only Linux caps a query worker with rlimits; elsewhere the worker relies on its
// parent killing it at the deadline, and on the soft heap bound.
func limitSelf(memory uint64, cpu time.Duration) error { return nil }

// peakRSS: elsewhere it is not measured.
func peakRSS(*os.ProcessState) uint64 { return 0 }
