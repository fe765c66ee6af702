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

# BILOU: its own tags in the model, written as IOB2, learnt exactly.
$wrap $t -e 10 -b 16 --scheme bilou "$corpus" >"$tmp/bilou.model" 2>"$tmp/err"
check "train --scheme bilou: status 0, no message" test $? -eq 0 -a ! -s "$tmp/err"
check "train --scheme bilou: L- and U- tags in the model" \
	sh -c 'tr "\\0" "\\n" <"$1" | grep -q "^U-PER$"' sh "$tmp/bilou.model"
$run --model "$tmp/bilou.model" --input conll "$corpus" >"$tmp/out"
check "train --scheme bilou: every tag of the tiny corpus learnt, in IOB2" \
	cmp -s "$tmp/out" "$tmp/want"
echo "Lena Vogt flew to Dakar ." | $run --model "$tmp/bilou.model" >"$tmp/out"
check "train --scheme bilou: names in a new sentence" \
	test "$(cat "$tmp/out")" = "[PER Lena Vogt] flew to [LOC Dakar] ."
$wrap $t --scheme bioes "$corpus" >/dev/null 2>"$tmp/err"
check "train --scheme bioes: status 2, named" \
	test $? -eq 2 -a "$(head -n 1 "$tmp/err")" = "txner-train: --scheme: bioes: not bio or bilou"

# A gazetteer: kept in the model, the same bytes twice; a bad one named.
printf 'CITY\tlyon\nLOC\toslo\nFIRST\tanna\nPER\tomar haddad\nORG\tblue delta bank\n' >"$tmp/gaz"
$wrap $t -e 10 -b 16 --gazetteer "$tmp/gaz" "$corpus" >"$tmp/gaz.model" 2>"$tmp/err"
check "train --gazetteer: status 0, no message" test $? -eq 0 -a ! -s "$tmp/err"
$wrap $t -e 10 -b 16 --gazetteer "$tmp/gaz" "$corpus" >"$tmp/again.model" 2>/dev/null
check "train --gazetteer: deterministic" cmp -s "$tmp/gaz.model" "$tmp/again.model"
check "train --gazetteer: the model holds it" \
	test "$(wc -c <"$tmp/gaz.model")" -gt "$(wc -c <"$tmp/tiny.model")"
$run --model "$tmp/gaz.model" --input conll "$corpus" >"$tmp/out"
check "train --gazetteer: every tag of the tiny corpus learnt" cmp -s "$tmp/out" "$tmp/want"
$wrap $t --gazetteer "$tmp/no-such" "$corpus" >/dev/null 2>"$tmp/err"
check "train, a missing gazetteer: status 1, named" \
	test $? -eq 1 -a "$(cat "$tmp/err")" = "txner-train: $tmp/no-such: No such file or directory"

# mkclus: three nested levels of classes, the same every time; misuse refused.
awk 'BEGIN { srand(7); print 200, 8; for (i = 0; i < 200; i++) { printf "w%d", i;
	for (d = 0; d < 8; d++) printf " %.4f", rand() - 0.5; printf "\n" } }' >"$tmp/vec"
build/mkclus 32 "$tmp/vec" >"$tmp/clus" 2>"$tmp/err"
check "mkclus: status 0, no message" test $? -eq 0 -a ! -s "$tmp/err"
check "mkclus: a line for each word" test "$(wc -l <"$tmp/clus")" -eq 200
check "mkclus: classes below K, K/4, K/16" \
	test "$(awk -F'\t' 'NF != 4 || $2 >= 32 || $3 >= 8 || $4 >= 2' "$tmp/clus" | wc -l)" -eq 0
check "mkclus: the levels nest" test "$(awk -F'\t' '{ print $2, $3, $4 }' "$tmp/clus" |
	sort -u | awk '{ a[$1]++; b[$2 " " $3]++ } END { n = 0; for (k in a) if (a[k] > 1) n++; print n }')" -eq 0
check "mkclus: more than one class used" test "$(cut -f 2 "$tmp/clus" | sort -u | wc -l)" -gt 8
build/mkclus 32 "$tmp/vec" >"$tmp/clus2"
check "mkclus: deterministic" cmp -s "$tmp/clus" "$tmp/clus2"
build/mkclus 20 "$tmp/vec" >/dev/null 2>"$tmp/err"
check "mkclus: K not a multiple of 16: status 2" test $? -eq 2 -a -s "$tmp/err"
build/mkclus 32 >/dev/null 2>"$tmp/err"
check "mkclus: no file: status 2, usage" test $? -eq 2 -a "$(cat "$tmp/err")" = "usage: mkclus K vecfile"
build/mkclus 32 "$tmp/no-such" >/dev/null 2>"$tmp/err"
check "mkclus: a missing file: status 1, named" \
	test $? -eq 1 -a "$(cat "$tmp/err")" = "mkclus: $tmp/no-such: No such file or directory"
printf '5 8\nw0 1 2\n' >"$tmp/short"
build/mkclus 16 "$tmp/short" >/dev/null 2>"$tmp/err"
check "mkclus: a short vector: status 1" test $? -eq 1 -a -s "$tmp/err"

