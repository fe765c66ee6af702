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
# cputime CMD...: runs CMD, output to /dev/null; prints its user+system CPU
# seconds, or -1 when it failed.
cputime() {
	python3 -c 'import resource, subprocess, sys
rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f" % (r.ru_utime + r.ru_stime) if rc == 0 else -1)' "$@"
}
