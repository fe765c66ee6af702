#!/bin/sh
# The README's two commands on a truly fresh machine: a minimal Debian 12
# root (debootstrap --variant=minbase, with only make and git added), the
# repository cloned into it, then exactly `make demo` and `make check`,
# nothing else.  Needs root and debootstrap (installed if missing); the
# mirror is the one this machine's apt already uses.  .ci/run runs it.
#
#   tests/fresh.sh [--keep]     --keep: leave the root for a look afterwards
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
keep=0
[ "${1:-}" = --keep ] && keep=1

die() { echo "fresh: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap and chroot)"
command -v debootstrap >/dev/null 2>&1 ||
	{ DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2 ||
		die "cannot install debootstrap"; }

# The Debian mirror of the first "deb" source naming bookworm.
mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
	/etc/apt/sources.list.d/*.sources 2>/dev/null | awk '
	/^deb / && / bookworm/ && !/security/ { print $2; exit }
	/^URIs:/ && !/security/ { u = $2 }
	/^Suites:/ && / ?bookworm( |$)/ && u != "" { print u; exit }')
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian

root=$(mktemp -d "${TMPDIR:-/tmp}/txfresh.XXXXXX") || die "mktemp failed"
mounted=0
cleanup() {
	if [ "$mounted" -eq 1 ] && ! umount "$root/proc"; then
		echo "fresh: cannot unmount $root/proc; $root left in place" >&2
		return
	fi
	[ "$keep" -eq 1 ] && { echo "fresh: root kept in $root" >&2; return; }
	rm -rf "$root"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

echo "fresh: debootstrap bookworm from $mirror into $root" >&2
debootstrap --variant=minbase --include=make,git bookworm "$root" "$mirror" \
	>"$root.log" 2>&1 || { tail -20 "$root.log" >&2; rm -f "$root.log"; die "debootstrap failed"; }
rm -f "$root.log"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null
git clone -q "$top" "$root/tx" || die "git clone failed"
# A real machine has /proc (the programs find their data through /proc/self/exe).
mount -t proc proc "$root/proc" && mounted=1 || die "cannot mount /proc in the root"

# The README's two commands, as a new user types them, and nothing else.
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
	TERM=dumb sh -c 'cd /tx && make demo && make check'
rc=$?
if [ "$rc" -eq 0 ]; then
	echo "fresh: make demo and make check passed on a minimal Debian 12 root"
else
	echo "fresh: FAILED (status $rc) on a minimal Debian 12 root"
fi
exit "$rc"
