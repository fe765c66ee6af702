#!/bin/sh
# make bench: throughput and peak memory of each program against baselines
# in the same run, and accuracy on the development data under ../shared.
# Every measurement is shown on standard error as it is made; at the end
# tests/bench/table.py writes the table of the figures that matter to
# tests/bench/results.md (and results.tsv, which make bench-plot draws),
# and prints it.  Not part of make check.
set -eu
cd "$(dirname "$0")/../.."
shared=${TX_SHARED:-../shared}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/txbench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
m="python3 tests/bench/measure.py"
# the progress on stderr, the table on stdout
exec 3>&1 1>&2
TX_BENCH_RECORD=$tmp/record
export TX_BENCH_RECORD
: >"$TX_BENCH_RECORD"
# say KEY: passes its input through and records each line under KEY
say() {
	while IFS= read -r line; do
		printf '%s\n' "$line"
		printf 'acc\t%s\t%s\n' "$1" "$line" >>"$TX_BENCH_RECORD"
	done
}
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
		python3 "$shared/scorers/score_sent.py" "$S/en_ewt-dev.gold" "$tmp/out" "$S/$input" |
			say "split $input $mode"
	done
	bin/txsplit --rules-only "$S/$input" >"$tmp/out"
	printf '%-24s %-9s ' "$input" "--rules-only"
	python3 "$shared/scorers/score_sent.py" "$S/en_ewt-dev.gold" "$tmp/out" "$S/$input" |
		say "split $input rules-only"
done
# ICU's own iterator as a peer (UAX #29 rules and its English exceptions)
build/tests/bench/icu_split -s "$S/en_ewt-dev.txt" >"$tmp/out"
printf '%-24s %-9s ' "en_ewt-dev.txt" "ICU"
python3 "$shared/scorers/score_sent.py" "$S/en_ewt-dev.gold" "$tmp/out" "$S/en_ewt-dev.txt" |
	say "split icu"

echo "== txsplit: throughput on one core (English: EWT dev and the sample article, repeated to 200 MB)"
cat "$S/en_ewt-dev.txt" examples/article.txt >"$tmp/unit"
: >"$tmp/big"
while [ "$(wc -c <"$tmp/big")" -lt 200000000 ]; do
	cat "$tmp/unit" "$tmp/unit" "$tmp/unit" "$tmp/unit" >>"$tmp/big"
	cat "$tmp/big" "$tmp/big" >"$tmp/big2" 2>/dev/null && mv "$tmp/big2" "$tmp/big"
done
$m "cat | cat (txsplit's input)" "$tmp/big" -- cat
$m "ICU sentence iterator (whole process)" "$tmp/big" -- build/tests/bench/icu_split '{}'
build/tests/bench/icu_split "$tmp/big" | sed 's/^/  ICU: /'
$m "txsplit" "$tmp/big" -- bin/txsplit
$m "txsplit --rules-only" "$tmp/big" -- bin/txsplit --rules-only
$m "txsplit -n space" "$tmp/big" -- bin/txsplit -n space
$m "txsplit --offsets" "$tmp/big" -- bin/txsplit -o
$m "txsplit -l de (ICU path)" "$tmp/big" -- bin/txsplit -l de
# the same text as JSON Lines, a paragraph a record: the framing's cost
python3 -c 'import json, sys
for p in open(sys.argv[1], encoding="utf-8").read().split("\n\n"):
    if p.strip():
        print(json.dumps({"id": 1, "text": p}, ensure_ascii=False))' "$tmp/big" >"$tmp/big.jsonl"
