#!/bin/sh
# Learns txner's word classes: the unlabeled text of mk/unlabeled.py, cut
# into tokens by txner's own tokenizer, word vectors from Debian's fasttext
# (one thread and a fixed seed: the same vectors every time; whole words
# only, -maxn 0, as classes of word pieces came out worse), and three
# nested levels of classes from build/mkclus.  Writes DIR/clusters.tsv.
# usage: mk/clusters.sh SHARED DIR   (DIR/npm: mk/ner-data.sh's packages)
set -eu
[ $# -eq 2 ] || { echo "usage: mk/clusters.sh shared dir" >&2; exit 2; }
shared=$1 dir=$2
bin/txner-train -e 10 -b 16 tests/ner/tiny.iob2 >"$dir/tokenizer.model"
python3 mk/unlabeled.py "$shared" "$dir/npm" |
	bin/txner --model "$dir/tokenizer.model" --format conll |
	awk -F'\t' 'NF == 0 { if (n) print s; s = ""; n = 0; next }
		{ s = n ? s " " $1 : $1; n++ } END { if (n) print s }' >"$dir/unlabeled.txt"
fasttext skipgram -input "$dir/unlabeled.txt" -output "$dir/vectors" -dim 100 -ws 5 \
	-epoch 5 -minCount 3 -maxn 0 -thread 1 -seed 1 -verbose 0 >&2
build/mkclus 2048 "$dir/vectors.vec" >"$dir/clusters.tsv.new"
mv "$dir/clusters.tsv.new" "$dir/clusters.tsv"
