#!/bin/sh
# The people named across many articles, the most mentioned first: a sentence a line, then one entity a line (start, end, type, text).
txsplit articles/*.txt | txner --format tsv | awk -F '\t' '$3 == "PER"' | cut -f 4 | sort | uniq -c | sort -k 1,1rn -k 2
