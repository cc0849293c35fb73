//go:build !unix

package cputime

import "time"

// Used returns the processor time the process has used, or 0 where it is not known (here).
func Used() time.Duration { return 0 }
