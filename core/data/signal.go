package data

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// ExitOnSignal makes the first SIGINT (Ctrl+C) or SIGTERM remove the
// temporary files of the atomic writes in progress (see AbandonWrites)
// and end the program with status 128 plus the signal's number, 130 or
// 143, as a shell reports a program that the signal ended. It is meant
// for programs that have nothing else to do on those signals, such as a
// command-line tool. The returned function restores the signals' default
// handling.
func ExitOnSignal() (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sig:
			AbandonWrites()
			code := 1
			if n, ok := s.(syscall.Signal); ok {
				code = 128 + int(n)
			}
			os.Exit(code)
		case <-done:
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			signal.Stop(sig)
			close(done)
		})
	}
}
