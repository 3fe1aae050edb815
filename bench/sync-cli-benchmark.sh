#!/usr/bin/env bash
# The sync as a user runs it, JVM start included: `./paw sync stripe` against the Python stdlib script
# (paw-bench/src/main/resources/sync_baseline.py) on the same local page server, for the 100k and the 1M invoice
# lists, best of --runs, each command's peak RSS from GNU time; then the 100k sync against a server that writes the
# header and the body apart with Nagle's algorithm on (as Python's http.server does), to show what a kept-alive
# connection costs there.
# Usage: bench/sync-cli-benchmark.sh [--runs N] [--records N] [--small N]
# Needs python3 and GNU time (apt-get install time). PAW_JAVA_OPTS and PAW_JAVA reach ./paw as usual.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
records=1000000
small=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2 ;;
    --records) records=$2 ;;
    --small) small=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
[ -x /usr/bin/time ] || { echo "bench/sync-cli-benchmark.sh needs GNU time: apt-get install time" >&2; exit 2; }
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load:$(uptime | sed 's/.*load average://')"
mvn -q -B -Pbench package -DskipTests -Dinvoker.skip -pl paw-bench -am
./paw --version >/dev/null # builds paw-cli/target/paw.jar (and its start-up cache) when missing or stale
work=$(mktemp -d)
mkfifo "$work/stdin"
java -Xmx4g -cp paw-bench/target/paw-bench.jar dev.paw.bench.ServePages --records "$records" \
  <"$work/stdin" >"$work/origins" 2>&1 &
server=$!
exec 3>"$work/stdin" # the server serves until this closes
trap 'exec 3>&-; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
while ! grep -q '^nagle ' "$work/origins"; do
  kill -0 "$server" 2>/dev/null || { cat "$work/origins" >&2; exit 1; }
  sleep 0.5
done
fast=$(awk '/^fast /{print $2}' "$work/origins")
nagle=$(awk '/^nagle /{print $2}' "$work/origins")
unzip -p paw-bench/target/paw-bench.jar sync_baseline.py >"$work/sync_baseline.py"

# "seconds peak-KB" of one command
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
  cat "$work/time"
}

paw_sync() { # origin size
  rm -rf "$work/home"
  STRIPE_API_KEY=sk_test_bench ./paw --home "$work/home" connect stripe --pocket bench --base-url "$1/n/$2/v1" \
    --no-sync >/dev/null
  measure ./paw --home "$work/home" sync stripe --pocket bench --table stripe_invoices
}

python_sync() { # origin size
  rm -f "$work/py.db"*
  measure python3 "$work/sync_baseline.py" "$1/n/$2/v1" "$work/py.db"
}

stored() { # database expected-rows who: each run must have stored the whole list
  n=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM stripe_invoices").fetchone()[0])' "$1")
  [ "$n" = "$2" ] || { echo "$3 stored $n rows, not $2; its output:" >&2; cat "$work/out" >&2; exit 1; }
}

compare() { # key label origin size
  : >"$work/paw"; : >"$work/py"
  for run in $(seq "$runs"); do
    read -r p pk <<<"$(paw_sync "$3" "$4")"
    stored "$work/home/pockets/bench/pocket.db" "$4" paw
    read -r s sk <<<"$(python_sync "$3" "$4")"
    stored "$work/py.db" "$4" python
    printf '  run %d, %s: paw %s s (%s MB) | python %s s (%s MB)\n' "$run" "$2" "$p" $((pk / 1024)) "$s" \
      $((sk / 1024))
    echo "$p $pk" >>"$work/paw"; echo "$s $sk" >>"$work/py"
  done
  p=$(cut -d' ' -f1 "$work/paw" | sort -n | head -1); s=$(cut -d' ' -f1 "$work/py" | sort -n | head -1)
  pk=$(cut -d' ' -f2 "$work/paw" | sort -n | tail -1)
  echo "$2: paw $p s, python $s s, paw/python = $(echo "$p $s" | awk '{printf "%.2f", $1 / $2}'), peak RSS paw" \
    "$((pk / 1024)) MB"
  echo "$1 $p $s $pk" >>"$work/results"
}

echo "./paw sync stripe --table stripe_invoices vs python3 sync_baseline.py, JVM start included, best of $runs"
compare small "$small invoices" "$fast" "$small"
compare big "$records invoices" "$fast" "$records"
compare nagle "$small invoices, Nagle server" "$nagle" "$small"
awk '{p[$1] = $2; s[$1] = $3; k[$1] = $4}
  END {
    printf "paw/python, big list          %.2f   target <= 0.33\n", p["big"] / s["big"]
    printf "paw/python, small list        %.2f   target < 1.0\n", p["small"] / s["small"]
    printf "peak RSS paw big / small      %.2f   target <= 1.5\n", k["big"] / k["small"]
    printf "paw small: Nagle / fast server %.2f; python: %.2f\n", p["nagle"] / p["small"], s["nagle"] / s["small"]
  }' "$work/results"
