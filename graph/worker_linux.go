package graph

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"syscall"
	"time"
)

// workerProcAttr has the kernel kill a query worker when the thread that started it ends.
func workerProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// peakRSS returns the most resident memory of an ended process (ru_maxrss is in KB on Linux).
func peakRSS(ps *os.ProcessState) uint64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return uint64(ru.Maxrss) << 10
	}
	return 0
}

// limitSelf caps this process: its address space at what it maps now plus memory bytes
// (RLIMIT_AS), and its processor time at cpu (RLIMIT_CPU, whose hard limit the kernel enforces
// with SIGKILL). Zero leaves a limit as it is.
func limitSelf(memory uint64, cpu time.Duration) error {
	if memory > 0 && !raceEnabled {
		vm, err := virtualSize()
		if err != nil {
			return err
		}
		lim := vm + memory
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: lim, Max: lim}); err != nil {
			return fmt.Errorf("RLIMIT_AS: %w", err)
		}
	}
	if cpu > 0 {
		secs := uint64((cpu + time.Second - 1) / time.Second)
		if err := syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: secs, Max: secs}); err != nil {
			return fmt.Errorf("RLIMIT_CPU: %w", err)
		}
	}
	return nil
}

// virtualSize returns the bytes of address space this process maps (VmSize).
func virtualSize() (uint64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if rest, ok := bytes.CutPrefix(sc.Bytes(), []byte("VmSize:")); ok {
			f := bytes.Fields(rest)
			if len(f) == 2 && string(f[1]) == "kB" {
				kb, err := strconv.ParseUint(string(f[0]), 10, 64)
				return kb << 10, err
			}
		}
	}
	return 0, fmt.Errorf("no VmSize in /proc/self/status")
}
