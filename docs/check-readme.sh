#!/usr/bin/env bash
# Checks that every command of README.md runs as shown.
#
#   docs/check-readme.sh                 # builds newsgraph into a temporary folder first
#   NEWSGRAPH=/tmp/bin/newsgraph docs/check-readme.sh   # uses that binary
#
# README's fenced blocks say what they are:
#   ```sh     commands, run by this script with bash -e; `newsgraph` is the binary under test
#   ```text   the output of the ```sh block before it: every line of it must appear in what the
#             block printed (stdout and stderr), durations such as "0.6s" compared as "N.Ns"
#   ```shell  shown, not run (the test command, which .ci/run runs): each line must be in .ci/run
#
# Each "## " section runs in a fresh copy of the working tree (tracked and untracked files, as
# a clone would have them), so a section's blocks share their folder and its newsgraph.db, and
# sections do not. Where `unshare` can make a private network namespace, everything runs in one,
# so the tour's `newsgraph serve --addr 127.0.0.1:7474` meets no other server on that port.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
readme=$root/README.md

# Inside the private network namespace: bring loopback up and run the checks.
if [ "${1:-}" = --inside ]; then
  tmp=$2
  ip link set lo up 2>/dev/null || true
else
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-readme.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/bin" "$tmp/gobin"
  if [ -n "${NEWSGRAPH:-}" ]; then
    cp "$NEWSGRAPH" "$tmp/bin/newsgraph"
  else
    echo "building newsgraph" >&2
    (cd "$root" && go build -o "$tmp/bin/newsgraph" ./cmd/newsgraph)
  fi
  (cd "$root" && { git ls-files -z --cached --others --exclude-standard | xargs -0 -r tar -cf "$tmp/tree.tar"; }) 2>/dev/null
  # README, which the checked blocks come from, as it is now.
  cp "$readme" "$tmp/README.md"
  cp "$root/.ci/run" "$tmp/ci-run"
  if unshare -n true 2>/dev/null; then
    exec unshare -n bash "$0" --inside "$tmp"
  elif unshare -rn true 2>/dev/null; then
    exec unshare -rn bash "$0" --inside "$tmp"
  fi
  echo "warning: no private network namespace (unshare): port 7474 must be free" >&2
  set -- --inside "$tmp"
  tmp=$2
fi
trap 'rm -rf "$tmp"' EXIT

export PATH="$tmp/bin:$PATH" GOBIN="$tmp/gobin" GOPROXY=off GOFLAGS="${GOFLAGS:-} -buildvcs=false"

# Split README into blocks: blocks/N.KIND with the section number in blocks/N.section.
mkdir -p "$tmp/blocks"
awk -v dir="$tmp/blocks" '
  /^## / && !inblock { section++ }
  /^```/ && !inblock { kind = substr($0, 4); if (kind == "sh" || kind == "text" || kind == "shell") { n++; file = sprintf("%s/%03d.%s", dir, n, kind); printf "" > file; print section > sprintf("%s/%03d.section", dir, n) } else file = ""; inblock = 1; next }
  /^```/ && inblock { inblock = 0; if (file) close(file); file = ""; next }
  inblock && file { print > file }
' "$tmp/README.md"

norm() { sed -E 's/[0-9]+(\.[0-9]+)?s\b/N.Ns/g; s/[[:space:]]+$//'; }

fail=0 ran=0 section="" work="" prev=""
for f in "$tmp"/blocks/*.*; do
  case $f in *.section) continue ;; esac
  n=${f%.*} kind=${f##*.}
  s=$(cat "$n.section")
  case $kind in
  shell)
    while IFS= read -r line; do
      [ -z "$line" ] && continue
      if ! grep -qxF -- "$line" "$tmp/ci-run"; then
        echo "FAIL: a \`\`\`shell line is not in .ci/run: $line"
        fail=1
      fi
    done <"$f"
    ;;
  sh)
    if [ "$s" != "$section" ]; then
      section=$s work="$tmp/work$s"
      mkdir -p "$work" && tar -xf "$tmp/tree.tar" -C "$work"
      rm -f "$work/newsgraph.db"
    fi
    sed 's/^/$ /' "$f"
    ran=$((ran + 1))
    # Background jobs a block leaves (a server, when a command before its `kill` fails) end with it.
    status=0
    (cd "$work" && bash -e -c 'trap "kill \$(jobs -p) 2>/dev/null || true" EXIT; . "$1"' bash "$f") >"$n.out" 2>&1 </dev/null || status=$?
    if [ $status != 0 ]; then
      echo "FAIL: the block above exited with status $status:"
      sed 's/^/    /' "$n.out"
      fail=1
    fi
    prev=$n
    ;;
  text)
    if [ -z "$prev" ]; then
      continue
    fi
    norm <"$prev.out" >"$prev.norm"
    missing=0
    while IFS= read -r line; do
      [ -z "$line" ] && continue
      if ! grep -qxF -- "$line" "$prev.norm"; then
        [ $missing = 0 ] && echo "FAIL: output lines not printed by the block above:"
        echo "    $line"
        missing=1
      fi
    done < <(norm <"$f")
    if [ $missing = 1 ]; then
      echo "  it printed:"
      sed 's/^/    /' "$prev.out"
      fail=1
    fi
    prev=""
    ;;
  esac
done
if [ $fail = 0 ]; then
  echo "README: $ran command blocks ran as shown"
fi
exit $fail
