#!/usr/bin/env bash
# Two clean builds of the current commit give byte-identical library artifacts: the jar, its sources and its
# javadoc, for every published module. Each build runs in a fresh clone (with `mvn package`, tests skipped); the
# script compares the SHA-256 of every artifact and fails naming any that differ. Usage:
#   bash scripts/reproducible-build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
libraries=(risk-api risk-testkit rules risk-rulecheck risk-drools risk-json risk-scenarios risk-live risk-simulate
    risk-spark risk-spring-boot-autoconfigure risk-spring-boot-starter)
list=$(IFS=,; echo "${libraries[*]}")

for build in first second; do
    git clone -q . "$work/$build"
    (cd "$work/$build" && mvn -B -q package -DskipTests -pl "$list" -am > "$work/$build.log" 2>&1) || {
        cat "$work/$build.log" >&2; echo "FAIL: the $build build failed" >&2; exit 1; }
    (cd "$work/$build" && for m in "${libraries[@]}"; do
        for jar in "$m"/target/*.jar; do
            case "$jar" in */original-*|*/risk-spark.jar) continue ;; esac
            sha256sum "$jar"
        done
    done) > "$work/$build.sha256"
done

if diff "$work/first.sha256" "$work/second.sha256" > "$work/diff"; then
    echo "ok: $(wc -l < "$work/first.sha256") artifacts of ${#libraries[@]} modules are byte-identical in two clean builds"
else
    echo "FAIL: these artifacts differ between two clean builds:" >&2
    grep '^<' "$work/diff" | awk '{print $3}' >&2
    exit 1
fi
