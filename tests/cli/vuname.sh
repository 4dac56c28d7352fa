#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# vuname against the booted kernel: the context name round trip, the uts
# fields this kernel refuses (EINVAL), --dir, 'self'. Contexts 80 and 81.
. ./tap.sh
plan 21

x64=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx

vcontext --silent --create --xid 80 -- sleep 1000 >/dev/null 2>&1 &
check "a guest is running in context 80" wait_for 5 test -d /proc/virtual/80

run vuname --xid 80 -g context
expect_eq "a new context has an empty name" "" "$out"
expect_eq "... -g exits 0" 0 "$rc"
run vuname --xid 80 --set -t context=/etc/vservers/web
expect_eq "--set -t context=... exits 0" 0 "$rc"
run vuname --xid 80 -g context
expect_eq "-g context reads it back" "/etc/vservers/web" "$out"
run vuname --xid 80 -t context=$x64
expect_eq "a 64-byte name is fine" 0 "$rc"
run vuname --xid 80 -g context
expect_eq "... and kept whole" "$x64" "$out"
run vuname --xid 80 -t context=${x64}y
expect_eq "a 65-byte name is refused" 1 "$rc"
expect_match "... as too long" "is longer than 64 bytes" "$err"

run vuname --xid 80 -g nodename
expect_eq "a uts field prints ???" "???" "$out"
expect_match "... and the kernel's EINVAL" "cannot get the nodename of context 80: Invalid argument" "$err"
expect_match "... explained" "^Hint: the uts names need a uts namespace" "$err"
run vuname --xid 80 -s -t nodename=web
expect_match "setting a uts field fails with EINVAL" "cannot set the nodename of context 80 to 'web': Invalid argument" "$err"
run vuname --xid 80
expect_eq "all fields: the name, then ??? for the uts fields" "$x64 ??? ??? ??? ??? ??? ???" "$out"

mkdir -p /tmp/uts && echo /etc/vservers/fromdir >/tmp/uts/context
run vuname --xid 80 --dir /tmp/uts
expect_eq "--dir sets the fields that have a file" "/etc/vservers/fromdir" "$(vuname --xid 80 -g context)"
run vuname --xid 80 --dir /tmp/no-such-dir --missingok
expect_eq "--missingok: a missing directory is fine" 0 "$rc"

run vcontext --silent --create --xid 81 -- \
	vuname --xid self -t context=/x/y -- vuname --xid self -g context
expect_eq "--xid self, and a command after --set" "/x/y" "$out"

run vuname -g context
expect_eq "no --xid is a usage error" 2 "$rc"
run vuname --xid 80 -g hostname
expect_match "an unknown field is a usage error" "unknown field 'hostname'" "$err"
run vuname --help
expect_match "--help prints usage and exits 0" "^Usage: vuname" "$out"
run vuname --bogus
expect_eq "bad option exits 2" 2 "$rc"

vkill --xid 80 -s KILL
wait
done_testing
