#!/bin/sh
# The suite as one pipeline, txstrip | txfix | txsplit | txner, gives the
# same result in every framing: a file at a time, NUL-separated batches
# (-z) and JSON Lines records (--jsonl, txsplit --replace), over the
# sample article and a corpus of 1,000 documents (tests/tools/corpus.py:
# scraped pages and UD sentences from ../shared when it is there, else the
# repository's own texts; CRLF, BOM and unended variants among them).
# Under --jsonl every member but "text" comes through byte for byte.  GNU
# parallel, splitting the batches across two jobs, gives the serial bytes.
. tests/lib.sh

PATH=$top/bin:$PATH
export PATH
c=$tmp/c
python3 tests/tools/corpus.py "${TX_SHARED:-../shared}" "$c"
check "corpus: 1000 documents" test "$(ls "$c/docs" | wc -l)" -eq 1000
cp examples/article.txt "$c/docs/article.txt"

# A file at a time: the sentences (txsplit) and the tags (txner) of each.
mkdir -p "$c/plain"
cat >"$c/one.sh" <<'EOF'
o=$1/$(basename "$2" .txt)
txstrip "$2" | txfix | txsplit >"$o.split" && txner "$o.split" >"$o.ner" ||
	echo "failed: $2" >&2
EOF
ls "$c"/docs/*.txt | xargs -P 2 -n 1 sh "$c/one.sh" "$c/plain" >"$c/plain.err" 2>&1
check "a file at a time: every pipeline ran" test ! -s "$c/plain.err"

# The same documents in batches.  The article is one more document.
cat examples/article.txt >>"$c/corpus.z"
printf '\0' >>"$c/corpus.z"
python3 -c 'import json, sys
sys.stdout.write("{\"id\":\"article\",\"text\":%s}\n" % json.dumps(open(sys.argv[1], encoding="utf-8").read()))' \
	examples/article.txt >>"$c/corpus.jsonl"
txstrip -z "$c/corpus.z" | txfix -z | txsplit -z >"$c/z.split"
check "-z: txstrip | txfix | txsplit" test $? -eq 0
txner -z "$c/z.split" >"$c/z.ner"
check "-z: txner" test $? -eq 0
txstrip --jsonl "$c/corpus.jsonl" | txfix --jsonl | txsplit --jsonl --replace |
	txner --jsonl >"$c/j.out"
check "--jsonl: the pipeline" test $? -eq 0

python3 - "$c" >"$c/compare" 2>&1 <<'EOF'
import json, os, sys
c = sys.argv[1]
names = sorted(n[:-4] for n in os.listdir(c + "/docs") if n != "article.txt")
names.append("article")
def read(p):
    with open(p, "rb") as f:
        return f.read()
split = [read("%s/plain/%s.split" % (c, n)) for n in names]
ner = [read("%s/plain/%s.ner" % (c, n)) for n in names]
def same(what, got, want):
    bad = [names[i] for i in range(len(want)) if i >= len(got) or got[i] != want[i]]
    if len(got) != len(want) or bad:
        print("%s: %d of %d documents differ (%d records), first %s"
              % (what, len(bad), len(want), len(got), bad[:3]))
z = read(c + "/z.split").split(b"\0")
same("-z sentences", z[:-1], split)
z = read(c + "/z.ner").split(b"\0")
same("-z tags", z[:-1], ner)
ins = read(c + "/corpus.jsonl").split(b"\n")[:-1]
outs = read(c + "/j.out").split(b"\n")[:-1]
texts, tags, members = [], [], 0
for a, b in zip(ins, outs):
    rec = json.loads(b)
    t = rec["text"].encode("utf-8")
    texts.append(t)
    # the entities, written back inline as txner's default output has them
    out, pos = [], 0
    for e in rec["entities"]:
        out += [t[pos:e["start"]], b"[" + e["type"].encode() + b" ",
                t[e["start"]:e["end"]], b"]"]
        pos = e["end"]
    tags.append(b"".join(out) + t[pos:])
    # every member but text, byte for byte: what is before the text and
    # after it, then only the added entities
    i, j = a.index(b'"text":'), b.index(b'"text":')
    head_ok = a[:i] == b[:j]
    tail_in = a[a.rindex(b'"tail"') - 1:] if b'"tail"' in a else b"}"
    k = b.rindex(b',"entities":')
    tail_ok = b[:k].endswith(tail_in[:-1]) and b.endswith(b"]}")
    if not (head_ok and tail_ok):
        members += 1
same("--jsonl sentences", texts, split)
same("--jsonl tags", tags, ner)
if len(ins) != len(outs):
    print("--jsonl: %d records in, %d out" % (len(ins), len(outs)))
if members:
    print("--jsonl: %d records whose other members changed" % members)
EOF
check "the framings agree: $(head -c 600 "$c/compare")" test ! -s "$c/compare"
check "names are tagged in many documents" \
	test "$(grep -l '\[PER \|\[ORG \|\[LOC ' "$c"/plain/*.ner | wc -l)" -gt 300

# GNU parallel across two jobs, records kept in order: the serial bytes.
if command -v parallel >/dev/null 2>&1; then
	txfix --jsonl "$c/corpus.jsonl" >"$c/serial.jsonl"
	parallel --will-cite -j 2 --pipe --block 16M -k --recend '\n' -N 100 txfix --jsonl \
		<"$c/corpus.jsonl" >"$c/par.jsonl"
	check "parallel --pipe txfix --jsonl: the serial bytes" cmp -s "$c/serial.jsonl" "$c/par.jsonl"
	txfix -z "$c/corpus.z" >"$c/serial.z"
	parallel --will-cite -j 2 --pipe --block 16M -k --recend '\0' -N 100 txfix -z \
		<"$c/corpus.z" >"$c/par.z"
	check "parallel --pipe txfix -z: the serial bytes" cmp -s "$c/serial.z" "$c/par.z"
	parallel --will-cite -j 2 --pipe --block 16M -k --recend '\0' -N 100 \
		'txstrip -z | txfix -z | txsplit -z | txner -z' <"$c/corpus.z" >"$c/par.ner"
	check "parallel --pipe, the four steps -z: the serial bytes" cmp -s "$c/z.ner" "$c/par.ner"
else
	bad "GNU parallel is not installed (make deps)"
fi
finish compose
