#!/usr/bin/env bash
# Shows that the API compatibility check bites. In a throw-away clone of the current commit it removes a public
# method of risk-api (RuleSetInfo.ruleNames) and expects `mvn verify` of risk-api to fail on the japicmp check;
# then it moves the version to the next API line (0.1.x to 0.2.0-SNAPSHOT) and expects the same change to pass.
# The working tree is never touched. Usage: bash scripts/check-api-compatibility.sh (after one full build, so that
# the plugins are in the local repository).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q . "$work/repo"
cd "$work/repo"

python3 - <<'PY'
from pathlib import Path
p = Path("risk-api/src/main/java/io/github/creditrisk/RuleSetInfo.java")
s = p.read_text()
start = s.index("    /** The rules' full names, sorted. */")
end = s.index("    }\n", s.index("public List<String> ruleNames()")) + len("    }\n")
p.write_text(s[:start] + s[end:])
PY
echo "planted: RuleSetInfo.ruleNames() removed"

if mvn -B -q -pl risk-api verify -Dmaven.test.skip=true > "$work/break.log" 2>&1; then
    echo "FAIL: the build passed with a public method removed on the same API line" >&2
    exit 1
fi
grep -q "japicmp-maven-plugin.*RuleSetInfo.ruleNames():METHOD_REMOVED" "$work/break.log" || {
    cat "$work/break.log" >&2; echo "FAIL: the build failed, but not on the API check" >&2; exit 1; }
grep -m1 -o "There is at least one incompatibility: [^ ]*" "$work/break.log" | sed 's/^/japicmp: /'
echo "ok: on the same API line (0.1), the break fails the build"

find . -name pom.xml -not -path "*/target/*" -exec sed -i 's|<version>0\.1\.0-SNAPSHOT</version>|<version>0.2.0-SNAPSHOT</version>|' {} +
if ! mvn -B -q -pl risk-api verify -Dmaven.test.skip=true > "$work/next.log" 2>&1; then
    cat "$work/next.log" >&2
    echo "FAIL: the build failed on the next API line (0.2.0-SNAPSHOT)" >&2
    exit 1
fi
echo "ok: on the next API line (0.2), the same change passes and is reported"
