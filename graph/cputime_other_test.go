//go:build !unix

package graph

import "time"

// cpuTime is unknown here: 0, and BenchmarkLoad reports no processor-time figures.
func cpuTime() time.Duration { return 0 }
