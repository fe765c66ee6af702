#!/bin/sh
# make demo: the four steps on the sample article, each step's output shown.
set -eu
a=examples/article.txt
t=$(mktemp -d "${TMPDIR:-/tmp}/txdemo.XXXXXX")
trap 'rm -rf "$t"' EXIT
step() { printf '\n== %s\n$ %s\n' "$1" "$2"; }

step "1. txstrip: the main text, the page's boilerplate dropped" "bin/txstrip $a"
bin/txstrip "$a" | tee "$t/1"
echo "($(wc -l <"$a") lines in, $(wc -l <"$t/1") kept)"
step "2. txfix: spacing, typos and a misspelt name repaired; the log of changes" \
	"bin/txstrip $a | bin/txfix --log fixes.tsv; cat fixes.tsv"
bin/txfix --log "$t/log" "$t/1" >"$t/2"
cat "$t/log"
step "3. txsplit: a sentence a line, a blank line between paragraphs" \
	"bin/txstrip $a | bin/txfix | bin/txsplit"
bin/txsplit "$t/2" | tee "$t/3"
step "4. txner: the names of people, organisations and places" \
	"bin/txstrip $a | bin/txfix | bin/txsplit | bin/txner"
bin/txner "$t/3"
