#!/bin/sh
# Times paw's import_file against `sqlite3 db ".mode csv" ".import file t"` on a generated 1,000,000-row, 8-column
# CSV (best of three), then imports 100k and 1M rows in fresh JVMs with a 64 MB heap to show memory stays flat.
# Usage: bench/import-benchmark.sh [--rows N] [--small-rows N] [--runs N] [--dir DIR] [--sqlite3 PATH] [--heap 64m]
#                                   [--child-flags "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"]
set -eu
cd "$(dirname "$0")/.."
mvn -q -pl paw-runtime -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
exec java -cp "paw-runtime/target/test-classes:paw-runtime/target/classes:$(cat paw-runtime/target/classpath.txt)" \
  dev.paw.runtime.files.ImportBenchmark --dir paw-runtime/target/bench "$@"
