#!/usr/bin/env bash
# Figures for the connector compiler: `mvn paw:generate` on our connectors plus the shared PocketPaw files, cold and
# no-op (best of 3 each, Maven start included), and the lines generated per connector.
# Usage: bench/generate-figures.sh            (installs the plugin into the local Maven repository first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared/pocketpaw-connectors"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

(cd "$root" && mvn -q -B install -DskipTests -Dinvoker.skip -pl paw-connector-maven-plugin -am)
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -1)"

mkdir -p "$work/connectors"
cp "$root"/connectors/*.yaml "$work/connectors/"
for f in "$shared"/*.yaml; do cp "$f" "$work/connectors/pocketpaw_$(basename "$f")"; done
# Two files may not declare the same connector name: PocketPaw's own stripe/csv/rest_generic/gmail/gcalendar get a prefix.
for f in "$work"/connectors/pocketpaw_*.yaml; do
  sed -i -E "0,/^name: /s/^name: (.*)$/name: pocketpaw_\1/" "$f"
done
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>figures</groupId><artifactId>figures</artifactId><version>1</version>
  <build><plugins><plugin>
    <groupId>dev.paw</groupId><artifactId>paw-connector-maven-plugin</artifactId><version>$version</version>
    <configuration><packageName>figures.paw</packageName></configuration>
  </plugin></plugins></build>
</project>
POM
count=$(ls "$work"/connectors/*.yaml | wc -l)
best() { sort -n | head -1; }
time_run() { local s e; s=$(date +%s%N); (cd "$work" && mvn -q -B -o "dev.paw:paw-connector-maven-plugin:$version:generate" >/dev/null); e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
cold=$(for i in 1 2 3; do rm -rf "$work/target"; time_run; done | best)
noop=$(for i in 1 2 3; do time_run; done | best)
echo "paw:generate on $count connector files (Maven start included, best of 3): cold ${cold} ms, no-op ${noop} ms"
echo "generated lines per connector:"
for dir in "$work"/target/generated-sources/paw/figures/paw/*/; do
  printf '  %-24s %6d lines in %3d files\n' "$(basename "$dir")" "$(cat "$dir"/*.java | wc -l)" "$(ls "$dir" | wc -l)"
done | sort -k2 -n -r
echo "  total                    $(cat "$work"/target/generated-sources/paw/figures/paw/*/*.java | wc -l) lines"
