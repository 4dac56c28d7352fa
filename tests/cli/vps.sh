#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# vps against the booted kernel (busybox ps). Context 90.
. ./tap.sh
plan 13

vcontext --silent --create --xid 90 -- sleep 1000 >/dev/null 2>&1 &
pid=$!
wait_for 5 test -d /proc/virtual/90
vuname --xid 90 -t context=/etc/vservers/vpsguest

run vps
expect_eq "vps exits like ps (0)" 0 "$rc"
expect_match "the header has XID and CONTEXT after PID" "^ *PID +XID CONTEXT +USER" "$out"
expect_match "the guest process shows its xid and name" "^ *$pid +90 +vpsguest +root +sleep 1000$" "$out"
expect_match "init shows xid 0, MAIN" "^ *1 +0 +MAIN " "$out"
expect_match "ps itself ran in the spectator, ALL_PROC" "^ *[0-9]+ +1 +ALL_PROC .*ps$" "$out"
expect_eq "util-vserver's pattern finds the guest's process" 1 \
	"$(printf '%s\n' "$out" | grep -cE '^[ 	]*[^ 	]+[ 	]+90[ 	]+')"

run vps --json
expect_match "--json has the guest process" \
	"^  \\{\"pid\": $pid, \"xid\": 90, \"context\": \"vpsguest\", \"cmd\": \"sleep 1000\"\\},?$" "$out"
expect_match "--json is an array" '^\[$' "$(printf '%s\n' "$out" | head -n 1)"

run vps -o pid,comm
expect_match "ps arguments go to ps" "^ *$pid +90 +vpsguest +sleep$" "$out"
run vps --bogus
expect_match "ps's own errors are ps's" "unrecognized option" "$err"
expect_eq "... and so is the exit status" 1 "$rc"

run su -s /bin/sh nobody -c /usr/local/bin/vps
expect_match "a user that is not root cannot enter the spectator" \
	"cannot enter the spectator context: Operation not permitted" "$err"

run vps --help
expect_match "--help prints usage and exits 0" "^Usage: vps" "$out"

vkill --xid 90 -s KILL
wait
done_testing
