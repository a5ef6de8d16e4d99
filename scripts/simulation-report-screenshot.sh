#!/usr/bin/env bash
# Builds a small `risk simulate` HTML report, opens it in a real headless browser (Debian's chromium), takes
# a screenshot and checks it: the page must render the heat map, the bar charts and the tables.
#
#   scripts/simulation-report-screenshot.sh [OUTPUT_DIR]      (default: target/simulation-report)
#
# Needs the built command (mvn -B -q install -DskipTests), python3 (standard library only) and chromium
# (apt-get install -y chromium). Writes portfolio.jsonl, report.txt, report.json, report.html, dom.html and
# report.png into OUTPUT_DIR (under target/, so nothing lands in git). Exit code 0 when every check passes,
# 1 when one fails, 2 when something it needs is missing.
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=risk-cli/target/risk.jar
OUT=${1:-target/simulation-report}

[ -f "$JAR" ] || { echo "no $JAR: build it first with mvn -B -q install -DskipTests" >&2; exit 2; }
command -v chromium >/dev/null || { echo "no chromium: apt-get install -y chromium" >&2; exit 2; }
command -v python3 >/dev/null || { echo "no python3" >&2; exit 2; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# The question: what would a SEVERE Guangdong downturn do, on top of the P2P ban already in force?
cat > "$OUT/in-force.json" <<'EOF'
[{"type": "SECTOR_BAN", "id": "BAN-1", "sector": "P2P_LENDING", "regulation": "Notice 7", "since": "2026-06-01"}]
EOF
cat > "$OUT/proposed.json" <<'EOF'
[{"type": "SECTOR_BAN", "id": "BAN-1", "sector": "P2P_LENDING", "regulation": "Notice 7", "since": "2026-06-01"},
 {"type": "REGIONAL_DOWNTURN", "id": "DT-GD-1", "region": "CN-GD", "severity": "SEVERE", "since": "2026-10-01"}]
EOF
java -jar "$JAR" generate --count 5000 --seed 7 > "$OUT/portfolio.jsonl"
java -jar "$JAR" simulate --as-of 2026-11-01 --signals "$OUT/in-force.json" \
    --candidate-signals "$OUT/proposed.json" --sample 10 \
    --report "$OUT/report.html" --json "$OUT/report.json" "$OUT/portfolio.jsonl" > "$OUT/report.txt"

# A fresh, throw-away profile; no network: the page references nothing outside itself.
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
CHROMIUM=(chromium --headless --no-sandbox --disable-gpu --disable-background-networking
          --disable-component-update --disable-sync --no-first-run --user-data-dir="$PROFILE")
rm -f "$OUT/report.png"
"${CHROMIUM[@]}" --screenshot="$OUT/report.png" --window-size=1280,2000 "file://$OUT/report.html" 2>/dev/null
"${CHROMIUM[@]}" --dump-dom "file://$OUT/report.html" > "$OUT/dom.html" 2>/dev/null

python3 - "$OUT" <<'PY'
"""Checks the rendered page: the DOM has the heat map, charts and tables; the screenshot is a real page
with the heat map's cells and the bars painted in their colours."""
import colorsys, collections, re, struct, sys, zlib

out = sys.argv[1]
failures = []

def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)

dom = open(out + "/dom.html", encoding="utf-8").read()
cells = re.findall(r'<rect class="cell"[^>]*fill="hsl\((\d+),\s*(\d+)%,\s*([\d.]+)%\)"', dom)
check(len(cells) == 9, "the heat map has 9 cells (found %d)" % len(cells))
check(len(re.findall(r'<svg class="bars"', dom)) == 2, "two bar charts (families and types, segments)")
for section in ("sides", "summary", "transitions", "restrictions", "segments", "regions", "sample"):
    check('<section id="%s">' % section in dom, "the %s section is there" % section)
check(dom.count("<table") >= 7, "the tables are there (%d)" % dom.count("<table"))
check(not re.search(r'(?i)<script|(src|href)\s*=\s*["\']?https?:', dom), "no script and no external reference")

def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, bpp, rows

width, height, bpp, rows = read_png(out + "/report.png")
check((width, height) == (1280, 2000), "the screenshot is 1280x2000 (%dx%d)" % (width, height))
colours = collections.Counter()
for line in rows:
    for i in range(0, len(line), bpp):
        colours[bytes(line[i:i + 3])] += 1
check(len(colours) > 200, "the screenshot is not blank (%d colours)" % len(colours))
top = colours.most_common(1)[0][1] / (width * height)
check(top < 0.9, "no single colour covers the page (%.0f%% at most)" % (100 * top))

def painted(rgb, tolerance=3):
    return sum(n for c, n in colours.items() if all(abs(c[k] - rgb[k]) <= tolerance for k in range(3)))

for hue, sat, light in set(cells):
    r, g, b = colorsys.hls_to_rgb(int(hue) / 360, float(light) / 100, int(sat) / 100)
    rgb = (round(r * 255), round(g * 255), round(b * 255))
    check(painted(rgb) > 4000, "a heat map cell is painted in hsl(%s,%s%%,%s%%) (%d pixels)"
          % (hue, sat, light, painted(rgb)))
check(painted((0xcf, 0x22, 0x2e)) > 1500, "the red 'newly affected' bars are painted (%d pixels)"
      % painted((0xcf, 0x22, 0x2e)))
if failures:
    print("%d checks failed" % len(failures))
    sys.exit(1)
print("all checks passed: %s/report.png" % out)
PY