$m "txsplit, the same paragraphs (plain)" "$tmp/big" -- bin/txsplit
$m "txsplit --jsonl, the same paragraphs" "$tmp/big.jsonl" -- bin/txsplit --jsonl
rm -f "$tmp/big.jsonl"
echo "== peak memory on 1 GB through a pipe (txfix: one document, in --window pieces)"
$m "txsplit, 1 GB" --gen "$tmp/unit" 1000 -- bin/txsplit
$m "txfix, 1 GB" --gen "$tmp/unit" 1000 -- bin/txfix
echo "== txsplit: peak memory on 100 MB lines with no boundary (cut at --max-sentence)"
awk 'BEGIN { for (i = 0; i < 16700000; i++) printf "word, " }' >"$tmp/commas"
$m "txsplit, 100 MB of 'word, '" "$tmp/commas" -- bin/txsplit
head -c 120000000 /dev/urandom | tr -d ' \t\r\n' | head -c 100000000 >"$tmp/random"
$m "txsplit, 100 MB of random bytes" "$tmp/random" -- bin/txsplit
# txfix's worst case: a token a byte, in --window pieces (txfix(1) MEMORY)
$m "txfix, 100 MB of random bytes" "$tmp/random" -- bin/txfix
rm -f "$tmp/commas" "$tmp/random"

P=$shared/data/spacing
S2=$shared/scorers/score_spacing.py
if [ -d "$P" ]; then
	# LABEL TSV: the joined-words score of txfix on TSV's first column
	joined() {
		cut -f1 "$2" | bin/txfix >"$tmp/joined.out"
		printf '%s' "$1"
		python3 "$S2" joined "$2" "$tmp/joined.out" | python3 -c 'import ast,sys; d=ast.literal_eval(sys.stdin.read()); print("precision %.4f recall %.4f (tp %d, fp %d, gold %d) damaged lines %d of %d" % (d["precision"], d["recall"], d["tp"], d.get("fp", 0), d["gold_deleted"], d.get("damaged_lines", 0), d["lines"]))' |
			say "fix $1"
	}
	# LABEL TSV: the same with each line a document of its own (-z), as
	# short records are repaired
	joinedz() {
		cut -f1 "$2" | tr '\n' '\0' | bin/txfix -z | tr '\0' '\n' >"$tmp/joined.out"
		printf '%s' "$1"
		python3 "$S2" joined "$2" "$tmp/joined.out" | python3 -c 'import ast,sys; d=ast.literal_eval(sys.stdin.read()); print("precision %.4f recall %.4f (tp %d, fp %d, gold %d) damaged lines %d of %d" % (d["precision"], d["recall"], d["tp"], d.get("fp", 0), d["gold_deleted"], d.get("damaged_lines", 0), d["lines"]))' |
			say "fix $1"
	}
	# LABEL TXT [ARGS]: the clean lines that txfix ARGS changes
	clean() {
		label=$1 txt=$2
		shift 2
		bin/txfix "$@" <"$txt" >"$tmp/clean.out"
		printf '%s' "$label"
		python3 "$S2" clean "$txt" "$tmp/clean.out" | python3 -c 'import ast,sys; d=ast.literal_eval(sys.stdin.read()); print("lines changed %d of %d" % (d.get("changed", 0), d["lines"]))' |
			say "fix $label"
	}
	echo "== txfix: accuracy (python3 $S2)"
	joined 'joined  ' "$P/joined.tsv"
	joinedz 'joined, a line a document  ' "$P/joined.tsv"
	clean 'clean   ' "$P/clean.txt"
	printf 'defects '
	python3 "$S2" run-defects "$P/defects.tsv" "$tmp/defects.out" -- bin/txfix | python3 -c 'import ast,sys; d=ast.literal_eval(sys.stdin.read()); p=d["positives"]; n=d["negatives"]; print("fixed %d / %d, wrong %d, negatives kept %d / %d" % (p.get("pass", 0), p["n"], p.get("wrong", 0), n.get("pass", 0), n["n"]))' |
		say "fix defects"
	# the join scorer's own held-out slice: documents it was neither
	# trained nor thresholded on, with spaces deleted as joined.tsv's
	mkdir "$tmp/slice"
	python3 mk/joined.py "$shared" --test "$tmp/slice"
	joined 'slice joined  ' "$tmp/slice/joined.tsv"
	joinedz 'slice joined, a line a document  ' "$tmp/slice/joined.tsv"
	clean 'slice clean   ' "$tmp/slice/clean.txt"
	clean 'slice clean, joined-words alone   ' "$tmp/slice/clean.txt" --only joined-words
	for args in "" "--only mojibake,nfc"; do
		printf 'ftfy    %-20s ' "${args:-(all rules)}"
		# shellcheck disable=SC2086
		python3 "$S2" run-defects "$P/ftfy_cases.tsv" "$tmp/ftfy.out" -- bin/txfix $args | python3 -c '
