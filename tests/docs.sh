#!/bin/sh
# The documentation is tested: every man page passes mandoc's lint, its
# SYNOPSIS equals the program's usage line, and every example in it (a
# "$ command" line in a literal display, followed by its output) and in
# examples/ (NAME.sh with NAME.out) runs and prints what it says.
. tests/lib.sh

PATH=$top/bin:$PATH
export PATH
for page in man/*.1 man/*.7; do
	p=$(basename "$page")
	check "$p: mandoc -Tlint -Wwarning" mandoc -Tlint -Wwarning "$page"
	case $page in
	*.1)
	p=${p%.1}
	[ -x "bin/$p" ] || { bad "$p.1: no bin/$p"; continue; }
	syn=$(mandoc -Tascii "$page" | col -b | sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' |
		sed '1d;$d' | tr -s ' \t\n' ' ' | sed 's/^ //;s/ $//')
	# usage lines: "usage: prog ..." and any "       prog ..." after it
	use=$("bin/$p" --help | awk -v p="$p" 'NR == 1 || $1 == p' |
		sed 's/^usage: //' | tr -s ' \n' '  ' | sed 's/^ //;s/ $//')
	check "$p.1: SYNOPSIS is usage() ($syn | $use)" test "$syn" = "$use"
	;;
	esac

	# Examples: a literal display whose first line is "$ command".
	awk -v dir="$tmp" '
		/^\.Bd -literal/ { inb = 1; n++; cmd = ""; next }
		/^\.Ed/ { inb = 0; next }
		inb {
			gsub(/\\e/, "\\"); gsub(/\\\(cq/, "\342\200\231")
			gsub(/\\\(oq/, "\342\200\230"); gsub(/\\\('"'"'e/, "\303\251")
			if (cmd == "" && substr($0, 1, 2) == "$ ") {
				cmd = substr($0, 3)
				print cmd > (dir "/ex" n ".sh")
				printf "" > (dir "/ex" n ".want")
			} else if (cmd != "")
				print > (dir "/ex" n ".want")
		}' "$page"
	for ex in "$tmp"/ex*.sh; do
		[ -f "$ex" ] || continue
		(cd examples && sh "$ex") >"$tmp/got" 2>&1
		check "$p example: $(cat "$ex")" cmp -s "$tmp/got" "${ex%.sh}.want"
		rm -f "$ex" "${ex%.sh}.want"
	done
done

# txfix's rules: the man page lists the rule table's rows, in its order.
page=$(awk '/^The rules, in the order/ { on = 1 } on && /^\.El/ { exit }
	on && /^\.It Cm / { print $3 }' man/txfix.1 | tr '\n' ' ')
table=$(bin/txfix --help | awk 'on && NF { print $1 } /^Rules/ { on = 1 }' | tr '\n' ' ')
check "txfix.1 lists the rule table ($table)" test "$page" = "$table"

for ex in examples/*.sh; do
	(cd examples && sh "$(basename "$ex")") >"$tmp/got" 2>&1
	check "$ex" cmp -s "$tmp/got" "${ex%.sh}.out"
done
finish docs
