#!/bin/sh
# txsplit's boundary model: a file that is not sound is refused, a missing
# one is said, the model adds boundaries to the rules' (it takes none away
# but a separator line's or one after a learnt abbreviation), and mksplit
# learns from a corpus written here the boundary it shows, the same bytes
# every time; a separator line is the model's to decide; mkabbr learns
# abbreviations the way Punkt does and the model carries them; and the
# UD EWT dev figures the README quotes hold.
. tests/lib.sh

run="$wrap bin/txsplit"

# The model file: truncated, corrupt, another kind, empty.
head -c 5000 data/split.model >"$tmp/trunc.model"
python3 -c 'import sys; b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 2] ^= 1; open(sys.argv[2], "wb").write(b)' \
	data/split.model "$tmp/corrupt.model"
cp data/strip.model "$tmp/foreign.model"
: >"$tmp/empty.model"
for m in trunc corrupt foreign empty; do
	echo 'One. Two.' | $run --model "$tmp/$m.model" >"$tmp/out" 2>"$tmp/err"
	check "$m model: status 1" test $? -eq 1 -a ! -s "$tmp/out"
	check "$m model: one message naming it" \
		test "$(wc -l <"$tmp/err")" -eq 1 -a -n "$(grep "^txsplit: $tmp/$m.model: " "$tmp/err")"
done

# No model among the data files: said, unless it is not wanted.
mkdir -p "$tmp/nodata"
echo 'One. Two.' | TX_DATA="$tmp/nodata" $run >"$tmp/out" 2>"$tmp/err"
check "no split.model: status 1" test $? -eq 1 -a ! -s "$tmp/out"
check "no split.model: says so" grep -q '^txsplit: split.model: model not found' "$tmp/err"
echo 'One. Two.' | TX_DATA="$tmp/nodata" $run --rules-only >"$tmp/out" 2>"$tmp/err"
check "no split.model, --rules-only: splits" test "$(cat "$tmp/out")" = "$(printf 'One.\nTwo.')"
echo 'Ein Satz. Noch einer.' | TX_DATA="$tmp/nodata" $run -l de >"$tmp/out" 2>"$tmp/err"
check "no split.model, -l de: needs none" test $? -eq 0 -a ! -s "$tmp/err"
echo x | $run --rules-only --model data/split.model >"$tmp/out" 2>"$tmp/err"
check "--model with --rules-only: usage error" test $? -eq 2 -a -s "$tmp/err"

# The model adds boundaries where no mark decides; on these texts, which
# have no separator line or learnt abbreviation, it takes none away.
for f in tests/cli/txsplit/rules-*.in tests/cli/txsplit/model-web.in examples/article.txt; do
	$run -o "$f" >"$tmp/model" 2>/dev/null
	$run -o --rules-only "$f" >"$tmp/rules" 2>/dev/null
	check "$(basename "$f"): the rules' boundaries are kept" \
		test -z "$(cut -f 2 "$tmp/rules" | sort >"$tmp/a"; cut -f 2 "$tmp/model" | sort | comm -23 "$tmp/a" -)"
done

# mksplit: a corpus whose sentences end without a mark before "Later",
# and the same text with the mark, where "Later" goes on after a comma.
awk 'BEGIN {
	split("the crew painted the fence|we fixed the old roof|they cleaned every window|she sorted the letters", a, "|")
	for (d = 0; d < 300; d++) {
		print a[d % 4 + 1]
		print "Later we went home."
		print a[(d + 1) % 4 + 1] ", Later than planned, we ate."
		print ""
	}
}' >"$tmp/corpus"
build/mksplit -o "$tmp/a.model" <"$tmp/corpus" 2>"$tmp/err"
check "mksplit: status 0, quiet" test $? -eq 0 -a ! -s "$tmp/err"
build/mksplit -o "$tmp/b.model" <"$tmp/corpus"
check "mksplit: the same bytes twice" cmp -s "$tmp/a.model" "$tmp/b.model"
echo 'we fixed the old roof Later we went home.' | $run --model "$tmp/a.model" >"$tmp/out"
check "mksplit's model: the boundary it learnt" \
	test "$(cat "$tmp/out")" = "$(printf 'we fixed the old roof\nLater we went home.')"
echo 'we fixed the old roof Later we went home.' | $run --rules-only >"$tmp/out"
check "the rules alone: no boundary" test "$(wc -l <"$tmp/out")" -eq 1
build/mksplit -v -o "$tmp/c.model" <"$tmp/corpus" 2>"$tmp/err"
check "mksplit -v: one line of figures" grep -q '^mksplit: 600 gold boundaries' "$tmp/err"
: | build/mksplit -o "$tmp/d.model" 2>"$tmp/err"
check "mksplit, no input: status 1, said" test $? -eq 1 -a -s "$tmp/err"
build/mksplit -p 2 -o "$tmp/d.model" </dev/null 2>"$tmp/err"
check "mksplit -p 2: usage error" test $? -eq 2


