#!/bin/sh
# The four steps on the sample article: strip its boilerplate, repair it, a sentence a line, names tagged.
txstrip article.txt | txfix | txsplit | txner | head -n 3
