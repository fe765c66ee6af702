#!/bin/sh
# Properties over every test input and generated extremes.  txsplit:
# nothing is lost (the non-white-space bytes of the output are those of the
# input, in every mode, with the model and without, over the UD dev files
# too when ../shared is there), the bad-input fixtures, a 100 MB line.  txfix: a
# 10 MB word, a 1 MB run of quotes, 100,000 near-duplicate names, --learn
# round trip, a missing lexicon.  Both: every golden's output is the same
# when its input arrives a byte at a time or in random chunks, and work is
# linear in the runs that once made the tokenizer quadratic.  Memory bounds
# and txfix's pieces are in memory.sh.
. tests/lib.sh

dev=
[ -d ../shared/data/sent ] && dev="../shared/data/sent/en_ewt-dev.txt ../shared/data/sent/en_ewt-dev.wrapped.txt"
for f in tests/data/*.txt tests/cli/txsplit/*.in examples/*.txt $dev; do
	for args in "" "--rules-only" "-n space" "-n break" "-l de" "-l ja" "-l auto"; do
		# shellcheck disable=SC2086
		$wrap bin/txsplit $args "$f" >"$tmp/out" 2>"$tmp/err"
		st=$?
		case $f in *.in) [ -f "${f%.in}.args" ] && st=0 ;; esac
		nonspace "$f" >"$tmp/a"
		nonspace "$tmp/out" >"$tmp/b"
		check "txsplit $args $f: nothing lost" cmp -s "$tmp/a" "$tmp/b"
		check "txsplit $args $f: status 0, no message" test "$st" -eq 0 -a ! -s "$tmp/err"
	done
done

# -z: each NUL-separated record is a document; the NULs stay, and so does
# each record's final newline or its lack, as in a file.
printf 'One. Two.\0Three. Four.\n\0' | $wrap bin/txsplit -z >"$tmp/out"
printf 'One.\nTwo.\0Three.\nFour.\n\0' >"$tmp/want"
check "txsplit -z" cmp -s "$tmp/out" "$tmp/want"

if [ "$quick" -eq 0 ]; then
	# One 100 MB line without a newline, and 1 MB without any space.
	awk 'BEGIN { s = "Word after word. Another sentence here, with a comma? Yes! ";
		for (i = 0; i < 1700000; i++) printf "%s", s }' >"$tmp/line"
	bin/txsplit "$tmp/line" >"$tmp/out" 2>"$tmp/err"
	check "txsplit 100 MB line: status 0" test $? -eq 0 -a ! -s "$tmp/err"
	check "txsplit 100 MB line: 5100000 sentences" test "$(wc -l <"$tmp/out")" -eq 5099999
	check "txsplit 100 MB line: nothing lost" \
		test "$(nonspace "$tmp/line" | wc -c)" -eq "$(nonspace "$tmp/out" | wc -c)"
	head -c 1000000 /dev/zero | tr '\0' 'a' >"$tmp/nospace"
	bin/txsplit "$tmp/nospace" >"$tmp/out"
	check "txsplit 1 MB word" cmp -s "$tmp/out" "$tmp/nospace"
fi
# txfix
for f in tests/data/*.txt; do
	$wrap bin/txfix "$f" >"$tmp/out" 2>"$tmp/err"
	check "txfix $f: status 0, no message" test $? -eq 0 -a ! -s "$tmp/err"
done
# clean text comes out byte for byte
cat examples/article.txt tests/data/crlf.txt >"$tmp/clean"
printf 'Visit www.bbc.co.uk/news or mail press@example.com.\n' >>"$tmp/clean"
$wrap bin/txfix --skip names,joined-words,quote-space "$tmp/clean" >"$tmp/out"
check "txfix: text without defects unchanged" cmp -s "$tmp/clean" "$tmp/out"

# --learn: a name the lexicon lacks, once learnt, is no joined word
printf 'The Zorblatt Institute. Zorblatt said. Zorblattwas here.\n' >"$tmp/corpus"
bin/txfix --learn "$tmp/corpus" >"$tmp/my.lex"
check "txfix --learn: writes a lexicon" test -s "$tmp/my.lex"
echo 'Word ofthe day: zorblatt' | bin/txfix --lexicon "$tmp/my.lex" >"$tmp/out" 2>"$tmp/err"
check "txfix --lexicon learnt.lex works" test "$(cat "$tmp/out")" = "Word of the day: zorblatt"
mkdir -p "$tmp/nodata"
echo x | TX_DATA="$tmp/nodata" bin/txfix >"$tmp/out" 2>"$tmp/err"
check "txfix without a lexicon: status 1" test $? -eq 1
check "txfix without a lexicon: says so" grep -q '^txfix: en.lex: lexicon not found' "$tmp/err"

# JSON Lines: a record nested 100,000 levels deep is refused with a reason
# and, under --skip-bad, passed through byte for byte; the records around it
# are processed, and numbers keep their spelling.
awk 'BEGIN { printf "{\"text\":\"A b.\",\"n\":123456789012345678901234567890,\"x\":1.50e+00}\n{\"a\":";
	for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]";
	printf ",\"text\":\"x\"}\n{\"text\":\"C d.\"}\n" }' >"$tmp/deep"
for p in txsplit txfix; do
	$wrap bin/$p --jsonl --skip-bad "$tmp/deep" >"$tmp/out" 2>"$tmp/err"
	check "$p --jsonl, 100,000 levels: status 0" test $? -eq 0
	check "$p --jsonl, 100,000 levels: passed through" \
		test "$(sed -n 2p "$tmp/out" | cksum)" = "$(sed -n 2p "$tmp/deep" | cksum)"
	check "$p --jsonl, 100,000 levels: one message" \
		grep -q "^$p: $tmp/deep:2: maximum parsing depth reached .*(passed through)$" "$tmp/err"
	check "$p --jsonl: 30-digit integer and 1.50e+00 kept" \
		grep -q '"n":123456789012345678901234567890,"x":1.50e+00' "$tmp/out"
	check "$p --jsonl: three records out" test "$(wc -l <"$tmp/out")" -eq 3
done

# Every golden case gives the same output when its input arrives through a
# pipe one byte per write (dd bs=1), or in writes of random sizes
# (tests/tools/chunks, two seeds), as when it is a file read in blocks.
for dir in tests/cli/*/; do
	p=$(basename "$dir")
	[ -x "bin/$p" ] || continue
	for in in "$dir"*.in; do
		c=${in%.in}
		args=
		[ -f "$c.args" ] && args=$(cat "$c.args")
		(cd "$dir" && eval "$wrap \"$top/bin/$p\" $args" <"$top/$in" >"$tmp/whole" 2>/dev/null)
		(cd "$dir" && dd if="$top/$in" bs=1 status=none |
			eval "$wrap \"$top/bin/$p\" $args" >"$tmp/bytes" 2>/dev/null)
		check "$p $(basename "$c"): the same output one byte at a time" \
			cmp -s "$tmp/whole" "$tmp/bytes"
		for seed in 1 2; do
			(cd "$dir" && "$top/build/tests/tools/chunks" $seed <"$top/$in" |
				eval "$wrap \"$top/bin/$p\" $args" >"$tmp/bytes" 2>/dev/null)
			check "$p $(basename "$c"): the same output in random chunks ($seed)" \
				cmp -s "$tmp/whole" "$tmp/bytes"
		done
	done
