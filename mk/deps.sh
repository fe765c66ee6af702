#!/bin/sh
# Checks for, and as root installs, the Debian packages that building and testing need.
# usage: mk/deps.sh check|install [extra-package...]
set -u
# gcc and libc6-dev: a minimal Debian root has neither; g++: common/langid.cc,
# the one C++ file (libcld2's interface is C++); bsdextrautils: col(1),
# which tests/docs.sh uses to compare a page's SYNOPSIS with usage().
# parallel: GNU parallel, which tests/compose.sh and examples/ scale out with;
# openssh: the loopback "hosts" tests/hosts.sh sends batches to.
pkgs="make gcc g++ libc6-dev pkg-config libicu-dev libutf8proc-dev libjansson-dev libcld2-dev
libxml2-dev liblinear-dev libcmocka-dev unicode-data mandoc bsdextrautils python3
parallel openssh-server openssh-client"
mode=${1:-check}
[ $# -gt 0 ] && shift
pkgs="$pkgs $*"

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$mode" = check ]; then
	echo "deps: missing:$missing" >&2
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing:$missing" >&2
	echo "deps: run as root: apt-get install -y$missing" >&2
	exit 1
fi
echo "deps: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 &&
	apt-get install -y -qq --no-install-recommends $missing >&2
