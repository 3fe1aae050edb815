#!/usr/bin/env bash
# The sync benchmark in one command (docs/performance.md): builds the reactor with the bench profile, runs every sync
# scenario against the in-memory page server and prints the table and ratios, then the JMH micro-benchmarks.
# Arguments go to the sync benchmark (--records N --small N --repeat N --only a,b --jfr DIR); JMH=0 skips JMH.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
mvn -q -B -Pbench package -DskipTests -Dinvoker.skip
java -jar paw-bench/target/paw-bench.jar "$@"
if [ "${JMH:-1}" != "0" ]; then
  java -Dpaw.repositoryRoot="$PWD" -cp paw-bench/target/paw-bench.jar org.openjdk.jmh.Main -rf text \
    -rff paw-bench/target/jmh.txt 'MapperBenchmark|GeneratorBenchmark'
fi
