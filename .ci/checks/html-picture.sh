#!/usr/bin/env bash
# The HTML report and the graph export, looked at as a person would:
#   - the page of two examples (two-sites-vsphere, and a generated 8-site, 200-rack design)
#     rendered by headless Chromium to PNG: not blank, and the drawing's band, trombone and
#     rack colours are on screen;
#   - the drawing (SVG) names every site of the file and every VLAN bridged across pods or
#     sites (`topolint domains`);
#   - what-if's page holds a drawing before and after, the after one with the proposal's
#     stretched VLANs;
#   - the page's script sorts the findings by score, filters them by severity and outlines
#     a finding's subject when pointed at;
#   - `graph --format dot` of every loadable example, and of each stretched VLAN, read by
#     Graphviz (`dot -Tsvg`), with one drawn node per switch.
# Chromium and Graphviz are test tools (.ci/setup installs them); without them this check
# says it skipped. SCREENSHOT_DIR=DIR keeps the PNGs.
set -euo pipefail
cd "$(dirname "$0")/../.."

chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "skipped: chromium is not installed (.ci/setup installs it)"; exit 77; }
command -v dot >/dev/null || { echo "skipped: graphviz (dot) is not installed (.ci/setup installs it)"; exit 77; }
command -v python3 >/dev/null || { echo "skipped: python3 is not installed"; exit 77; }
bin=.build/debug/topolint
[ -x "$bin" ] || swift build --product topolint >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# A Chromium that cannot render anything here (no display libraries, a sandbox it cannot
# leave) is a machine problem, not the report's: say so and skip.
printf '<p>probe</p>' > "$tmp/probe.html"
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --screenshot="$tmp/probe.png" --window-size=200,100 \
    "file://$tmp/probe.html" >/dev/null 2>&1 || true
[ -s "$tmp/probe.png" ] || { echo "skipped: $chromium cannot take a screenshot on this machine"; exit 77; }
rm -f "$tmp/probe.png"
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# An 8-site design with 200 racks: two sites with one 25-rack pod (drawn as one block),
# six with two pods of 12 and 13 racks; web bridged over dc1-dc3, vmotion over all sites.
python3 - > "$tmp/eight-sites.yaml" <<'PY'
sites = [f"dc{i}" for i in range(1, 9)]
web = {"dc1", "dc2", "dc3"}
out = ["topology: eight-sites", "version: 1", "sites:"] + [f"  {s}: {{}}" for s in sites]
out += ["site_links:"] + [f"  - {{between: [{sites[i]}, {sites[i + 1]}], rtt_ms: {2 + i}}}" for i in range(7)]
out += ["  - {between: [dc1, dc5], rtt_ms: 12}", "pods:"]
layout = {s: [("p1", 25)] if s in ("dc1", "dc5") else [("p1", 12), ("p2", 13)] for s in sites}
out += [f"  {s}-{p}: {{site: {s}}}" for s in sites for p, _ in layout[s]]
out += ["racks:"] + [f'  "{s}-{p}-r[01:{n:02d}]": {{pod: {s}-{p}}}' for s in sites for p, n in layout[s]]
out += ["switches:"]
links = []
for s in sites:
    vl = f"app-{s}, vmotion" + (", web" if s in web else "")
    out.append(f"  {s}-core: {{site: {s}, role: core, vlans: [{vl}]}}")
    for p, n in layout[s]:
        out.append(f'  "{s}-{p}-r[01:{n:02d}]-tor": {{rack: "{s}-{p}-r{{1}}", role: leaf, vlans: [{vl}]}}')
        out.append(f'  "{s}-{p}-spine[1:2]": {{pod: {s}-{p}, role: spine, vlans: [{vl}]}}')
        links.append(f'  - between: ["{s}-{p}-r[01:{n:02d}]-tor", "{s}-{p}-spine[1:2]"]')
        links.append(f'  - between: ["{s}-{p}-spine[1:2]", {s}-core]')
links += [f"  - {{between: [{sites[i]}-core, {sites[i + 1]}-core], vlans: [vmotion, web]}}" for i in range(7)]
out += ["links:"] + links + ["vlans:"]
out += [f"  app-{s}: {{id: {100 + i}, gateway: {s}-core}}" for i, s in enumerate(sites)]
out += ["  vmotion: {id: 20}", "  web: {id: 300, gateway: dc1-core}", "clusters:"]
for s in sites:
    p, _ = layout[s][0]
    vl = f"app-{s}, vmotion" + (", web" if s in web else "")
    out += [f"  {s}-c1:", "    platform: vsphere-7.0", f"    vlans: [{vl}]",
            f'    hosts: {{"{s}-{p}-r[01:04]-esx[1:4]": {{rack: "{s}-{p}-r{{1}}", uplinks: ["{s}-{p}-r{{1}}-tor"]}}}}']
