#!/bin/sh
# build/mkjoin, the trainer of txfix's join scorer, on a tiny corpus
# written here: it learns the joins it was shown and keeps a compound it
# saw whole, gives the same bytes twice, and refuses bad input.
. tests/lib.sh

j=build/mkjoin
lex=data/en.lex

# Sentences of common words; a space between two letters is deleted now
# and then (the original kept beside), and a word the candidate finder can
# split ($1) is always whole.  Documents of 20 lines, one in four a
# validation document.
corpus() {
awk -v whole="$1" 'BEGIN {
	split("the cat|a dog|my friend|our uncle|the teacher", subj, "|")
	split("saw|found|liked|painted|visited", verb, "|")
	split("the house|a garden|the river|an old bridge|the market", obj, "|")
	srand(7)
	for (i = 0; i < 800; i++) {
		line = "Yesterday " subj[i % 5 + 1] " " verb[int(i / 5) % 5 + 1] " " \
		    obj[int(i / 25) % 5 + 1] " and read the " whole " there."
		out = ""
		for (k = 1; k <= length(line); k++) {
			c = substr(line, k, 1)
			if (c == " " && substr(line, k - 1, 1) ~ /[a-z]/ &&
			    substr(line, k + 1, 1) ~ /[a-z]/ && rand() < 0.15)
				continue
			out = out c
		}
		doc = int(i / 20)
		printf "%sd%d\t%s\t%s\n", doc % 4 == 0 ? "val/" : "", doc, out, line
	}
}'
}
corpus sunbook >"$tmp/train"
corpus mydog >"$tmp/train2"

$wrap $j -o "$tmp/lex" "$lex" <"$tmp/train" 2>"$tmp/err"
check "mkjoin: status 0, says its validation figures" \
	test $? -eq 0 -a "$(grep -c '^mkjoin: validation: ' "$tmp/err")" -eq 1
$wrap $j -o "$tmp/again" "$lex" <"$tmp/train" 2>/dev/null
check "mkjoin: deterministic" cmp -s "$tmp/lex" "$tmp/again"
$wrap $j -o "$tmp/again" "$tmp/lex" <"$tmp/train" 2>/dev/null
check "mkjoin: trained again from its own output, the same bytes" cmp -s "$tmp/lex" "$tmp/again"
echo "Yesterday our uncle visitedthe market and read the sunbook there." |
	$wrap bin/txfix --lexicon "$tmp/lex" --only joined-words >"$tmp/out"
check "mkjoin: a join like those it saw is split, the word it saw whole is kept" \
	test "$(cat "$tmp/out")" = "Yesterday our uncle visited the market and read the sunbook there."
# what it learns is the data's: "mydog" split by the first, kept by a
# scorer that saw it whole
$wrap $j -o "$tmp/lex2" "$lex" <"$tmp/train2" 2>/dev/null
check "mkjoin: a join it saw as pieces is split" \
	test "$(echo "Yesterday mydog found a garden." |
	bin/txfix --lexicon "$tmp/lex" --only joined-words)" = "Yesterday my dog found a garden."
check "mkjoin: the same, seen whole, is a word" \
	test "$(echo "Yesterday mydog found a garden." |
	bin/txfix --lexicon "$tmp/lex2" --only joined-words)" = "Yesterday mydog found a garden."
echo "Yesterday our uncle visited the market." | bin/txfix --lexicon "$tmp/lex" --learn >"$tmp/learnt"
check "txfix --learn keeps the scorer" \
	test "$(echo "a friend visitedthe river." | bin/txfix --lexicon "$tmp/learnt" --only joined-words)" = \
	"a friend visited the river."

# misuse and bad input
$wrap $j "$lex" </dev/null >/dev/null 2>"$tmp/err"
check "mkjoin without -o: status 2" test $? -eq 2 -a -s "$tmp/err"
printf 'd1\tno tabs here\n' | $wrap $j -o "$tmp/x" "$lex" 2>"$tmp/err"
check "mkjoin, a line without its columns: status 1" test $? -eq 1 -a -s "$tmp/err"
printf 'd1\tabc\txyz\n' | $wrap $j -o "$tmp/x" "$lex" 2>"$tmp/err"
check "mkjoin, an original that is not the line with spaces: status 1, the line named" \
	test $? -eq 1 -a "$(cat "$tmp/err")" = \
	"mkjoin: line 1: the original is not the corrupted line with spaces put back"
printf 'd1\tThe cat sat.\tThe cat sat.\n' | $wrap $j -o "$tmp/x" "$lex" 2>"$tmp/err"
check "mkjoin, no candidate at all: status 1" test $? -eq 1 -a -s "$tmp/err"
$wrap $j -o "$tmp/x" "$tmp/no-such" </dev/null 2>"$tmp/err"
check "mkjoin, a missing lexicon: status 1, named" test $? -eq 1 -a \
	"$(cut -d: -f1-2 "$tmp/err")" = "mkjoin: $tmp/no-such"

finish join
