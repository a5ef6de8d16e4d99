#!/usr/bin/env bash
# Times risk-spark-local (local[1] and local[2]) against risk eval on the same generated portfolio, in turn,
# and checks that every run writes the same lines. Run from the repository root after
# `mvn -B -q install -DskipTests`:
#   bash risk-spark/bench/spark-vs-eval.sh [BORROWERS] [ROUNDS]      (default 1000000 and 3)
set -euo pipefail
count="${1:-1000000}"
rounds="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
risk=(java -jar risk-cli/target/risk.jar)
spark=risk-spark/target/risk-spark-local
export RISK_SPARK_JAVA_OPTS="${RISK_SPARK_JAVA_OPTS:--Xmx4g}"

"${risk[@]}" generate --count "$count" --seed 1 > "$work/portfolio.jsonl"
cat > "$work/signals.json" <<'JSON'
[{"type": "REGIONAL_DOWNTURN", "region": "CN-GD", "severity": "SEVERE", "since": "2026-09-01"},
 {"type": "SECTOR_BAN", "sector": "P2P_LENDING", "regulation": "Regulatory Notice 2026-7", "since": "2026-06-01"}]
JSON
args=(--as-of 2026-10-01 --signals "$work/signals.json")

timed() { # name, command...: appends the wall seconds to $work/name
  local name="$1"; shift
  /usr/bin/time -f "%e" -o "$work/t" "$@" > /dev/null 2> "$work/err" || { cat "$work/err"; exit 1; }
  cat "$work/t" >> "$work/$name"
}
for round in $(seq "$rounds"); do
  timed eval sh -c "${risk[*]} eval ${args[*]} $work/portfolio.jsonl > $work/eval.jsonl"
  for cores in 1 2; do
    rm -rf "$work/out$cores"
    RISK_SPARK_CORES=$cores timed "local$cores" "$spark" decide "${args[@]}" --input "$work/portfolio.jsonl" \
        --output "$work/out$cores"
    cat "$work"/out$cores/part-* | cmp -s - "$work/eval.jsonl" || { echo "local[$cores] differs from risk eval"; exit 1; }
  done
  echo "round $round: eval $(tail -1 "$work/eval") s, local[1] $(tail -1 "$work/local1") s, local[2] $(tail -1 "$work/local2") s"
done
median() { sort -n "$work/$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
e=$(median eval); one=$(median local1); two=$(median local2)
echo "$count borrowers, medians of $rounds rounds (wall seconds): risk eval $e, local[1] $one, local[2] $two"
awk -v e="$e" -v one="$one" -v two="$two" 'BEGIN {printf "local[2] / risk eval = %.2f; local[1] / local[2] = %.2f; every output identical to risk eval\n", two / e, one / two}'
