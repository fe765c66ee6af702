#!/bin/sh
# Every article under a folder, whatever its name holds (spaces, newlines): find -print0 hands the names to xargs -0; the sentences of each file counted.
find articles -name '*.txt' -print0 | sort -z | xargs -0 -n 1 sh -c 'printf "%s\t%s\n" "$1" "$(txsplit "$1" | grep -c .)"' sh