# mkabbr: a type a full stop nearly always follows is learnt ("tbl"), a
# word that also ends sentences is not ("soup"); a listed entry is taken
# unless the text has it bare more often, an acronym or a word never.
awk 'BEGIN {
	for (d = 0; d < 200; d++)
		printf "Mix 2 tbl. of flour with the soup. Soup is good and the soup is hot. Hot soup is good. "
	print "The min soup is good and the min soup is hot soup."
}' >"$tmp/raw"
printf 'Tbsp\nmin\nFBI\nATMs\nqt\nsoup\n' >"$tmp/listed"
printf 'soup\n' >"$tmp/words"
build/mkabbr -l "$tmp/listed" -x "$tmp/words" <"$tmp/raw" >"$tmp/abbr" 2>"$tmp/err"
check "mkabbr: status 0, quiet" test $? -eq 0 -a ! -s "$tmp/err"
check "mkabbr: learnt and listed, lower-cased, in order" \
	test "$(tr '\n' ' ' <"$tmp/abbr")" = "qt tbl tbsp "
build/mkabbr <"$tmp/raw" >"$tmp/abbr2"
check "mkabbr: without lists, what the text shows" test "$(cat "$tmp/abbr2")" = tbl
build/mkabbr -l "$tmp/nonexistent" <"$tmp/raw" >/dev/null 2>"$tmp/err"
check "mkabbr: a missing list is said" test $? -eq 1 -a -s "$tmp/err"

# A model trained with learnt abbreviations carries them: "tbl." ends no
# sentence before a name, as a listed abbreviation would not.
build/mksplit -a "$tmp/abbr" -o "$tmp/abbr.model" <"$tmp/corpus"
echo 'Take 2 tbl. Kim says so.' | $run --model "$tmp/abbr.model" >"$tmp/out"
check "learnt abbreviation: no boundary before a name" \
	test "$(cat "$tmp/out")" = 'Take 2 tbl. Kim says so.'
echo 'Take 2 tbl. Kim says so.' | $run --model "$tmp/a.model" >"$tmp/out"
check "without it: a boundary" \
	test "$(cat "$tmp/out")" = "$(printf 'Take 2 tbl.\nKim says so.')"
echo 'Take 2 tbl. The rest waits.' | $run --model "$tmp/abbr.model" >"$tmp/out"
check "learnt abbreviation: a boundary before an opener" \
	test "$(cat "$tmp/out")" = "$(printf 'Take 2 tbl.\nThe rest waits.')"

# A separator line is the model's to decide: in this corpus "=====" stands
# between the two halves of a sentence, and the model learns to keep them
# together, where the rules (--rules-only) end a sentence on either side.
awk 'BEGIN {
	for (d = 0; d < 300; d++) {
		print "We met at the hall ===== Every seat was taken by noon."
		print "Nobody left early."
		print ""
	}
}' >"$tmp/sepcorpus"
build/mksplit -o "$tmp/sep.model" <"$tmp/sepcorpus"
echo 'We met at the hall ===== Every seat was taken by noon.' >"$tmp/sep"
$run --model "$tmp/sep.model" "$tmp/sep" >"$tmp/out"
check "separator: the model keeps the sentence whole" cmp -s "$tmp/sep" "$tmp/out"
$run --rules-only "$tmp/sep" >"$tmp/out"
check "separator, --rules-only: a boundary either side" \
	test "$(cat "$tmp/out")" = "$(printf 'We met at the hall\n=====\nEvery seat was taken by noon.')"

# On UD EWT dev (when ../shared is there), the figures the README quotes:
# a change to the tokenizer, the rules' passes or the model's candidates
# that moves a single boundary moves them.
S=../shared/data/sent
if [ -d "$S" ]; then
	for mode in model rules-only; do
		case $mode in
		model) opt= want='F1=90.19 | in-paragraph boundary P=96.42 R=90.33 F1=93.27 (gold 1251, sys 1172, correct 1130)' ;;
		*) opt=--rules-only want='F1=87.99 | in-paragraph boundary P=97.21 R=86.33 F1=91.45 (gold 1251, sys 1111, correct 1080)' ;;
		esac
		# shellcheck disable=SC2086
		$run $opt "$S/en_ewt-dev.txt" >"$tmp/dev"
		python3 "$S/../../scorers/score_sent.py" "$S/en_ewt-dev.gold" "$tmp/dev" \
			"$S/en_ewt-dev.txt" >"$tmp/score"
		check "UD EWT dev, $mode: the quoted figures" grep -qF "$want" "$tmp/score"
	done
fi

finish split
