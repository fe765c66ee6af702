#!/bin/sh
# The install round trip: install into a temporary DESTDIR, check that the
# programs, pages and data are there and run, uninstall, and nothing is left.
. tests/lib.sh

d=$tmp/root
make -s --no-print-directory install DESTDIR="$d" PREFIX=/usr/local >"$tmp/log" 2>&1
check "make install" test $? -eq 0
for p in $(ls bin); do
	check "installed bin/$p" test -x "$d/usr/local/bin/$p"
	check "installed man1/$p.1" test -f "$d/usr/local/share/man/man1/$p.1"
	# DESTDIR is not where the programs look: TX_DATA points them there
	# a trainer reads JSON Lines, not text: it need only start
	arg=
	case $p in *-train) arg=--version ;; esac
	check "installed $p runs" sh -c "echo 'A b. C d.' |
		TX_DATA='$d/usr/local/share/tx' '$d/usr/local/bin/$p' $arg >/dev/null"
done
check "installed man7/tx.7" test -f "$d/usr/local/share/man/man7/tx.7"
for f in NOTICE en.lex strip.model en.ner split.model; do
	check "installed data/$f" test -f "$d/usr/local/share/tx/$f"
done
make -s --no-print-directory uninstall DESTDIR="$d" PREFIX=/usr/local >"$tmp/log" 2>&1
check "make uninstall" test $? -eq 0
left=$(find "$d" -type f | head -n 5)
check "nothing left after uninstall: $left" test -z "$left"
finish install
