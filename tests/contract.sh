#!/bin/sh
# The contract every program in bin/ keeps (after coreutils'
# tests/misc/help-version.sh and write-errors.sh): --help and --version,
# a bad option, empty input, a full disk, a closed pipe, closed stdout and
# stdin, an unreadable file, a directory among the operands, and invalid
# UTF-8 under the default policy and --strict.
. tests/lib.sh

printf 'One sentence. Another one.\n' >"$tmp/small"
printf 'bad \377 byte. Then \300\200 more.\n' >"$tmp/invalid"
i=0
while [ $i -lt 2000 ]; do echo "A line of text. And a second sentence here."; i=$((i + 1)); done >"$tmp/big"

for bin in bin/*; do
	[ -x "$bin" ] || continue
	p=${bin##*/}
	# a trainer is no filter: tests/train.sh holds its contract
	case $p in *-train) continue ;; esac
	run="$wrap $bin"

	$run --help >"$tmp/out" 2>"$tmp/err"
	check "$p --help: status 0, usage on stdout, nothing on stderr" \
		test $? -eq 0 -a ! -s "$tmp/err"
	check "$p --help: starts with usage: $p" grep -q "^usage: $p " "$tmp/out"

	$run --version >"$tmp/out" 2>"$tmp/err"
	check "$p --version" test $? -eq 0 -a ! -s "$tmp/err"
	check "$p --version: one line naming $p" \
		test "$(wc -l <"$tmp/out")" -eq 1 -a "$(cut -d' ' -f1 "$tmp/out")" = "$p"

	$run --no-such-option </dev/null >"$tmp/out" 2>"$tmp/err"
	check "$p bad option: status 2" test $? -eq 2
	check "$p bad option: one line on stderr, nothing on stdout" \
		test "$(wc -l <"$tmp/err")" -eq 1 -a ! -s "$tmp/out"
	check "$p bad option: message names $p" grep -q "^$p: " "$tmp/err"

	$run </dev/null >"$tmp/out" 2>"$tmp/err"
	check "$p </dev/null: empty output, status 0" \
		test $? -eq 0 -a ! -s "$tmp/out" -a ! -s "$tmp/err"

	if [ -w /dev/full ]; then
		$run <"$tmp/small" >/dev/full 2>"$tmp/err"
		check "$p >/dev/full: status 1" test $? -eq 1
		check "$p >/dev/full: says so" grep -q "^$p: write error: " "$tmp/err"
	fi

	# stdout and stdin closed outright
	$run <"$tmp/small" >&- 2>"$tmp/err"
	check "$p >&-: status 1" test $? -eq 1
	check "$p >&-: says so" grep -q "^$p: write error: Bad file descriptor$" "$tmp/err"
	$run <&- >"$tmp/out" 2>"$tmp/err"
	check "$p <&-: status 1" test $? -eq 1
	check "$p <&-: says so" grep -q "^$p: <stdin>: Bad file descriptor$" "$tmp/err"

	# A directory among the operands: reported, the files after it read.
	$run "$tmp" "$tmp/small" >"$tmp/out" 2>"$tmp/err"
	check "$p directory operand: status 1" test $? -eq 1
	check "$p directory operand: message" \
		grep -q "^$p: $tmp: Is a directory$" "$tmp/err"
	check "$p directory operand: the file after it is read" test -s "$tmp/out"

	# A closed pipe ends the program by SIGPIPE, silently.
	(
		$run <"$tmp/big" 2>"$tmp/err"
		echo $? >"$tmp/status"
	) | head -n 1 >/dev/null
	check "$p | head -1: killed by SIGPIPE (status $(cat "$tmp/status"))" \
		test "$(cat "$tmp/status")" -eq 141
	check "$p | head -1: nothing on stderr" test ! -s "$tmp/err"

	$run "$tmp/no-such-file" "$tmp/small" >"$tmp/out" 2>"$tmp/err"
	check "$p missing file: status 1" test $? -eq 1
	check "$p missing file: message" \
		grep -q "^$p: $tmp/no-such-file: No such file or directory$" "$tmp/err"
	check "$p missing file: the other file is still processed" test -s "$tmp/out"

	$run "$tmp/invalid" >"$tmp/out" 2>"$tmp/err"
	check "$p invalid UTF-8: status 0 by default" test $? -eq 0
	check "$p invalid UTF-8: invalid bytes passed through" \
		env LC_ALL=C grep -a -q "$(printf '\377')" "$tmp/out"
	$run --strict "$tmp/invalid" >"$tmp/out" 2>"$tmp/err"
	check "$p --strict invalid UTF-8: status 1" test $? -eq 1
	check "$p --strict invalid UTF-8: byte offset given" \
		grep -q "^$p: $tmp/invalid: invalid UTF-8 at byte 4$" "$tmp/err"
done
finish contract
