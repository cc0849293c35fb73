package serve

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Settings are a server's settings as the flags of `newsgraph serve` give them, before they are
// checked: Config checks them and makes the server's Config, and its errors name the flags.
type Settings struct {
	// Addr is the host:port to listen on (--addr).
	Addr string
	// QueryTimeout and MaxResults bound each Gizmo query (--query-timeout, --max-results).
	QueryTimeout time.Duration
	MaxResults   int
	// QueryMemoryMB is Config.QueryMemory in MB (--query-memory).
	QueryMemoryMB uint64
	// AuthToken is the secret the API's requests must carry (--auth-token), or AuthTokenFile
	// the file whose first line it is (--auth-token-file); at most one is given.
	AuthToken, AuthTokenFile string
}

// minTokenLen is the length of the shortest token Config accepts as a secret.
const minTokenLen = 16

// Config checks the settings and returns the Config they make: LocalOnly when Addr is a
// loopback address (see Loopback), the token read from AuthTokenFile when given. Settings that
// listen beyond localhost need a token. Every error is the settings' fault (a usage error of
// the command line); the Config has no Worker.
func (s Settings) Config() (Config, error) {
	if s.QueryTimeout <= 0 || s.MaxResults <= 0 || s.QueryMemoryMB == 0 {
		return Config{}, errors.New("--query-timeout, --max-results and --query-memory must be positive")
	}
	if _, _, err := net.SplitHostPort(s.Addr); err != nil {
		return Config{}, fmt.Errorf("--addr %q: %w", s.Addr, err)
	}
	local := Loopback(s.Addr)
	token, err := s.token()
	if err != nil {
		return Config{}, err
	}
	if !local && token == "" {
		return Config{}, fmt.Errorf("--addr %s listens beyond localhost: give --auth-token-file FILE (or --auth-token) so that only those with the token can query the graph", s.Addr)
	}
	return Config{QueryTimeout: s.QueryTimeout, MaxResults: s.MaxResults, QueryMemory: s.QueryMemoryMB << 20,
		LocalOnly: local, AuthToken: token}, nil
}

// token returns the token of AuthToken or AuthTokenFile (its first line, trimmed); at most one
// may be given, and a token has at least minTokenLen characters.
func (s Settings) token() (string, error) {
	token, file := s.AuthToken, s.AuthTokenFile
	if token != "" && file != "" {
		return "", errors.New("give --auth-token or --auth-token-file, not both")
	}
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("--auth-token-file: %w", err)
		}
		token, _, _ = strings.Cut(string(b), "\n")
		if token = strings.TrimSpace(token); token == "" {
			return "", fmt.Errorf("--auth-token-file %s is empty", printable(file))
		}
	}
	if token != "" && len(token) < minTokenLen {
		return "", errors.New("the auth token is too short to be a secret: use 16 characters or more (openssl rand -hex 16)")
	}
	return token, nil
}

// printable returns a file name as messages show it: quoted when it holds a character a
// terminal would not show as itself, as extract/input.QuoteName does (serve must not import
// extract).
func printable(name string) string {
	odd := func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' || r == utf8.RuneError }
	if strings.IndexFunc(name, odd) >= 0 {
		return strconv.Quote(name)
	}
	return name
}
