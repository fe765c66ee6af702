#!/bin/sh
# Documents in pieces and memory bounds.  txfix repairs a document longer
# than --window piece by piece: where the rules do not learn from the
# document's words, the output is that of the whole; its log, replayed over
# the input (tests/tools/replay), gives its output back in every framing
# and in pieces.  Unless --quick: 1 GB streamed through each program, a
# 100 MB line, 100 MB of random bytes and a 50 MB JSON string, each under
# `ulimit -v` at the bound the man page states (MEMORY).
. tests/lib.sh
replay=build/tests/tools/replay

# The log replays to the output: every txfix golden input and test file.
for f in tests/cli/txfix/*.in tests/data/*.txt; do
	$wrap bin/txfix --log "$tmp/log" "$f" >"$tmp/out" 2>/dev/null
	$replay "$tmp/log" "$f" >"$tmp/replayed" 2>"$tmp/err"
	check "txfix log of $(basename "$f") replays to the output" cmp -s "$tmp/out" "$tmp/replayed"
done

# A 230 KB document of every golden input and example, in 64 KB pieces.
i=0
while [ $i -lt 12 ]; do
	for f in tests/cli/txfix/*.in examples/*.txt; do cat "$f"; printf '\n\n'; done
	i=$((i + 1))
done >"$tmp/mix"
local_rules="--skip joined-words,names"
$wrap bin/txfix $local_rules --window 1G "$tmp/mix" >"$tmp/whole" 2>/dev/null
$wrap bin/txfix $local_rules --window 64K "$tmp/mix" >"$tmp/pieces" 2>/dev/null
check "txfix --window 64K: the output of the whole (rules that learn nothing)" \
	cmp -s "$tmp/whole" "$tmp/pieces"
check "txfix --window 64K: the document has edits" test -n "$(cmp "$tmp/mix" "$tmp/whole")"
$wrap bin/txfix --window 64K --log "$tmp/log" "$tmp/mix" >"$tmp/out" 2>/dev/null
$replay "$tmp/log" "$tmp/mix" >"$tmp/replayed" 2>"$tmp/err"
check "txfix --window 64K: the log replays, line numbers across pieces" \
	cmp -s "$tmp/out" "$tmp/replayed"
# -z: records longer than the window come in pieces as well; NULs kept
tr -d '\0' <"$tmp/mix" >"$tmp/mix0"
$wrap bin/txfix $local_rules --window 1G "$tmp/mix0" >"$tmp/whole" 2>/dev/null
{ cat "$tmp/mix0"; printf '\0'; cat "$tmp/mix0"; printf '\0'; } >"$tmp/records"
{ cat "$tmp/whole"; printf '\0'; cat "$tmp/whole"; printf '\0'; } >"$tmp/want"
$wrap bin/txfix -z $local_rules --window 64K "$tmp/records" >"$tmp/out" 2>/dev/null
check "txfix -z --window 64K: each record as whole" cmp -s "$tmp/want" "$tmp/out"
$wrap bin/txfix -z --window 64K --log "$tmp/log" "$tmp/records" >"$tmp/out" 2>/dev/null
$replay "$tmp/log" "$tmp/records" >"$tmp/replayed" 2>"$tmp/err"
check "txfix -z --window 64K: the log replays" cmp -s "$tmp/out" "$tmp/replayed"
check "txfix -z --window 64K: two documents in the log" \
	test "$(cut -f1 "$tmp/log" | uniq | tr '\n' ' ')" = "1 2 "

if [ "$quick" -eq 0 ]; then
	# 1 MB of prose with spacing defects, repaired as one document; then
	# 1 GB of it, streamed: the same repairs in every copy, in bounded memory.
	awk 'BEGIN { srand(7); n = split("the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no will more its who can said about into other them what some could time these two may than then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three", w, " ");
		while (size < 1046000) {
			p = "";
			for (s = 0; s < 5; s++) {
				t = w[1 + int(rand() * n)];
				t = toupper(substr(t, 1, 1)) substr(t, 2);
				for (i = 8 + int(rand() * 12); i > 1; i--) {
					r = rand();
					t = t (r < 0.05 ? " , " : r < 0.1 ? "  " : r < 0.15 ? ", " : " ") w[1 + int(rand() * n)];
				}
				p = p (s ? " " : "") t ".";
			}
			printf "%s\n\n", p;
			size += length(p) + 2;
		}
	}' >"$tmp/mb"
	bin/txfix "$tmp/mb" >"$tmp/mb.fixed"
	copies() { i=0; while [ $i -lt 1000 ]; do cat "$1"; i=$((i + 1)); done; }
	want=$(copies "$tmp/mb.fixed" | cksum)
	# txfix(1) MEMORY: 50 times --window (2 MB) plus 70 MB: 170 MB
	got=$(copies "$tmp/mb" | (ulimit -v 170000; bin/txfix 2>"$tmp/err") | cksum)
	check "txfix 1 GB document: in 170 MB, each copy repaired alike" test "$got" = "$want"
	[ -s "$tmp/err" ] && cat "$tmp/err" >&2
	# txsplit(1) MEMORY: twice the longest paragraph plus 40 times
	# --max-sentence, past 80 MB for the program
	want=$(copies "$tmp/mb" | tr -d ' \t\r\n' | cksum)
	got=$(copies "$tmp/mb" | (ulimit -v 160000; bin/txsplit 2>"$tmp/err") | tr -d ' \t\r\n' | cksum)
	check "txsplit 1 GB: in 160 MB, nothing lost" test "$got" = "$want"

	# a 100 MB line, 100 MB of random bytes and 20 MB of quotes (a token a byte)
	awk 'BEGIN { s = "Word after word ,another sentence here, with  a comma? Yes! ";
		for (i = 0; i < 1700000; i++) printf "%s", s }' >"$tmp/line"
	(ulimit -v 170000; bin/txfix "$tmp/line" >"$tmp/out" 2>"$tmp/err")
	check "txfix 100 MB line: in 170 MB" test $? -eq 0
	check "txfix 100 MB line: repaired" test "$(tr -cd , <"$tmp/out" | wc -c)" -eq 3400000 -a \
		"$(grep -c ' ,' "$tmp/out")" -eq 0
	head -c 100000000 /dev/urandom >"$tmp/random"
	(ulimit -v 170000; bin/txfix "$tmp/random" >"$tmp/out" 2>"$tmp/err")
	check "txfix 100 MB of random bytes: in 170 MB" test $? -eq 0
	head -c 20000000 /dev/zero | tr '\0' '"' >"$tmp/quotes"
	(ulimit -v 170000; bin/txfix "$tmp/quotes" >"$tmp/out" 2>"$tmp/err")
	check "txfix 20 MB of quotes: in 170 MB" test $? -eq 0
	rm -f "$tmp/random" "$tmp/line" "$tmp/quotes"

	# a JSON Lines record holding a 50 MB string: about 4 times the record
	# (the line, jansson's string, the new text, its encoding) plus the program
	i=0
	while [ $i -lt 48 ]; do cat "$tmp/mb"; i=$((i + 1)); done >"$tmp/field"
	python3 -c 'import json, sys
for name in sys.argv[1:3]:
    with open(name, encoding="utf-8") as f:
        text = f.read()
    with open(name + ".jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": 1, "text": text, "n": 1.50e+00}) + "\n")' \
		"$tmp/field" "$tmp/mb.fixed"
	(ulimit -v 400000; bin/txfix --jsonl "$tmp/field.jsonl" >"$tmp/out" 2>"$tmp/err")
	check "txfix --jsonl 50 MB string: in 400 MB" test $? -eq 0
	check "txfix --jsonl 50 MB string: repaired, the record kept" python3 -c 'import json, sys
rec = json.load(open(sys.argv[1], encoding="utf-8"))
one = json.load(open(sys.argv[2], encoding="utf-8"))["text"]
sys.exit(not (rec["id"] == 1 and rec["text"] == one * 48 and rec["n"] == 1.5))' \
		"$tmp/out" "$tmp/mb.fixed.jsonl"
	(ulimit -v 400000; bin/txsplit --jsonl "$tmp/field.jsonl" >"$tmp/out" 2>"$tmp/err")
	check "txsplit --jsonl 50 MB string: in 400 MB" test $? -eq 0
	check "txsplit --jsonl 50 MB string: every sentence" python3 -c 'import json, sys
rec = json.load(open(sys.argv[1], encoding="utf-8"))
field = open(sys.argv[2], encoding="utf-8").read()
sys.exit(not ("".join(rec["sentences"]).replace(" ", "").replace("\n", "") ==
    field.replace(" ", "").replace("\n", "")))' "$tmp/out" "$tmp/field"
fi
finish memory
