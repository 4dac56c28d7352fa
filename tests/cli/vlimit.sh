#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# vlimit against the booted kernel: --help, usage errors (exit 2), and what
# a real set or get does today. Contexts 98 and 99.
#
# The test kernel does not implement the limit commands yet: they answer
# ENOSYS, and these tests check that vlimit says so clearly and fails
# (exit 1) without running COMMAND. This is what the kernel does now, not
# what it should do: when limits land, the ENOSYS cases below must become
# real round trips (set, then -a reads the value back) and this script has
# to change with them. What vlimit asks of a kernel that has limits is
# tested on the host meanwhile, against a fake kernel
# (tests/host/vlimit_test.sh).
. ./tap.sh
plan 23

run vlimit --help
expect_eq "--help exits 0" 0 "$rc"
expect_match "... with the usage" "^Usage: vlimit " "$out"

run vlimit --xid 99 --bogus 1
expect_eq "an unknown resource is a usage error" 2 "$rc"
run vlimit --xid 99 --nproc lots
expect_eq "a bad value is a usage error" 2 "$rc"
expect_match "... that names it" "invalid nproc limit 'lots'" "$err"
run vlimit --xid 99 --nofile 0xfffffffffffffffe
expect_eq "a value too large is a usage error" 2 "$rc"
run vlimit --xid 99 --nproc 5 -H
expect_eq "-H with no resource after it is a usage error" 2 "$rc"
run vlimit --xid 99
expect_eq "nothing to do is a usage error" 2 "$rc"

vcontext --silent --create --xid 99 -- sleep 1000 >/dev/null 2>&1 &
check "a guest is running in context 99" wait_for 5 test -d /proc/virtual/99

# Today's kernel: ENOSYS (see the top of this file).
run vlimit --xid 99 --nproc 10
expect_eq "set: exit 1 (no context limits in this kernel yet)" 1 "$rc"
expect_match "... one line naming the limit, the context and ENOSYS" \
	"^vlimit: cannot set the nproc limit of context 99: Function not implemented$" "$err"
expect_match "... and a hint that this kernel has no context limits yet" \
	"^Hint: this kernel has the vserver patch, but no context limits yet\.$" "$err"
expect_eq "... and nothing else" 2 "$(printf '%s\n' "$err" | wc -l | tr -d ' ')"

rm -f /tmp/vlimit-ran
run vlimit --xid 99 -S --nofile 100 --nofile 200 -- touch /tmp/vlimit-ran
expect_eq "set with a COMMAND: exit 1" 1 "$rc"
check "... and COMMAND is not run" test ! -e /tmp/vlimit-ran

run vlimit --xid 99 -a
expect_eq "get (-a): exit 1" 1 "$rc"
expect_match "... get_rlimit_mask answers ENOSYS" \
	"^vlimit: cannot list the limits of context 99: Function not implemented$" "$err"
expect_eq "... nothing on stdout" "" "$out"
run vlimit --xid 99 -a --json
expect_eq "get (-a --json): exit 1, nothing on stdout" "1:" "$rc:$out"

mkdir -p /tmp/rlimits && echo 64 >/tmp/rlimits/nproc
run vlimit --xid 99 --dir /tmp/rlimits
expect_match "--dir: the limit from the file, ENOSYS" \
	"cannot set the nproc limit of context 99: Function not implemented" "$err"
run vlimit --xid 99 --dir /tmp/no-rlimits --missingok -- echo ran
expect_eq "--dir --missingok with no directory: no call, COMMAND runs" "0:ran" "$rc:$out"

run vcontext --silent --create --xid 98 -- vlimit --nproc 5
expect_match "inside a context, no --xid: its own context, ENOSYS too" \
	"cannot set the nproc limit of context 98: Function not implemented" "$err"
run vlimit --nproc 5
expect_match "on the host, no --xid: the host has no limits" \
	"context 0 is the host, which has no limits" "$err"

vkill --xid 99 -s KILL
wait
done_testing
