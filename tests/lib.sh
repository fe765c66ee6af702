# Shared by the scripted suites: counters and checks.  Sourced, not run.
set -u
pass=0
fail=0
tmp=${TX_TMP:?}
wrap=${TX_WRAP:-}
quick=${TX_QUICK:-0}
top=$(pwd)

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# check NAME CONDITION...: runs the condition, counts it.
# A failing condition's messages are shown under its FAIL line.
check() {
	name=$1
	shift
	if "$@" 2>"$tmp/check.err"; then
		ok
		cat "$tmp/check.err" >&2
	else
		bad "$name"
		sed 's/^/  | /' "$tmp/check.err"
	fi
}
finish() { echo "$1: $pass passed, $fail failed"; }
nonspace() { tr -d ' \t\r\n' <"$1"; }
