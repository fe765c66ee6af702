#!/bin/sh
# txner on hostile input, its model file refused when it is not sound, and
# txner-train: its contract, determinism, and a tiny corpus written here
# (tests/ner/tiny.iob2) that it must learn exactly.
. tests/lib.sh

s=bin/txner
run="$wrap $s"
t=bin/txner-train
corpus=tests/ner/tiny.iob2

# The trainer: the tiny corpus learnt exactly, the same bytes twice.
$wrap $t -e 10 -b 16 "$corpus" >"$tmp/tiny.model" 2>"$tmp/err"
check "train: status 0, no message" test $? -eq 0 -a ! -s "$tmp/err"
$wrap $t -e 10 -b 16 "$corpus" >"$tmp/again.model" 2>/dev/null
check "train: deterministic" cmp -s "$tmp/tiny.model" "$tmp/again.model"
$run --model "$tmp/tiny.model" --input conll "$corpus" >"$tmp/out"
awk -F'\t' 'NF >= 3 { print $2 "\t" $3; next } { print }' "$corpus" >"$tmp/want"
check "train: every tag of the tiny corpus learnt" cmp -s "$tmp/out" "$tmp/want"
echo "Lena Vogt flew to Dakar ." | $run --model "$tmp/tiny.model" >"$tmp/out"
check "train: names seen elsewhere, in a new sentence" \
	test "$(cat "$tmp/out")" = "[PER Lena Vogt] flew to [LOC Dakar] ."
$wrap $t "$corpus" "$corpus" >"$tmp/dev.model" 2>"$tmp/err"
check "train with dev: says its dev F1" grep -q '^txner-train: dev F1 1.0000 ' "$tmp/err"
$wrap $t --types PER "$corpus" >"$tmp/per.model" 2>/dev/null
echo "Lena Vogt flew to Dakar ." | $run --model "$tmp/per.model" --format tsv >"$tmp/out"
check "train --types PER: only PER" test "$(cut -f 3 "$tmp/out" | sort -u)" = PER
$wrap $t >/dev/null 2>"$tmp/err" </dev/null
check "train without a file: status 2" test $? -eq 2
$wrap $t "$corpus" 2>"$tmp/err" >/dev/null </dev/null
$wrap $t "$tmp/no-such" >/dev/null 2>"$tmp/err"
check "train, a missing file: status 1, named" \
	test $? -eq 1 -a "$(cat "$tmp/err")" = "txner-train: $tmp/no-such: No such file or directory"
: >"$tmp/empty"
$wrap $t "$tmp/empty" >/dev/null 2>"$tmp/err"
check "train, no sentence: status 1" test $? -eq 1 -a -s "$tmp/err"
$wrap $t -e 0 "$corpus" >/dev/null 2>"$tmp/err"
check "train -e 0: status 2" test $? -eq 2

# The model file: truncated, corrupt, another kind, empty.
head -c 5000 data/en.ner >"$tmp/trunc.model"
python3 -c 'import sys; b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 2] ^= 1; open(sys.argv[2], "wb").write(b)' \
	data/en.ner "$tmp/corrupt.model"
cp data/strip.model "$tmp/foreign.model"
: >"$tmp/empty.model"
for m in trunc corrupt foreign empty; do
	echo "John Smith." | $run --model "$tmp/$m.model" >"$tmp/out" 2>"$tmp/err"
	check "$m model: status 1, nothing out" test $? -eq 1 -a ! -s "$tmp/out"
	check "$m model: one message naming it" \
		test "$(wc -l <"$tmp/err")" -eq 1 -a "$(cut -d: -f2 "$tmp/err")" = " $tmp/$m.model"
done

# Input: invalid UTF-8 and NUL bytes pass through; a line of 100 MB is one sentence.
printf 'John \377Smith went to \000Paris.\n' >"$tmp/bad"
$run "$tmp/bad" >"$tmp/out" 2>"$tmp/err"
check "invalid UTF-8 and NUL: status 0" test $? -eq 0
check "invalid UTF-8 and NUL: the text kept byte for byte" \
	cmp -s "$tmp/bad" "$(sed 's/\[[A-Z]* //g; s/\]//g' "$tmp/out" >"$tmp/strip"; echo "$tmp/strip")"
if [ "$quick" -eq 0 ]; then
	awk 'BEGIN { for (i = 0; i < 3400000; i++) printf "John Smith went to Paris, "; printf "\n" }' >"$tmp/line"
	(ulimit -v 4000000; $run --format tsv "$tmp/line" >"$tmp/out" 2>"$tmp/err")
	check "88 MB line: status 0, no message" test $? -eq 0 -a ! -s "$tmp/err"
	check "88 MB line: its entities found" test "$(wc -l <"$tmp/out")" -ge 3400000
	rm -f "$tmp/line" "$tmp/out"
fi
finish ner
