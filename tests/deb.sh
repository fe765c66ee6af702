#!/bin/sh
# The Debian package: built by dpkg-buildpackage from a copy of the
# tracked files (make deb), lintian without errors, installed with apt-get,
# the examples run from the installed programs and data with nothing of
# the build tree on PATH, then purged.  Needs root; .ci/run runs it.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
die() { echo "deb: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "needs root (apt-get install)"
make --no-print-directory deb || die "make deb failed"
deb=$(ls build/deb/tx_*_*.deb | grep -v dbgsym) || die "no package built"
lintian --fail-on error "$deb" || die "lintian found errors in $deb"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "./$deb" >/dev/null || die "apt-get install ./$deb failed"
trap 'apt-get purge -y -qq tx >/dev/null' EXIT
fail=0
ex=/usr/share/doc/tx/examples
for e in pipeline people find-xargs; do
	(cd "$ex" && env -i PATH=/usr/bin:/bin LC_ALL=C sh "$e.sh") >build/deb/got 2>&1
	if cmp -s build/deb/got "examples/$e.out"; then
		echo "deb: installed $e.sh: ok"
	else
		echo "deb: installed $e.sh: FAILED"
		diff -u "examples/$e.out" build/deb/got | head -20
		fail=1
	fi
done
for p in txstrip txfix txsplit txner txstrip-train txner-train; do
	[ "$(command -v $p)" = /usr/bin/$p ] || { echo "deb: $p is not /usr/bin/$p"; fail=1; }
done
[ -f /usr/share/man/man7/tx.7.gz ] || { echo "deb: no tx(7)"; fail=1; }
[ "$fail" -eq 0 ] && echo "deb: $deb built, lintian clean, installed and run"
exit "$fail"
