#!/bin/sh
# make bench: throughput and peak memory of each program against baselines
# in the same run, and accuracy on the development data under ../shared.
# Not part of make check.
set -eu
cd "$(dirname "$0")/../.."
shared=${TX_SHARED:-../shared}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/txbench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
m="python3 tests/bench/measure.py"
S=$shared/data/sent

if [ ! -d "$S" ]; then
	echo "bench: $S not found (set TX_SHARED)" >&2
	exit 1
fi

echo "== txsplit: accuracy (python3 $shared/scorers/score_sent.py)"
for input in en_ewt-dev.txt en_ewt-dev.wrapped.txt; do
	for mode in auto space break; do
		bin/txsplit -n $mode "$S/$input" >"$tmp/out"
		printf '%-24s -n %-6s ' "$input" "$mode"
		python3 "$shared/scorers/score_sent.py" "$S/en_ewt-dev.gold" "$tmp/out" "$S/$input"
	done
done

echo "== txsplit: throughput on one core (English: EWT dev and the sample article, repeated to 200 MB)"
cat "$S/en_ewt-dev.txt" examples/article.txt >"$tmp/unit"
: >"$tmp/big"
while [ "$(wc -c <"$tmp/big")" -lt 200000000 ]; do
	cat "$tmp/unit" "$tmp/unit" "$tmp/unit" "$tmp/unit" >>"$tmp/big"
	cat "$tmp/big" "$tmp/big" >"$tmp/big2" 2>/dev/null && mv "$tmp/big2" "$tmp/big"
done
$m "cat" "$tmp/big" -- cat
$m "ICU sentence iterator (whole process)" "$tmp/big" -- build/tests/bench/icu_split '{}'
build/tests/bench/icu_split "$tmp/big" | sed 's/^/  ICU: /'
$m "txsplit" "$tmp/big" -- bin/txsplit
$m "txsplit -n space" "$tmp/big" -- bin/txsplit -n space
$m "txsplit --offsets" "$tmp/big" -- bin/txsplit -o
$m "txsplit -l de (ICU path)" "$tmp/big" -- bin/txsplit -l de
echo "== txsplit: peak memory on 1 GB through a pipe"
$m "txsplit, 1 GB" --gen "$tmp/unit" 1000 -- bin/txsplit
