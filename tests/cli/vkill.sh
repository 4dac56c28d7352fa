#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# vkill against the booted kernel. Contexts 43 to 45.
. ./tap.sh
plan 22

listed() { vserver-stat | grep -q "^$1 "; }

vcontext --silent --create --xid 43 -- sleep 1000 >/dev/null 2>&1 &
pid=$!
check "vserver-stat shows the guest in context 43" wait_for 5 listed 43
run vkill --xid 43 -s KILL
expect_eq "vkill --xid 43 -s KILL exits 0" 0 "$rc"
s=0
wait $pid || s=$?
expect_eq "the guest process died of SIGKILL" 137 "$s"
check "context 43 is gone" wait_for 5 gone 43
run vkill --xid 43
expect_eq "vkill of a context that is gone fails" 1 "$rc"
expect_match "... with ESRCH" "cannot send SIGTERM to every process of context 43: No such process" "$err"

# Without --xid: the context comes from the pid.
vcontext --silent --create --xid 44 -- sleep 1000 >/dev/null 2>&1 &
pid=$!
wait_for 5 listed 44
run vkill -s 0 $pid
expect_eq "signal 0 to a guest process by pid" 0 "$rc"
check "... leaves it alive" kill -0 $pid
run vkill --xid 44 -s KILL $$
expect_eq "a pid outside the context is refused" 1 "$rc"
expect_match "... with ESRCH" "process $$ of context 44: No such process" "$err"
run vkill -s term $pid
expect_eq "vkill -s term PID exits 0" 0 "$rc"
s=0
wait $pid || s=$?
expect_eq "the guest process died of SIGTERM" 143 "$s"
check "context 44 is gone" wait_for 5 gone 44

run vkill $$
expect_eq "a host process is refused" 1 "$rc"
expect_match "... with a pointer to kill(1)" "in no context .*use kill\(1\)" "$err"

vcontext --silent --create --xid 45 -- sh -c 'sleep 1000; true' >/dev/null 2>&1 &
wait_for 5 listed 45
run vkill --xid 45 -s SIGKILL -- -1
expect_eq "pid -1: every process but init (there is none)" 0 "$rc"
wait
check "context 45 is gone" wait_for 5 gone 45

run vkill
expect_eq "no pid and no --xid is a usage error" 2 "$rc"
run vkill -s NOSUCH --xid 45
expect_match "an unknown signal is a usage error" "unknown signal 'NOSUCH'" "$err"
run vkill --xid 45 x
expect_eq "a bad pid is a usage error" 2 "$rc"
run vkill --help
expect_match "--help prints usage and exits 0" "^Usage: vkill" "$out"
run vkill --bogus
expect_eq "bad option exits 2" 2 "$rc"

done_testing
