#!/bin/sh
# Runs every test of make check: the cmocka unit binaries, the CLI golden
# cases (under LC_ALL=C and C.UTF-8, which must agree), the contract sweep
# of every program in bin/, and the bad-input cases.  Ends with the line
# "N passed, M failed" and fails if anything failed.
#
#   tests/run.sh [--quick]          --quick: skip the 100 MB cases (for valgrind, ASan)
#   tests/run.sh --regen PROG CASE  rewrite one golden case from the program's output
#
# TX_WRAP, when set, is put before every program run (valgrind).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
quick=0
pass=0
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/txtest.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
wrap=${TX_WRAP:-}

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

run_case() {	# prog dir case locale -> $tmp/out $tmp/err $tmp/status
	(
		cd "$2" || exit 1
		args=
		[ -f "$3.args" ] && args=$(cat "$3.args")
		eval "LC_ALL=$4 $wrap \"$top/bin/$1\" $args" <"$3.in" \
			>"$tmp/out" 2>"$tmp/err"
		echo $? >"$tmp/status"
	)
}

if [ "${1:-}" = --regen ]; then
	prog=$2 case=$3 dir=tests/cli/$2
	[ -f "$dir/$case.in" ] || { echo "no such case: $dir/$case.in" >&2; exit 2; }
	run_case "$prog" "$dir" "$case" C.UTF-8
	cp "$tmp/out" "$dir/$case.out"
	if [ -s "$tmp/err" ]; then cp "$tmp/err" "$dir/$case.err"; else rm -f "$dir/$case.err"; fi
	if [ "$(cat "$tmp/status")" != 0 ]; then cp "$tmp/status" "$dir/$case.status"; else rm -f "$dir/$case.status"; fi
	echo "rewrote $dir/$case.*: read the diff before committing it"
	exit 0
fi
[ "${1:-}" = --quick ] && quick=1

# Unit tests: cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)".
for t in build/tests/unit/test_*; do
	[ -x "$t" ] || continue
	(cd tests/unit && $wrap "$top/$t") >"$tmp/unit" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$tmp/unit")
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$tmp/unit")
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
	if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
		fail=$((fail + 1))
	fi
	if [ "$rc" -ne 0 ]; then
		echo "FAIL: $t"
		sed 's/^/  /' "$tmp/unit" | tail -20
	fi
done

# Golden cases, byte-exact, in both locales.
for dir in tests/cli/*/; do
	dir=${dir%/}
	prog=${dir##*/}
	[ -x "bin/$prog" ] || continue
	for in in "$dir"/*.in; do
		case=$(basename "$in" .in)
		for loc in C C.UTF-8; do
			run_case "$prog" "$dir" "$case" "$loc"
			want_status=0
			[ -f "$dir/$case.status" ] && want_status=$(cat "$dir/$case.status")
			: >"$tmp/empty"
			want_err="$dir/$case.err"
			[ -f "$want_err" ] || want_err="$tmp/empty"
			if diff -u "$dir/$case.out" "$tmp/out" >"$tmp/diff" &&
			    diff -u "$want_err" "$tmp/err" >>"$tmp/diff" &&
			    [ "$(cat "$tmp/status")" = "$want_status" ]; then
				ok
			else
				bad "$prog/$case (LC_ALL=$loc): status $(cat "$tmp/status"), want $want_status"
				head -40 "$tmp/diff"
			fi
		done
	done
done

# Scripted suites (contract, properties, docs): each ends with
# "NAME: N passed, M failed".  They run under LC_ALL=C, the locale of a
# cron job or a minimal root, whatever the caller's is, two at a time (the
# machine's cores), each in a folder of its own; their reports are read
# in order afterwards.
suites="tests/memory.sh tests/properties.sh tests/compose.sh tests/contract.sh
tests/hosts.sh tests/split.sh tests/strip.sh tests/ner.sh tests/join.sh tests/docs.sh
tests/install.sh"
for s in $suites; do echo "$s"; done |
	TMPROOT=$tmp LC_ALL=C TX_QUICK=$quick TX_WRAP=$wrap xargs -P 2 -I{} sh -c '
		d=$TMPROOT/s.$(basename "$1" .sh)
		mkdir -p "$d" && TX_TMP=$d sh "$1" >"$d.out" 2>&1
		rm -rf "$d"' sh {}
for s in $suites; do
	out=$tmp/s.$(basename "$s" .sh).out
	line=$(tail -n 1 "$out" 2>/dev/null)
	p=$(echo "$line" | sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$line" | sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	[ -n "$p" ] || { echo "FAIL: $s did not finish"; p=0 f=1; }
	# Everything a failing suite printed, its commands' messages included
	# (a missing tool reads as "col: not found", not as a wrong result).
	[ "$f" -eq 0 ] || sed '$d' "$out"
	pass=$((pass + p))
	fail=$((fail + f))
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
