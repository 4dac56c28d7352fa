#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# vwait against the booted kernel: FINISHED with the exit code, TIMEOUT,
# KILLED, ERROR, --status-fd. Contexts 70 to 74.
. ./tap.sh
plan 21

vcontext --silent --create --xid 70 -- sh -c 'sleep 1; exit 3' >/dev/null 2>&1 &
wait_for 5 test -d /proc/virtual/70
run vwait 70
expect_eq "vwait reports FINISHED and the exit code" "FINISHED 3" "$out"
expect_eq "FINISHED exits 0" 0 "$rc"
check "context 70 is gone" gone 70
wait

vcontext --silent --create --xid 71 -- sleep 1 >/dev/null 2>&1 &
wait_for 5 test -d /proc/virtual/71
run vwait --status-fd 3 71 3>/tmp/vwait.status
expect_eq "--status-fd: nothing on stdout" "" "$out"
expect_eq "--status-fd: the line goes to the fd" "FINISHED 0" "$(cat /tmp/vwait.status)"
wait

vcontext --silent --create --xid 72 -- sleep 1000 >/dev/null 2>&1 &
wait_for 5 test -d /proc/virtual/72
run vwait --timeout 1 72
expect_eq "--timeout: TIMEOUT" "TIMEOUT" "$out"
expect_eq "TIMEOUT exits 2" 2 "$rc"
check "... and the context still runs" test -d /proc/virtual/72
run vwait --timeout 1 --terminate 72
expect_eq "--terminate: KILLED" "KILLED" "$out"
expect_eq "KILLED exits 1" 1 "$rc"
check "... and the context is gone" wait_for 5 gone 72
wait

vcontext --silent --create --xid 73 -- sleep 1000 >/dev/null 2>&1 &
wait_for 5 test -d /proc/virtual/73
vwait 73 >/tmp/vwait.73 &
wpid=$!
sleep 1
vkill --xid 73 -s KILL
s=0
wait $wpid || s=$?
expect_eq "a guest killed by SIGKILL: FINISHED 137" "FINISHED 137" "$(cat /tmp/vwait.73)"
expect_eq "... vwait exits 0" 0 "$s"
wait

run vwait 4714
expect_eq "a missing context: ERROR and ESRCH's number" "ERROR 3" "$out"
expect_eq "ERROR exits 127" 127 "$rc"
expect_match "... and says why" "cannot wait for context 4714: No such process" "$err"

run vwait
expect_eq "no context is a usage error" 2 "$rc"
run vwait 70 71
expect_match "two contexts are a usage error" "more than one context" "$err"
run vwait --timeout soon 70
expect_eq "a bad timeout is a usage error" 2 "$rc"
run vwait --help
expect_match "--help prints usage and exits 0" "^Usage: vwait" "$out"
run vwait --bogus 70
expect_eq "bad option exits 2" 2 "$rc"

done_testing
