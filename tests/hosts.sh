#!/bin/sh
# Scale-out across hosts with GNU parallel --sshlogin: an sshd of the
# test's own on the loopback address (a throwaway host key and user key in
# the test's folder, a free port), two "hosts" that are its aliases, and
# the pipeline sent to them in NUL and JSON Lines batches.  Each result
# equals the serial run byte for byte.
. tests/lib.sh

sshd=/usr/sbin/sshd
if [ ! -x "$sshd" ] || ! command -v ssh >/dev/null || ! command -v parallel >/dev/null; then
	bad "sshd, ssh or GNU parallel is not installed (make deps)"
	finish hosts
	exit
fi
k=$tmp/ssh
mkdir -p "$k"
chmod 700 "$k"
ssh-keygen -q -t ed25519 -N '' -f "$k/host" && ssh-keygen -q -t ed25519 -N '' -f "$k/user"
cp "$k/user.pub" "$k/authorized_keys"
# sshd needs its privilege separation folder when it starts as root
[ "$(id -u)" -ne 0 ] || mkdir -p /run/sshd
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$k/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $port
HostKey $k/host
AuthorizedKeysFile $k/authorized_keys
PidFile $k/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
EOF
cat >"$k/ssh_config" <<EOF
Host tx1 tx2
	HostName 127.0.0.1
	Port $port
	User $(id -un)
	IdentityFile $k/user
	IdentitiesOnly yes
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	LogLevel ERROR
	BatchMode yes
EOF
"$sshd" -D -e -f "$k/sshd_config" 2>"$k/sshd.log" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
# ready when it answers
i=0
until ssh -F "$k/ssh_config" tx1 true 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 50 ] || break
	sleep 0.1
done
check "sshd on 127.0.0.1:$port answers: $(tail -n 3 "$k/sshd.log")" \
	ssh -F "$k/ssh_config" tx1 true

# The corpus: the repository's texts, and ../shared's pages when there.
c=$tmp/c
python3 tests/tools/corpus.py -n 200 "${TX_SHARED:-../shared}" "$c"
pipe="$top/bin/txstrip -z | $top/bin/txfix -z | $top/bin/txsplit -z | $top/bin/txner -z"
sh -c "$pipe" <"$c/corpus.z" >"$c/serial.z"
parallel --will-cite --ssh "ssh -F $k/ssh_config" -S 1/tx1,1/tx2 --joblog "$c/log" --pipe \
	--block 16M -k --recend '\0' -N 20 "$pipe" <"$c/corpus.z" >"$c/hosts.z" 2>"$c/err"
check "two hosts, -z batches: the serial bytes $(head -c 300 "$c/err")" \
	cmp -s "$c/serial.z" "$c/hosts.z"

jpipe="$top/bin/txstrip --jsonl | $top/bin/txfix --jsonl | $top/bin/txsplit --jsonl --replace | $top/bin/txner --jsonl"
sh -c "$jpipe" <"$c/corpus.jsonl" >"$c/serial.jsonl"
parallel --will-cite --ssh "ssh -F $k/ssh_config" -S 1/tx1,1/tx2 --pipe --block 16M \
	-k -N 20 "$jpipe" <"$c/corpus.jsonl" >"$c/hosts.jsonl" 2>"$c/err"
check "two hosts, JSON Lines: the serial bytes $(head -c 300 "$c/err")" \
	cmp -s "$c/serial.jsonl" "$c/hosts.jsonl"
check "the batches were tagged" grep -q '"type":"PER"' "$c/hosts.jsonl"
# both hosts took batches: parallel's job log names each
check "both hosts took batches" \
	test "$(awk 'NR > 1 { print $2 }' "$c/log" | sort -u | tr '\n' ' ')" = "tx1 tx2 "
finish hosts
