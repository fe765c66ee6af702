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
check() {
	name=$1
	shift
	if "$@"; then ok; else bad "$name"; fi
}
finish() { echo "$1: $pass passed, $fail failed"; }
nonspace() { tr -d ' \t\r\n' <"$1"; }
