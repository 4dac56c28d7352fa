#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# vserver-stat against the booted kernel. Contexts 95 and 96.
. ./tap.sh
plan 11

vcontext --silent --create --xid 95 -- sleep 1000 >/dev/null 2>&1 &
vcontext --silent --create --xid 96 -- sh -c 'sleep 1000 & sleep 1000; true' >/dev/null 2>&1 &
wait_for 5 test -d /proc/virtual/95
wait_for 5 test -d /proc/virtual/96
vuname --xid 95 -t context=/etc/vservers/statguest
# all three processes of 96 are there
three() { [ "$(vserver-stat | awk '$1 == 96 {print $2}')" = 3 ]; }
wait_for 5 three

run vserver-stat
expect_eq "vserver-stat exits 0" 0 "$rc"
expect_eq "the header" "CTX    PROC NAME" "$(printf '%s\n' "$out" | head -n 1)"
expect_match "context 95: one process and its name" "^95 +1 statguest$" "$out"
expect_match "context 96: three processes, no name" "^96 +3 *$" "$out"
expect_eq "the host (xid 0) is left out" 0 "$(printf '%s\n' "$out" | grep -c '^0 ')"
expect_eq "sorted by xid" "95 96" \
	"$(printf '%s\n' "$out" | awk '$1 == 95 || $1 == 96 {printf "%s%s", s, $1; s = " "}')"

run vserver-stat --json
expect_match "--json: context 95" '^  \{"xid": 95, "procs": 1, "name": "statguest"\},?$' "$out"
expect_match "--json: context 96" '^  \{"xid": 96, "procs": 3, "name": ""\},?$' "$out"

run su -s /bin/sh nobody -c /usr/local/bin/vserver-stat
expect_eq "a user that is not root fails" 1 "$rc"
run vserver-stat extra
expect_eq "an argument is a usage error" 2 "$rc"
run vserver-stat --help
expect_match "--help prints usage and exits 0" "^Usage: vserver-stat" "$out"

vkill --xid 95 -s KILL
vkill --xid 96 -s KILL
wait
done_testing
