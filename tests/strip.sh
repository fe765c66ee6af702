#!/bin/sh
# txstrip on broken and hostile pages, its model file refused when it is
# not sound, and txstrip-train: its contract and a tiny corpus written
# here, whose pages it must learn to strip exactly.
. tests/lib.sh

s=bin/txstrip
run="$wrap $s"
para='<p>Residents of the small harbour town voted on Tuesday to rebuild the sea wall that has protected its fishing fleet for more than a century, after two winters of storms.</p>'
python3 - "$tmp" "$para" <<'PY'
import sys
d, p = sys.argv[1], sys.argv[2]
open(d + '/deep.html', 'w', encoding='utf-8').write('<html><body>' + '<div>' * 10000 + p + '</div>' * 10000 + '</body></html>')
html = open('tests/cli/txstrip/html.in', encoding='utf-8').read()
import re
open(d + '/unclosed.html', 'w', encoding='utf-8').write(re.sub(r'</(p|div|li|ul|article|aside|main|body|html|h1|h2|header|nav|footer)>', '', html))
open(d + '/utf16.html', 'wb').write(b'\xff\xfe' + html.encode('utf-16-le'))
latin = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>Un caf\xe9 tr\xe8s long pour tout le monde, avec une phrase qui est assez longue pour \xeatre gard\xe9e comme contenu de la page.</p></body></html>'
open(d + '/latin1.html', 'wb').write(latin.encode('latin-1'))
open(d + '/nocharset.html', 'wb').write(latin.replace('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', '').encode('latin-1'))
a = html.index('<div class="post-body">') + len('<div class="post-body">')
b = html.index('</div>', a)
body = html[a:b]
open(d + '/big.html', 'w', encoding='utf-8').write(html[:a] + body * (50 * 1000 * 1000 // len(body)) + html[b:])
PY

$run "$tmp/deep.html" >"$tmp/out" 2>"$tmp/err"
check "10,000-deep nesting: status 0" test $? -eq 0 -a ! -s "$tmp/err"
check "10,000-deep nesting: the paragraph is kept" grep -q "^Residents of the small" "$tmp/out"
$run "$tmp/unclosed.html" >"$tmp/out" 2>"$tmp/err"
check "unclosed tags: status 0" test $? -eq 0
check "unclosed tags: the article's five paragraphs" \
	test "$(grep -c -e '^Residents' -e '^The council' -e '^Turnout' -e '^“People here' -e '^Work is' "$tmp/out")" -eq 5
$run "$tmp/utf16.html" >"$tmp/out" 2>"$tmp/err"
check "UTF-16 with a BOM: as the UTF-8 page" cmp -s "$tmp/out" tests/cli/txstrip/html.out
$run "$tmp/latin1.html" >"$tmp/out" 2>"$tmp/err"
check "declared ISO-8859-1: converted" grep -q "^Un café très long" "$tmp/out"
$run "$tmp/nocharset.html" >"$tmp/out" 2>"$tmp/err"
check "no charset, not UTF-8: detected and converted" grep -q "^Un café très long" "$tmp/out"
head -c 1000000 /dev/urandom >"$tmp/garbage"
for mode in --text --html ""; do
	$run $mode "$tmp/garbage" >"$tmp/out" 2>"$tmp/err"
	check "binary garbage $mode: status 0, no message" test $? -eq 0 -a ! -s "$tmp/err"
done
if [ "$quick" -eq 0 ]; then
	# a 50 MB article under ten times its size
	(ulimit -v 520000; $run "$tmp/big.html" >"$tmp/out" 2>"$tmp/err")
	check "50 MB page under 500 MB: status 0" test $? -eq 0 -a ! -s "$tmp/err"
	check "50 MB page: its paragraphs kept" \
		test "$(grep -c '^Turnout was the highest' "$tmp/out")" -gt 30000
fi
rm -f "$tmp/big.html"

if [ "$quick" -eq 0 ]; then
	# Linear time: ten times the page, at most 3 x 10 times the CPU time
	# (plus start-up slack), in lines of text and in paragraphs of HTML.
	for kind in text html; do
		for mb in 1 10; do
			awk -v k=$kind -v m=$mb 'BEGIN {
				line = "The council met again on Tuesday and voted to rebuild the wall."
				n = int(m * 1000000 / (length(line) + 8))
				for (i = 0; i < n; i++)
					if (k == "html") printf "<p>%s</p>\n", line
					else if (i % 5 == 0) printf "Share\n"
					else printf "%s\n", line
			}' >"$tmp/lin$mb"
		done
		t1=$(cputime bin/txstrip --$kind "$tmp/lin1")
		t10=$(cputime timeout 120 bin/txstrip --$kind "$tmp/lin10")
		check "10 MB of $kind: linear time (${t1}s for 1 MB, ${t10}s for 10)" \
			awk -v a="$t1" -v b="$t10" 'BEGIN { exit !(b >= 0 && b <= 30 * a + 0.5) }'
	done
	# One 100 MB line of prose: read in bounded memory, kept whole or dropped whole
	awk 'BEGIN { for (i = 0; i < 3200000; i++) printf "the wall was rebuilt in a year, "; printf "\n" }' >"$tmp/line"
	(ulimit -v 1500000; $run --text "$tmp/line" >"$tmp/out" 2>"$tmp/err")
	check "100 MB line: status 0, no message" test $? -eq 0 -a ! -s "$tmp/err"
	check "100 MB line: kept byte for byte, or dropped" \
		sh -c 'cmp -s "$1" "$2" || test ! -s "$2"' sh "$tmp/line" "$tmp/out"
	rm -f "$tmp/line" "$tmp/lin1" "$tmp/lin10"
fi

# A script written without spaces: ICU counts its words, and its
# paragraphs are told from its menu and footer without a function-word list.
printf '%s' '<html><body><nav><a href="/">首页</a> <a href="/n">新闻</a> <a href="/s">体育</a></nav><article><h1>港口小镇投票重建海堤</h1><p>周二，这个小港口小镇的居民投票决定重建已经保护渔船队一个多世纪的海堤，此前两个冬天的风暴使其多处开裂倾斜。</p><p>议会曾要求镇民在两种方案之间做出选择：一种是大约能维持二十年的修补，另一种是成本几乎高出三倍但能抵御更高潮位的全面重建。</p></article><footer>版权所有 © 2026 海岸邮报</footer></body></html>' >"$tmp/zh.html"
$run "$tmp/zh.html" >"$tmp/out" 2>"$tmp/err"
check "Chinese: both paragraphs kept" test "$(grep -c -e '^周二' -e '^议会' "$tmp/out")" -eq 2
check "Chinese: menu and footer dropped" test "$(grep -c -e '首页' -e '版权' "$tmp/out")" -eq 0

# Documents are independent: a page stripped after others, in one -z
# stream, comes out as it does alone, whatever the pages before it held.
for f in tests/cli/txstrip/article.in tests/cli/txstrip/html.in; do
	head -n 12 "$f" >"$tmp/small"
	{ cat "$f" "$f"; printf '\0'; cat "$tmp/small"; printf '\0'; } >"$tmp/stream"
	$run -z --explain "$tmp/stream" >"$tmp/out" 2>"$tmp/err"
	{ cat "$f" "$f" | $run; printf '\0'; $run "$tmp/small"; printf '\0'; } >"$tmp/want"
	check "$(basename "$f") after a bigger page: as alone" cmp -s "$tmp/out" "$tmp/want"
	# its scores too, to the third decimal (less the document's number)
	$run --explain "$tmp/small" 2>&1 >/dev/null | cut -f 2- >"$tmp/want"
	check "$(basename "$f") after a bigger page: its scores as alone" \
		test "$(grep '^2	' "$tmp/err" | cut -f 2-)" = "$(cat "$tmp/want")"
done

# The model file: truncated, corrupt, a lexicon, an empty file.
head -c 5000 data/strip.model >"$tmp/trunc.model"
python3 -c 'import sys; b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 2] ^= 1; open(sys.argv[2], "wb").write(b)' \
	data/strip.model "$tmp/corrupt.model"
: >"$tmp/empty.model"
for m in trunc corrupt empty; do
	$run --model "$tmp/$m.model" </dev/null >"$tmp/out" 2>"$tmp/err"
	check "$m model: status 1" test $? -eq 1 -a ! -s "$tmp/out"
	check "$m model: one message naming it" \
		test "$(wc -l <"$tmp/err")" -eq 1 -a -n "$(grep "^txstrip: $tmp/$m.model: " "$tmp/err")"
done

# --explain: one row a block, six columns, the decisions the output shows
$run --explain examples/article.txt >"$tmp/out" 2>"$tmp/err"
check "--explain: a row for each of the article's 51 lines" test "$(wc -l <"$tmp/err")" -eq 51
check "--explain: six tab-separated columns" \
	test -z "$(awk -F '\t' 'NF != 6' "$tmp/err")"
check "--explain: its keeps are the output" \
	test "$(grep -c '	keep	' "$tmp/err")" -eq "$(wc -l <"$tmp/out")"
# --threshold trades precision for recall: higher keeps no more
a=$($run --threshold 0.05 --html tests/cli/txstrip/html.in | wc -l)
b=$($run --threshold 0.95 --html tests/cli/txstrip/html.in | wc -l)
check "--threshold: 0.05 keeps at least what 0.95 keeps ($a, $b)" test "$a" -ge "$b"

# txstrip-train's contract
t=bin/txstrip-train
$wrap $t --help >"$tmp/out" 2>"$tmp/err"
check "txstrip-train --help" test $? -eq 0 -a ! -s "$tmp/err"
check "txstrip-train --help: usage" grep -q "^usage: txstrip-train " "$tmp/out"
$wrap $t --version >"$tmp/out" 2>&1
check "txstrip-train --version" grep -q "^txstrip-train " "$tmp/out"
$wrap $t --bogus </dev/null >"$tmp/out" 2>"$tmp/err"
check "txstrip-train bad option: status 2" test $? -eq 2
$wrap $t -k 1 </dev/null >"$tmp/out" 2>"$tmp/err"
check "txstrip-train -k 1: status 2" test $? -eq 2
$wrap $t </dev/null >"$tmp/out" 2>"$tmp/err"
check "txstrip-train, no pages: status 1, says so" \
	test $? -eq 1 -a -n "$(grep 'no page to learn from' "$tmp/err")"
echo 'not json' | $wrap $t >"$tmp/out" 2>"$tmp/err"
check "txstrip-train, malformed input: status 1, line named" \
	test $? -eq 1 -a -n "$(grep '^txstrip-train: -:1: ' "$tmp/err")"
$wrap $t "$tmp/no-such" >"$tmp/out" 2>"$tmp/err"
check "txstrip-train, missing file: status 1" test $? -eq 1

# A tiny corpus: ten pages of menu, article and footer, their main content
# the article.  The classifier must learn to keep exactly that.
python3 - "$tmp/corpus.jsonl" <<'PY'
import json, random, sys
random.seed(7)
words = ('the council said that it would build a new wall along the harbour '
         'after storms had damaged the old one and the town voted for it').split()
menu = ['Home', 'News', 'Sport', 'Weather', 'Contact us', 'Subscribe']
foot = ['Privacy policy', 'Terms of use', 'All rights reserved']
with open(sys.argv[1], 'w') as f:
    for p in range(10):
        body = [' '.join(random.choice(words) for _ in range(25 + p)).capitalize() + '.'
                for _ in range(4 + p % 3)]
        page = menu + body + foot
        f.write(json.dumps({'text': '\n'.join(page) + '\n',
                            'html': '<html><body><nav><ul>' + ''.join('<li><a href="/">%s</a></li>' % m for m in menu) +
                                    '</ul></nav><article>' + ''.join('<p>%s</p>' % b for b in body) +
                                    '</article><footer>' + ''.join('<p>%s</p>' % x for x in foot) + '</footer></body></html>',
                            'main_content': '\n\n'.join(body)}) + '\n')
        open(sys.argv[1] + '.%d.want' % p, 'w').write('\n'.join(body) + '\n')
PY
$wrap $t -k 2 -b 12 "$tmp/corpus.jsonl" >"$tmp/tiny.model" 2>"$tmp/err"
check "txstrip-train on the tiny corpus: status 0" test $? -eq 0
check "txstrip-train: cross-validated F1 1 for text and for HTML" \
	test "$(grep -c 'F1 1.0000 ' "$tmp/err")" -eq 2
$wrap $t -k 2 -b 12 <"$tmp/corpus.jsonl" >"$tmp/tiny2.model" 2>/dev/null
check "txstrip-train is deterministic" cmp -s "$tmp/tiny.model" "$tmp/tiny2.model"
python3 - "$tmp/corpus.jsonl" <<'PY'
import json, sys
for n, line in enumerate(open(sys.argv[1])):
    r = json.loads(line)
    open('%s.%d.txt' % (sys.argv[1], n), 'w').write(r['text'])
    open('%s.%d.html' % (sys.argv[1], n), 'w').write(r['html'])
PY
good=0
for p in 0 1 2 3 4 5 6 7 8 9; do
	for k in txt html; do
		$run --model "$tmp/tiny.model" "$tmp/corpus.jsonl.$p.$k" >"$tmp/out" 2>&1 &&
			cmp -s "$tmp/out" "$tmp/corpus.jsonl.$p.want" && good=$((good + 1))
	done
done
check "the tiny model strips all 20 pages to their articles ($good)" test "$good" -eq 20
python3 -c 'import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l); del r["html"]; print(json.dumps(r))' "$tmp/corpus.jsonl" |
	$wrap $t -k 2 -b 12 >"$tmp/textonly.model" 2>/dev/null
$run --model "$tmp/textonly.model" --html </dev/null >"$tmp/out" 2>"$tmp/err"
check "a model without HTML classifiers: --html refused" \
	grep -q "^txstrip: $tmp/textonly.model: the model has no classifier" "$tmp/err"
finish strip
