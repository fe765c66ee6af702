#!/bin/sh
# The README's pipeline: repair the sample article, then split it; the log of changes on stdout after.
txfix --log fixes.tsv.tmp article.txt | txsplit | head -n 3
cat fixes.tsv.tmp
rm -f fixes.tsv.tmp