import ast, sys
d = ast.literal_eval(sys.stdin.read())["per_category"]
enc = [v for k, v in d.items() if k.endswith("fixed_encoding") and not k.startswith("ftfy_negative")]
neg = [v for k, v in d.items() if k.startswith("ftfy_negative")]
print("fixed_encoding pass %d / %d, negatives unchanged %d / %d" % (
    sum(v.get("pass", 0) for v in enc), sum(v["n"] for v in enc),
    sum(v.get("pass", 0) for v in neg), sum(v["n"] for v in neg)))' |
			say "fix ftfy ${args:-all}"
	done
	echo "== txfix: throughput on one core (GUM clean text, repeated to 50 MB)"
	: >"$tmp/fix"
	while [ "$(wc -c <"$tmp/fix")" -lt 50000000 ]; do
		cat "$P/clean.txt" "$P/clean.txt" "$P/clean.txt" "$P/clean.txt" >>"$tmp/fix"
		cat "$tmp/fix" "$tmp/fix" >"$tmp/fix2" && mv "$tmp/fix2" "$tmp/fix"
	done
	$m "cat | cat (txfix's repeated text)" "$tmp/fix" -- cat
	$m "txfix (one 50 MB document)" "$tmp/fix" -- bin/txfix
	tr '\n' '\0' <"$tmp/fix" >"$tmp/fixz"
	$m "txfix -z (one document a line)" "$tmp/fixz" -- bin/txfix -z
	W=$shared/data/boilerplate/wcxb-dev/text
	if [ -d "$W" ]; then
		echo "== txfix: throughput on text that does not repeat (the WCXB pages' main text, 6.7 MB)"
		for f in "$W"/*.txt; do cat "$f"; printf '\0'; done >"$tmp/pages"
		tr '\0' '\n' <"$tmp/pages" >"$tmp/prose"
		grep -v '^$' "$tmp/prose" | tr '\n' '\0' >"$tmp/prosez"
		$m "cat | cat (txfix's prose)" "$tmp/prose" -- cat
		$m "txfix (one document)" "$tmp/prose" -- bin/txfix
		$m "txfix -z (one document a page)" "$tmp/pages" -- bin/txfix -z
		$m "txfix -z (one document a line)" "$tmp/prosez" -- bin/txfix -z
	fi
fi

B=$shared/data/boilerplate/wcxb-dev
if [ -d "$B" ]; then
	echo "== txstrip: accuracy, 5-fold cross-validation by page (tests/bench/strip_cv.sh)"
	sh tests/bench/strip_cv.sh 2>/dev/null | say "strip cv"
	echo "== txstrip: throughput on one core (the WCXB pages, one a -z record; text repeated 8 times)"
	for f in "$B"/text/*.txt; do cat "$f"; printf '\0'; done >"$tmp/page"
	cat "$tmp/page" "$tmp/page" "$tmp/page" "$tmp/page" >"$tmp/text"
	cat "$tmp/text" "$tmp/text" >"$tmp/page" && mv "$tmp/page" "$tmp/text"
	for f in "$B"/html/*.html.gz; do gzip -dc "$f"; printf '\0'; done >"$tmp/html"
	$m "cat | cat (txstrip's text)" "$tmp/text" -- cat
	$m "txstrip -z --text" "$tmp/text" -- bin/txstrip -z --text
	$m "libxml2's HTML parser alone (whole process)" "$tmp/html" -- build/tests/bench/html_parse '{}'
	build/tests/bench/html_parse "$tmp/html" | sed 's/^/  libxml2: /'
	$m "txstrip -z --html" "$tmp/html" -- bin/txstrip -z --html
	$m "txstrip -z (kind detected)" "$tmp/html" -- bin/txstrip -z
	echo "== txstrip: peak memory on one 50 MB page"
	python3 - "$tmp/html" "$tmp/big" <<'PY'
import sys
page = open(sys.argv[1], 'rb').read().split(b'\0')[0]
body = page[page.find(b'<body'):]
with open(sys.argv[2], 'wb') as f:
    f.write(page[:page.find(b'<body')])
    while f.tell() < 50000000:
        f.write(body)
PY
	$m "txstrip --html, one 50 MB page" "$tmp/big" -- bin/txstrip --html
	rm -f "$tmp/text" "$tmp/html" "$tmp/big"
fi

N=$shared/data/ner
if [ -d "$N" ]; then
	echo "== txner: accuracy (python3 $shared/scorers/score_ner.py; the model was tuned on UNER dev)"
	bin/txner --input conll "$N/uner_en_ewt/en_ewt-ud-dev.iob2" >"$tmp/ner.out"
	python3 "$shared/scorers/score_ner.py" "$N/uner_en_ewt/en_ewt-ud-dev.iob2" "$tmp/ner.out" --map uner |
		tail -n 5 | say "ner uner"
	bin/txner --input conll "$N/wnut17/emerging.dev.conll" >"$tmp/ner.out"
	echo "WNUT-17 dev, a domain it was not trained on:"
	python3 "$shared/scorers/score_ner.py" "$N/wnut17/emerging.dev.conll" "$tmp/ner.out" --map wnut |
		tail -n 5 | say "ner wnut"
	echo "== txner: throughput on one core (UNER dev's sentences as text, repeated to 50 MB)"
	sed -n 's/^# text = //p' "$N/uner_en_ewt/en_ewt-ud-dev.iob2" >"$tmp/unit"
	: >"$tmp/ner"
	while [ "$(wc -c <"$tmp/ner")" -lt 50000000 ]; do
		cat "$tmp/unit" "$tmp/unit" "$tmp/unit" "$tmp/unit" >>"$tmp/ner"
	done
	toks=$(bin/txner --format conll "$tmp/unit" | grep -c .)
	echo "  tokens per MB (tokens/s = MB/s times this): $((toks * 1000000 / $(wc -c <"$tmp/unit")))" |
		say "ner tokens"
	$m "cat | cat (txner's input)" "$tmp/ner" -- cat
	$m "txner" "$tmp/ner" -- bin/txner
	$m "txner --format tsv" "$tmp/ner" -- bin/txner --format tsv
	rm -f "$tmp/ner"
fi

echo "== the four steps as one pipeline, JSON Lines, at 1 and 2 jobs (GNU parallel, 1 MB batches)"
python3 tests/tools/corpus.py "$shared" "$tmp/corpus"
four='bin/txstrip --jsonl | bin/txfix --jsonl | bin/txsplit --jsonl --replace | bin/txner --jsonl'
$m "pipeline, serial" "$tmp/corpus/corpus.jsonl" -- sh -c "$four"
for j in 1 2; do
	$m "pipeline, parallel -j $j" "$tmp/corpus/corpus.jsonl" -- \
		parallel --will-cite -j $j --pipe -k --block 1M "$four"
done

python3 tests/bench/table.py "$TX_BENCH_RECORD" tests/bench/results.md tests/bench/results.tsv
cat tests/bench/results.md >&3