out += ["workloads:"] + [f"  {s}-app: {{cluster: {s}-c1, vlans: [app-{s}], count: 50}}" for s in sites]
out += [f"  {s}-web: {{cluster: {s}-c1, vlans: [web], count: 30}}" for s in ("dc2", "dc3")]
print("\n".join(out))
PY

# Checks one page: its drawing names every site and stretched VLAN; its screenshot is not
# blank and shows the drawing's colours. Arguments: topology, page, screenshot, width.
check_page() {
    local topology=$1 page=$2 png=$3 width=$4
    "$bin" domains "$topology" --format json > "$tmp/domains.json"
    python3 - "$topology" "$page" "$tmp/domains.json" <<'PY' || return 1
import json, re, sys, xml.etree.ElementTree as ET
topology, page, domains = sys.argv[1:4]
# Site names straight from the file's `sites:` block (one key per line in these files).
sites, inside = [], False
for line in open(topology, encoding="utf-8"):
    if re.match(r"^sites:\s*$", line): inside = True; continue
    if inside:
        m = re.match(r"^  ([A-Za-z0-9_.-]+):", line)
        if m: sites.append(m.group(1))
        elif re.match(r"^\S", line): break
stretched = sorted({d["vlan"] for d in json.load(open(domains))["broadcast_domains"] if d["scope"] in ("site", "multi-site")})
html = open(page, encoding="utf-8").read()
svgs = re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" class="topology".*?</svg>', html, re.S)
assert len(svgs) == 1, f"expected one drawing, found {len(svgs)}"
root = ET.fromstring(svgs[0])  # the drawing is well-formed XML
texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
missing_sites = [s for s in sites if s not in texts]
missing_vlans = [v for v in stretched if not any(t.startswith(f"VLAN {v} (") for t in texts)]
print(f"{page}: {len(sites)} sites, {len(stretched)} stretched VLANs ({', '.join(stretched)}), {len(texts)} texts")
if missing_sites or missing_vlans or not sites or not stretched:
    print(f"  missing sites {missing_sites}, missing VLANs {missing_vlans}")
    sys.exit(1)
PY
    timeout 180 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --screenshot="$png" --window-size="$width,1400" "file://$(realpath "$page")" >/dev/null 2>&1 || true
    [ -s "$png" ] || { echo "no screenshot from $chromium"; return 1; }
    python3 - "$png" <<'PY'
import struct, sys, zlib
# PNG decoding with the standard library: 8-bit RGB or RGBA, non-interlaced (Chromium's).
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        assert depth == 8 and ctype in (2, 6) and interlace == 0, f"unexpected PNG format {depth}/{ctype}/{interlace}"
        bpp = 3 if ctype == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw, stride = zlib.decompress(idat), width * bpp
prev, counts = bytearray(stride), {}
for y in range(height):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp):
        px = bytes(line[x:x + 3]); counts[px] = counts.get(px, 0) + 1
    prev = line
total = width * height
light = sum(n for px, n in counts.items() if min(px) >= 245)
# Solid fills of the drawing: the first two band colours, the trombone red, the rack grey.
wanted = {"band 1": (0xe5, 0x39, 0x35), "band 2": (0x1e, 0x88, 0xe5), "trombone": (0xb7, 0x1c, 0x1c), "rack": (0xec, 0xef, 0xf1)}
seen = {name: counts.get(bytes(rgb), 0) for name, rgb in wanted.items()}
print(f"{sys.argv[1]}: {width}x{height}, {len(counts)} colours, {100 * (total - light) / total:.1f}% not white, pixels per colour {seen}")
ok = len(counts) >= 64 and (total - light) / total >= 0.05 and all(n >= 200 for n in seen.values())
sys.exit(0 if ok else 1)
PY
}

"$bin" lint examples/two-sites-vsphere.yaml --format html -o "$tmp/two-sites.html" || [ $? -eq 1 ] || fail "lint --format html (two-sites-vsphere)"
check_page examples/two-sites-vsphere.yaml "$tmp/two-sites.html" "$tmp/two-sites.png" 1200 || fail "two-sites-vsphere page"
"$bin" lint "$tmp/eight-sites.yaml" --format html -o "$tmp/eight-sites.html" || [ $? -eq 1 ] || fail "lint --format html (eight sites)"
check_page "$tmp/eight-sites.yaml" "$tmp/eight-sites.html" "$tmp/eight-sites.png" 2400 || fail "eight-site page"

