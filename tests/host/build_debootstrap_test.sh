#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# `vserver NAME build -m debootstrap` with a stub debootstrap that logs its
# arguments and lays out what the real one leaves behind: the options it
# gets (our --include and the caller's in one option, since debootstrap
# keeps only its last), the inittab edits, and the /dev it replaces. The
# real debootstrap runs in `make test-debian`. The guest's /dev needs mknod:
# as a user other than root the tests say they skip.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/host/tap.sh"
prog=$top/build/bin/vserver
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vs-debootstrap.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
log=$tmp/args

mkdir -p "$tmp/bin"
cat >"$tmp/bin/debootstrap" <<'EOF'
#!/bin/sh
# debootstrap [OPTION]... SUITE TARGET MIRROR
printf '%s\n' "$@" >"$STUB_LOG"
for a; do :; done
eval "target=\${$(($# - 1))}"
mkdir -p "$target/etc" "$target/sbin" "$target/dev/pts"
: >"$target/sbin/init"
chmod 755 "$target/sbin/init"
: >"$target/dev/console"	# a char device 5:1 in the real one
cat >"$target/etc/inittab" <<'TAB'
id:2:initdefault:
si::sysinit:/etc/init.d/rcS
l2:2:wait:/etc/init.d/rc 2
ca:12345:ctrlaltdel:/sbin/shutdown -t1 -a -r now
1:2345:respawn:/sbin/getty --noclear 38400 tty1
2:23:respawn:/sbin/getty 38400 tty2
TAB
exit "${STUB_STATUS:-0}"
EOF
chmod +x "$tmp/bin/debootstrap"
export PATH=$tmp/bin:$PATH STUB_LOG=$log

# build NAME ARGS...: build guest NAME with the stub, in $tmp.
build() {
	local name=$1
	shift
	rm -f "$log"
	run env VSERVER_CONFDIR="$tmp/etc" "$prog" "$name" build -m debootstrap \
		--rootdir "$tmp/root" "$@"
	args=$(cat "$log" 2>/dev/null)
}

if [ "$(id -u)" != 0 ]; then
	skip "vserver build -m debootstrap" "needs root for the guest's device nodes"
	done_testing
	exit
fi

build d1 --context 120 -- -d bookworm
is "build exits 0" 0 "$rc"
is "debootstrap gets minbase, sysvinit-core, suite, target, default mirror" \
	"--variant=minbase
--include=sysvinit-core
bookworm
$tmp/root/d1
http://deb.debian.org/debian" "$args"
like "the build says it runs debootstrap" "Running debootstrap for bookworm" "$out"
is "the gettys are commented out" \
	"#1:2345:respawn:/sbin/getty --noclear 38400 tty1
#2:23:respawn:/sbin/getty 38400 tty2" "$(grep getty "$tmp/root/d1/etc/inittab")"
is "Ctrl-Alt-Del halts instead of rebooting" "ca:12345:ctrlaltdel:/sbin/shutdown -t1 -a -h now" \
	"$(grep '^ca:' "$tmp/root/d1/etc/inittab")"
check "debootstrap's /dev/console (the host's console) is gone" test ! -e "$tmp/root/d1/dev/console"
is "/dev/null is the null device" "c 1:3 666" \
	"$(stat -c '%F %t:%T %a' "$tmp/root/d1/dev/null" | sed 's/^character special file/c/')"
is "/dev/ptmx is the guest's devpts' one" pts/ptmx "$(readlink "$tmp/root/d1/dev/ptmx")"
check "/dev/pts is there for the guest's devpts" test -d "$tmp/root/d1/dev/pts"
is "/etc/hostname is the guest's name" d1 "$(cat "$tmp/root/d1/etc/hostname")"
is "the init style is plain" plain "$(cat "$tmp/etc/d1/apps/init/style")"

build d2 --context 121 -- -d bookworm -m http://mirror.example/debian -- \
	--include=procps,less --arch=amd64 --include apt-utils
is "the caller's --include joins ours; other options pass through" \
	"--variant=minbase
--include=sysvinit-core,procps,less,apt-utils
--arch=amd64
bookworm
$tmp/root/d2
http://mirror.example/debian" "$args"

build d3 --context 122 -- -d bookworm -- --include=
is "an empty --include adds nothing" "--include=sysvinit-core" "$(grep include <<<"$args")"

STUB_STATUS=1 build d4 --context 123 -- -d bookworm
is "a failing debootstrap fails the build" 1 "$rc"
like "... saying so" "debootstrap failed with exit status 1" "$err"
check "... and leaves no root behind" test ! -e "$tmp/root/d4"
check "... and no configuration" test ! -e "$tmp/etc/d4"

build d5 --context 124
is "without -d SUITE: refused" 1 "$rc"
like "... naming the option" "give -- -d SUITE" "$err"

done_testing
