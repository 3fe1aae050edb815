#!/bin/sh
# File import speed and memory, in two parts.
#  1. In one JVM: import_file against `sqlite3 db ".mode csv" ".import file t"` on a generated 1,000,000-row,
#     8-column CSV (best of three), then 100k and 1M rows in fresh JVMs with a 64 MB heap (memory stays flat).
#  2. At the command line, JVM start included: `./paw run csv import_file` against the same sqlite3 command, three
#     times each, best of three, with each command's peak RSS (GNU time), for the 1M-row and the 100k-row file.
# Usage: bench/import-benchmark.sh [--rows N] [--small-rows N] [--runs N] [--sqlite3 PATH] [--heap 64m]
#                                   [--child-flags "-XX:+UseSerialGC"]
# Needs sqlite3 and GNU time (apt-get install sqlite3 time).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
dir="$root/paw-runtime/target/bench"
runs=3
rows=1000000
small=100000
sqlite3=/usr/bin/sqlite3
args="$*"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2 ;;
    --rows) rows=$2 ;;
    --small-rows) small=$2 ;;
    --sqlite3) sqlite3=$2 ;;
  esac
  shift 2 || break
done
[ -x /usr/bin/time ] || { echo "bench/import-benchmark.sh needs GNU time: apt-get install time" >&2; exit 2; }

mvn -q -pl paw-runtime -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
# shellcheck disable=SC2086
java -cp "paw-runtime/target/test-classes:paw-runtime/target/classes:$(cat paw-runtime/target/classpath.txt)" \
  dev.paw.runtime.internal.files.ImportBenchmark --dir "$dir" $args

./paw --version >/dev/null # builds paw-cli/target/paw.jar when it is missing or stale
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# "seconds peak-KB" of one command
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
  cat "$work/time"
}

paw_import() {
  rm -rf "$work/home"
  measure ./paw --home "$work/home" run csv import_file --pocket bench -p "file_path=$1" -p table_name=t
}

sqlite_import() {
  rm -f "$work/cli.db"
  measure "$sqlite3" "$work/cli.db" ".mode csv" ".import $1 t"
}

echo
echo "command line, JVM start included: ./paw run csv import_file vs sqlite3 .import, best of $runs"
for file in "$dir/bench-$rows.csv" "$dir/bench-$small.csv"; do
  best_paw=; best_sql=; rss_paw=0; rss_sql=0
  for run in $(seq "$runs"); do
    set -- $(paw_import "$file"); p=$1; pk=$2
    set -- $(sqlite_import "$file"); s=$1; sk=$2
    printf '  run %d, %s: paw %s s (%s MB) | sqlite3 %s s (%s MB)\n' "$run" "$(basename "$file")" "$p" \
      $((pk / 1024)) "$s" $((sk / 1024))
    best_paw=$(echo "$p ${best_paw:-$p}" | awk '{print ($1 < $2) ? $1 : $2}')
    best_sql=$(echo "$s ${best_sql:-$s}" | awk '{print ($1 < $2) ? $1 : $2}')
    [ "$pk" -gt "$rss_paw" ] && rss_paw=$pk
    [ "$sk" -gt "$rss_sql" ] && rss_sql=$sk
  done
  echo "$best_paw $best_sql $rss_paw $rss_sql $(basename "$file")" | awk '{printf "%s: paw %.2f s, sqlite3 %.2f s,'\
' paw/sqlite3 = %.2f (target <= 1.0); peak RSS paw %d MB (target <= 256), sqlite3 %d MB\n", $5, $1, $2, $1 / $2,'\
' $3 / 1024, $4 / 1024}'
done
