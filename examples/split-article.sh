#!/bin/sh
# The sample article, one sentence or heading a line (run from examples/ with bin/ on PATH).
txsplit article.txt
