#!/bin/sh
# The abbreviations txsplit's model carries (make model-split): learnt by
# build/mkabbr, the way Punkt learns them, from raw English text (the
# sentences of UD EWT's training file and the main text of the WCXB pages,
# see data/NOTICE), with SCOWL's abbreviation lists up to size 50 as the
# listed ones and its words and names up to size 70 as what is no
# abbreviation (Debian's scowl package).  A word a line on stdout.
set -eu
cd "$(dirname "$0")/.."
shared=${TX_SHARED:-../shared}
scowl=/usr/share/dict/scowl
opts=
for size in 10 20 35 40 50; do
	opts="$opts -l $scowl/english-abbreviations.$size"
done
for kind in english american; do
	for part in words upper proper-names; do
		for size in 10 20 35 40 50 55 60 70; do
			f=$scowl/$kind-$part.$size
			[ -f "$f" ] && opts="$opts -x $f"
		done
	done
done
{
	awk -f mk/ewt-text.awk "$shared/data/ner/uner_en_ewt/en_ewt-ud-train.iob2"
	python3 -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    print(json.loads(line).get("main_content") or "")
    print()' "$shared/data/boilerplate/wcxb-dev/ground-truth.jsonl"
} | build/mkabbr $opts
