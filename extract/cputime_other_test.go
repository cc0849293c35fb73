//go:build !unix

package extract

import "time"

// cpuTime returns the processor time the process has used, or 0 where it is not known (here).
func cpuTime() time.Duration { return 0 }