# Word classes and a seed: kept in the model, learnt exactly, the same bytes twice.
awk '{ print $1 "\t" NR % 7 "\t" NR % 3 "\t0" }' "$corpus" | grep -v '^#' | sort -u >"$tmp/cls"
$wrap $t -e 10 -b 16 -s 3 --clusters "$tmp/cls" "$corpus" >"$tmp/cls.model" 2>"$tmp/err"
check "train --clusters: status 0, no message" test $? -eq 0 -a ! -s "$tmp/err"
$wrap $t -e 10 -b 16 -s 3 --clusters "$tmp/cls" "$corpus" >"$tmp/again.model" 2>/dev/null
check "train --clusters -s 3: deterministic" cmp -s "$tmp/cls.model" "$tmp/again.model"
check "train --clusters: the model holds them" \
	test "$(wc -c <"$tmp/cls.model")" -gt "$(wc -c <"$tmp/tiny.model")"
$run --model "$tmp/cls.model" --input conll "$corpus" >"$tmp/out"
check "train --clusters: every tag of the tiny corpus learnt" cmp -s "$tmp/out" "$tmp/want"
$wrap $t -s x "$corpus" >/dev/null 2>"$tmp/err"
check "train -s x: status 2" test $? -eq 2 -a -s "$tmp/err"
$wrap $t --clusters "$tmp/no-such" "$corpus" >/dev/null 2>"$tmp/err"
check "train, a missing class file: status 1, named" \
	test $? -eq 1 -a "$(cat "$tmp/err")" = "txner-train: $tmp/no-such: No such file or directory"

# Within a document, an earlier mention informs a later one: alone, the
# surname of the second line is not tagged; after the first line, it is.
# (Names made up; a retrained model may need other ones.)
printf 'Minister Tovah Renquist visited Valdoria on Monday .\nRenquist said Valdoria would sign .\n' >"$tmp/h"
check "history: a later mention tagged after an earlier one" \
	test "$($run "$tmp/h" | tail -n 1)" = "[PER Renquist] said Valdoria would sign ." -a \
	"$(tail -n 1 "$tmp/h" | $run)" = "Renquist said Valdoria would sign ."

# A document's history never reaches the next document: each line of b
# tags the same after a whatever the framing, as long as a is another
# document (a file, a -z record, a JSON Lines record, CoNLL's marks).
printf 'Zorvan Kelleth met Dr. Brisa Amuleto in Quenby .\nLater , Kelleth called Amuleto from Quenby .\n' >"$tmp/a"
printf 'Kelleth and Amuleto spoke .\nAmuleto left Quenby .\n' >"$tmp/b"
$run --format conll "$tmp/b" >"$tmp/alone"
$run --format conll "$tmp/a" "$tmp/b" | tail -n "$(wc -l <"$tmp/alone")" >"$tmp/out"
check "history: not across files" cmp -s "$tmp/alone" "$tmp/out"
printf '%s\0%s\0' "$(cat "$tmp/a")" "$(cat "$tmp/b")" | $run -z --format conll |
	tr '\0' '\n' | grep . >"$tmp/out"
grep . "$tmp/alone" >"$tmp/want-b"
check "history: not across -z records" \
	test "$(tail -n "$(wc -l <"$tmp/want-b")" "$tmp/out")" = "$(cat "$tmp/want-b")"
python3 -c 'import json, sys; [print(json.dumps({"text": open(p).read()})) for p in sys.argv[1:]]' \
	"$tmp/a" "$tmp/b" | $run --jsonl >"$tmp/out"
python3 -c 'import json, sys; print(json.dumps({"text": open(sys.argv[1]).read()}))' "$tmp/b" |
	$run --jsonl >"$tmp/want-j"
check "history: not across JSON Lines records" \
	test "$(tail -n 1 "$tmp/out")" = "$(cat "$tmp/want-j")"
awk '{ for (i = 1; i <= NF; i++) print $i; print "" }' "$tmp/a" >"$tmp/a.conll"
awk '{ for (i = 1; i <= NF; i++) print $i; print "" }' "$tmp/b" >"$tmp/b.conll"
{ cat "$tmp/a.conll"; echo "# newdoc id = b"; cat "$tmp/b.conll"; } | $run --input conll >"$tmp/out"
$run --input conll "$tmp/b.conll" >"$tmp/want-c"
check "history: not across CoNLL newdoc" \
	test "$(tail -n "$(wc -l <"$tmp/want-c")" "$tmp/out")" = "$(cat "$tmp/want-c")"
{ cat "$tmp/a.conll"; printf -- '-DOCSTART- -X- -X- O\n\n'; cat "$tmp/b.conll"; } | $run --input conll >"$tmp/out"
check "history: not across -DOCSTART-" \
	test "$(tail -n "$(wc -l <"$tmp/want-c")" "$tmp/out")" = "$(cat "$tmp/want-c")"
check "history: -DOCSTART- passed through untagged" grep -qx -- '-DOCSTART- -X- -X- O' "$tmp/out"

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
