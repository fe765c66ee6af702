#!/bin/sh
# Properties of txsplit over every test input: nothing is lost (the
# non-white-space bytes of the output are those of the input, in every
# mode), and the bad-input fixtures, including a generated 100 MB line.
. tests/lib.sh

[ -x bin/txsplit ] || { finish properties; exit 0; }
for f in tests/data/*.txt tests/cli/txsplit/*.in examples/*.txt; do
	for args in "" "-n space" "-n break" "-l de" "-l ja" "-l auto"; do
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

# -z: each NUL-separated record is a document; the NULs stay.
printf 'One. Two.\0Three. Four.\0' | $wrap bin/txsplit -z >"$tmp/out"
printf 'One.\nTwo.\n\0Three.\nFour.\n\0' >"$tmp/want"
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
finish properties
