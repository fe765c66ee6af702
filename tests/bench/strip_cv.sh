#!/bin/sh
# txstrip's accuracy on pages it was not trained on: K-fold cross-validation
# by page over the WCXB dev pages.  For each fold, txstrip-train learns a
# model from the other folds and txstrip strips the held-out pages, from
# their text and from their HTML; the held-out outputs of all folds are
# scored together by ../shared/scorers/score_boilerplate.py.
#
#   tests/bench/strip_cv.sh [K [BITS]]      K folds (5), 2^BITS features (16)
# With TX_CV_OUT=DIR set, the held-out outputs are left in DIR/text and
# DIR/html, one file a page, for a look at the errors.
set -eu
cd "$(dirname "$0")/../.."
shared=${TX_SHARED:-../shared}
D=$shared/data/boilerplate/wcxb-dev
k=${1:-5}
bits=${2:-16}
[ -d "$D" ] || { echo "strip_cv: $D not found (set TX_SHARED)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/txstripcv.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
out=${TX_CV_OUT:-$tmp}
mkdir -p "$out/text" "$out/html"
i=0
while [ "$i" -lt "$k" ]; do
	python3 tests/bench/wcxb.py "$D" --folds "$k" --fold "$i" --train |
		bin/txstrip-train -b "$bits" >"$tmp/model"
	python3 tests/bench/wcxb.py "$D" --folds "$k" --fold "$i" --test --ids |
	while read -r id; do
		bin/txstrip --text --model "$tmp/model" "$D/text/$id.txt" >"$out/text/$id.txt"
		gzip -dc "$D/html/$id.html.gz" |
			bin/txstrip --html --model "$tmp/model" >"$out/html/$id.txt"
	done
	i=$((i + 1))
done
for kind in text html; do
	printf '%s (%d-fold CV by page, 2^%d features): ' "$kind" "$k" "$bits"
	python3 "$shared/scorers/score_boilerplate.py" wcxb "$D/ground-truth.jsonl" "$out/$kind"
	python3 - "$D/ground-truth.jsonl" "$out/$kind" <<'PY'
import json, re, sys
from collections import Counter
tok = re.compile(r'\w+', re.U)
def bag(s):
    return Counter(t.lower() for t in tok.findall(s))
low = n = 0
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    try:
        pred = open('%s/%s.txt' % (sys.argv[2], r['id']), encoding='utf-8', errors='replace').read()
    except FileNotFoundError:
        pred = ''
    g, p = bag(r['main_content']), bag(pred)
    tp = sum((g & p).values())
    f1 = 1.0 if not g and not p else (2 * tp / (sum(g.values()) + sum(p.values())))
    n += 1
    low += f1 < 0.5
print('  pages with word F1 < 0.5: %d of %d' % (low, n))
PY
done