# The page's script, driven as a reader would: a click on the score heading sorts the rows
# lowest first, unticking "high" hides the high findings, pointing at a finding outlines
# its subject in the drawing.
sed 's#</body>#<script>document.querySelector("th[data-key=score]").click();document.querySelector(".filters input[value=high]").click();document.querySelector("tr[data-h]").dispatchEvent(new MouseEvent("mouseenter"));</script></body>#' \
    "$tmp/two-sites.html" > "$tmp/clicked.html"
timeout 180 "$chromium" --headless --no-sandbox --disable-gpu --dump-dom "file://$tmp/clicked.html" > "$tmp/dom.html" 2>/dev/null || true
python3 - "$tmp/dom.html" <<'PY' || fail "sorting and filtering the findings"
import re, sys
rows = re.findall(r'<tr class="sev-(\w+)[^"]*" data-severity="\w+" data-score="([0-9.]+)"[^>]*?(style="display: none;")?>', open(sys.argv[1]).read())
scores = [float(s) for _, s, _ in rows]
hidden = [sev for sev, _, h in rows if h]
shown = [sev for sev, _, h in rows if not h]
outlined = len(re.findall(r'<[a-z]+ [^>]*class="[^"]*\bhl\b', open(sys.argv[1]).read()))
print(f"after the clicks: scores {scores}, hidden {hidden}, {outlined} elements outlined")
sys.exit(0 if len(rows) == 7 and scores == sorted(scores) and hidden and set(hidden) == {"high"} and "high" not in shown and outlined > 0 else 1)
PY

# what-if's page: two well-formed drawings, the after one with the stretch the proposal needs.
"$bin" what-if examples/two-sites-vsphere.yaml --migration-domain fra1-prod,ams1-dr --format html -o "$tmp/what-if.html" || [ $? -eq 1 ] || fail "what-if --format html"
python3 - "$tmp/what-if.html" <<'PY' || fail "what-if page"
import re, sys, xml.etree.ElementTree as ET
html = open(sys.argv[1], encoding="utf-8").read()
svgs = re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" class="topology".*?</svg>', html, re.S)
texts = [[t.text or "" for t in ET.fromstring(s).iter("{http://www.w3.org/2000/svg}text")] for s in svgs]
stretch = [any("if stretched to cluster ams1-dr" in t for t in side) for side in texts]
print(f"what-if page: {len(svgs)} drawings, stretch to ams1-dr drawn before/after: {stretch}")
sys.exit(0 if len(svgs) == 2 and stretch == [False, True] else 1)
PY

if [ -n "${SCREENSHOT_DIR:-}" ]; then mkdir -p "$SCREENSHOT_DIR"; cp "$tmp"/*.png "$SCREENSHOT_DIR"/; fi

# Graphviz reads every DOT export and draws one node per switch.
dot_check() {
    local label=$1; shift
    "$bin" graph "$@" --format dot > "$tmp/g.dot" || { fail "graph $label"; return; }
    dot -Tsvg "$tmp/g.dot" > "$tmp/g.svg" 2> "$tmp/dot.err" || { cat "$tmp/dot.err"; fail "dot -Tsvg rejects graph $label"; return; }
    local declared drawn
    declared=$(grep -cE '^\s*n[0-9]+ \[label=' "$tmp/g.dot" || true)
    drawn=$(grep -c 'class="node"' "$tmp/g.svg" || true)
    if [ "$declared" -gt 0 ] && [ "$declared" -eq "$drawn" ] && [ ! -s "$tmp/dot.err" ]; then
        echo "ok graph $label: $declared nodes drawn by Graphviz"
    else
        cat "$tmp/dot.err"; fail "graph $label: $declared nodes in DOT, $drawn drawn"
    fi
}
for example in examples/*.yaml "$tmp/eight-sites.yaml"; do
    case "$example" in *mistakes.yaml) continue ;; esac
    dot_check "$example" "$example"
    "$bin" domains "$example" --format json > "$tmp/d.json"
    for vlan in $(python3 -c 'import json,sys; print(" ".join(sorted({d["vlan"] for d in json.load(open(sys.argv[1]))["broadcast_domains"] if d["scope"] in ("site", "multi-site")})))' "$tmp/d.json"); do
        dot_check "$example --vlan $vlan" "$example" --vlan "$vlan"
    done
done

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "html and graph checks passed"
