#!/usr/bin/env bash
# Where a command's time goes, thread by thread: runs the command (a paw command line, e.g. ./paw --home H sync stripe
# --pocket P) and samples /proc/PID/task/*/schedstat of its Java process every 100 ms, then prints, per thread name,
# the time on a core, the time spent waiting for one, and how often it was switched out. Linux only.
# Usage: bench/thread-times.sh ./paw --home H sync stripe --pocket bench --table stripe_invoices
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: bench/thread-times.sh COMMAND [ARG...]" >&2; exit 2; }
samples=$(mktemp)
output=$(mktemp)
trap 'rm -f "$samples" "$output"' EXIT
start=$(date +%s.%N)
"$@" >"$output" 2>&1 &
launcher=$!
while kill -0 "$launcher" 2>/dev/null; do
  # ./paw execs java, so the Java process keeps the launcher's id; builtins only, since a sampler that forks
  # would take the cores it measures
  for task in /proc/"$launcher"/task/*; do
    read -r comm <"$task/comm" && read -r stat <"$task/schedstat" && echo "${task##*/}|$comm|$stat"
  done >>"$samples" 2>/dev/null || true
  sleep 0.1
done
wait "$launcher" || { echo "the command failed:" >&2; cat "$output" >&2; exit 1; }
echo "wall $(echo "$(date +%s.%N) $start" | awk '{printf "%.2f", $1 - $2}') s"
printf "%-20s %12s %16s %14s\n" thread "on a core" "waiting for one" "switched out"
awk -F'|' '$3 != "" { name[$1] = $2; split($3, t, " "); run[$1] = t[1]; wait[$1] = t[2]; slices[$1] = t[3] }
  END {
    for (id in name) { r[name[id]] += run[id]; w[name[id]] += wait[id]; s[name[id]] += slices[id] }
    for (n in r) if (r[n] > 5e7) printf "%-20s %10.2f s %14.2f s %14d\n", n, r[n] / 1e9, w[n] / 1e9, s[n]
  }' "$samples" | sort -k2 -n -r