done

# --max-sentence: a run with no boundary is cut into pieces of at most the
# maximum (plus a token that runs past it), nothing lost, one message.
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "word, " }' >"$tmp/commas"
$wrap bin/txsplit --max-sentence 65536 "$tmp/commas" >"$tmp/out" 2>"$tmp/err"
check "txsplit --max-sentence: status 0" test $? -eq 0
check "txsplit --max-sentence: nothing lost" cmp -s "$(nonspace "$tmp/commas" >"$tmp/a"; echo "$tmp/a")" \
	"$(nonspace "$tmp/out" >"$tmp/b"; echo "$tmp/b")"
check "txsplit --max-sentence: pieces of at most 65536 bytes and a word" \
	test "$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$tmp/out")" -le 65546
# four pieces, the last without a newline as the input ends without one
check "txsplit --max-sentence: 4 pieces" test "$(wc -l <"$tmp/out")" -eq 3
check "txsplit --max-sentence: one message" test "$(cat "$tmp/err")" = \
	"txsplit: 3 sentences with no boundary in 65536 bytes were cut (see --max-sentence)"

if [ "$quick" -eq 0 ]; then
	# memory bounded by the paragraph and --max-sentence, not by the run:
	# 100 MB of "word, " and 100 MB of bytes without white space, under
	# 400 MB of address space (they took 3.3 and 2.9 GB before the cut)
	awk 'BEGIN { for (i = 0; i < 16700000; i++) printf "word, " }' >"$tmp/run"
	(ulimit -v 400000; timeout 120 bin/txsplit "$tmp/run" >"$tmp/out" 2>"$tmp/err")
	check "txsplit 100 MB without a boundary: in 400 MB" test $? -eq 0
	check "txsplit 100 MB without a boundary: nothing lost" \
		test "$(nonspace "$tmp/run" | wc -c)" -eq "$(nonspace "$tmp/out" | wc -c)"
	head -c 120000000 /dev/urandom | tr -d ' \t\r\n' | head -c 100000000 >"$tmp/run"
	(ulimit -v 400000; timeout 120 bin/txsplit "$tmp/run" >"$tmp/out" 2>"$tmp/err")
	check "txsplit 100 MB of random bytes: in 400 MB" test $? -eq 0
	check "txsplit 100 MB of random bytes: nothing lost" \
		test "$(nonspace "$tmp/run" | cksum)" = "$(nonspace "$tmp/out" | cksum)"
	rm -f "$tmp/run"

	# memory bound: 2 GB of address space; time bound: a hang, not a speed
	head -c 10000000 /dev/zero | tr '\0' 'a' >"$tmp/word"
	(ulimit -v 2000000; timeout 120 bin/txfix "$tmp/word" >"$tmp/out")
	check "txfix 10 MB word: in time and memory" test $? -eq 0
	check "txfix 10 MB word: unchanged" cmp -s "$tmp/word" "$tmp/out"
	head -c 1000000 /dev/zero | tr '\0' '"' >"$tmp/quotes"
	(ulimit -v 2000000; timeout 60 bin/txfix "$tmp/quotes" >"$tmp/out")
	check "txfix 1 MB of quotes: in time and memory" test $? -eq 0
	check "txfix 1 MB of quotes: unchanged" cmp -s "$tmp/quotes" "$tmp/out"
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "Zq%07dx met Zq%07dx. ", i, i + 1; print "" }' >"$tmp/names"
	(ulimit -v 2000000; timeout 60 bin/txfix --only names "$tmp/names" >"$tmp/out")
	check "txfix 100,000 near-duplicate names: in time and memory" test $? -eq 0
	# Linear time in runs that the URL, e-mail and abbreviation scanners
	# could re-read once per token, and in random printable ASCII without
	# spaces: 10 MB of each takes at most 3 times ten times the CPU time of
	# 1 MB (a complexity check, not a speed: make bench measures speed),
	# under a timeout that catches quadratic work.
	tr -dc '!-~' </dev/urandom | head -c 10000000 >"$tmp/printable"
	for pat in a_ a. a%2F Go. a@b. http://x/ ab-cd+ printable; do
		for mb in 1 10; do
			if [ $pat = printable ]; then
				head -c ${mb}000000 "$tmp/printable" >"$tmp/run$mb"
			else
				awk -v p="$pat" -v m=$mb 'BEGIN { n = int(m * 1000000 / length(p));
					for (i = 0; i < n; i++) printf "%s", p }' >"$tmp/run$mb"
			fi
		done
		for p in txsplit txfix; do
			t1=$(cputime bin/$p "$tmp/run1")
			t10=$(cputime timeout 120 bin/$p "$tmp/run10")
			check "$p 10 MB of '$pat': linear time (${t1}s for 1 MB, ${t10}s for 10)" \
				awk -v a="$t1" -v b="$t10" 'BEGIN { exit !(b >= 0 && b <= 30 * a + 0.5) }'
		done
	done
fi
finish properties
