#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# vspace against the booted kernel: --new (uts, pid with the exit status,
# --default and --~KIND); a guest that stores its namespaces with --set
# during setup, entered from the host by kind, by default and whole, slot
# 1 and --xid; the kernel's refusals; the command line. Contexts 95-97.
. ./tap.sh
plan 48

host=$(hostname)
ns() { readlink "/proc/self/ns/$1"; }
spaces() { awk '$1 == "Spaces:" {print $2, $3}' "/proc/virtual/$1/status"; }
spaces_are() { [ "$(spaces "$1")" = "$2" ]; }

run vspace --new --uts -- sh -c 'hostname inner && hostname'
expect_eq "--new --uts: the command names its own uts namespace" "0 inner" "$rc $out"
expect_eq "... the host's name is untouched" "vs-test" "$(hostname)"
run vspace --new --pid -- sh -c 'echo $$; exit 7'
expect_eq "--new --pid: the command is pid 1 of the new namespace" "1" "$out"
expect_eq "... and its exit status is vspace's" 7 "$rc"
run vspace --new --default -- sh -c \
	'readlink /proc/self/ns/uts; readlink /proc/self/ns/ipc; readlink /proc/self/ns/mnt'
set -- $out
expect_eq "--default: a new uts namespace" 1 "$([ "$rc" = 0 ] && [ "$1" != "$(ns uts)" ] && echo 1)"
expect_eq "... a new ipc namespace" 1 "$([ -n "$2" ] && [ "$2" != "$(ns ipc)" ] && echo 1)"
expect_eq "... not a mount namespace (util-vserver leaves out mount and fs)" "$(ns mnt)" "$3"
run vspace --new --default --~ipc -- readlink /proc/self/ns/ipc
expect_eq "--~ipc takes ipc out of --default again" "$(ns ipc)" "$out"
run vspace --new --mask 0x04000000 -- readlink /proc/self/ns/uts
expect_eq "--mask 0x04000000 is --uts" 1 "$([ "$rc" = 0 ] && [ "$out" != "$(ns uts)" ] && echo 1)"
run vspace --new --mask 0x1 -- true
expect_eq "--new with a bit unshare(2) does not know fails" 1 "$rc"
expect_match "... saying so" "^vspace: cannot create new 0x1 namespaces: Invalid argument$" "$err"

# Guest 95 as vserver start makes it: new namespaces, the context, --set.
vspace --new --uts --ipc -- sh -c 'hostname guest95 &&
	exec vcontext --silent --create --xid 95 -- vspace --set --uts --ipc -- sleep 1000' \
	>/dev/null 2>&1 &
check "guest 95 stores its uts and ipc namespaces in space 0" \
	wait_for 5 spaces_are 95 "0c000000 00000000"

run vspace --enter 95 --uts -- hostname
expect_eq "--enter 95 --uts: the guest's host name" "0 guest95" "$rc $out"
expect_eq "... the host's is still its own" "vs-test" "$(hostname)"
run vspace --enter 95 --default -- hostname
expect_eq "--enter --default (uts, ipc)" "guest95" "$out"
run vspace --enter 95 -- hostname
expect_eq "--enter without a kind: all the space holds" "guest95" "$out"
run vspace --enter 95 --ipc -- readlink /proc/self/ns/ipc
expect_eq "--ipc: the guest's ipc namespace, not the host's" 1 \
	"$([ "$rc" = 0 ] && [ "$out" != "$(ns ipc)" ] && echo 1)"
run vspace -e 95 -U -- hostname
expect_eq "short options -e and -U" "guest95" "$out"

run vspace --enter 95 --net -- true
expect_eq "entering a kind the space does not hold fails" 1 "$rc"
expect_match "... with the kernel's EINVAL" \
	"^vspace: cannot enter the net namespaces of context 95 \(space 0\): Invalid argument$" "$err"
expect_match "... explained" "^Hint: space 0 of context 95 does not hold all of them" "$err"
run vspace --enter 95 --uts --index 2 -- true
expect_eq "space 2 does not exist" 1 "$rc"
expect_match "... the hint says which do" "^Hint: a context keeps two spaces, 0 and 1\.$" "$err"
run vspace --enter 95 --uts --index 1 -- true
expect_eq "space 1 is empty" 1 "$rc"

run vspace --set --xid 95 --uts --index 1
expect_eq "--set --xid 95 --index 1 from the host exits 0" 0 "$rc"
expect_eq "... the kernel shows both spaces" "0c000000 04000000" "$(spaces 95)"
run vspace --enter 95 --uts --index 1 -- hostname
expect_eq "... space 1 holds the host's uts namespace" "$host" "$out"
run vspace --enter 95 --uts --index 0 -- hostname
expect_eq "... space 0 still the guest's" "guest95" "$out"

run vspace --set --xid 95 --mask 0x1
expect_eq "storing an unknown kind fails" 1 "$rc"
expect_match "... with EINVAL" \
	"^vspace: cannot store the 0x1 namespaces in space 0 of context 95: Invalid argument$" "$err"
expect_match "... explained" "^Hint: this kernel cannot keep 0x1 namespaces\.$" "$err"
run vspace --set --xid 95 --user
expect_match "user namespaces are not kept (yet)" "^Hint: this kernel cannot keep user namespaces\.$" "$err"
run vspace --set --xid 4711 --uts
expect_match "a missing context: ESRCH" "cannot store the uts namespaces in space 0 of context 4711: No such process$" "$err"
run vspace --set --uts
expect_match "--set on the host without --xid" "^vspace: context 0 is the host, which keeps no namespaces: give --xid$" "$err"

wait_for 5 gone 96
run vcontext --silent --create --xid 96 --endsetup -- vspace --enter 95 --uts -- hostname
expect_eq "a guest cannot enter another's namespaces" 1 "$rc"
expect_match "... EPERM" \
	"^vspace: cannot enter the uts namespaces of context 95 \(space 0\): Operation not permitted$" "$err"
expect_match "... with the hint" "^Hint: this command needs root on the host" "$err"

# Guest 97 with its own pid namespace: entering it runs the command inside.
vspace --new --pid --uts -- vcontext --silent --create --xid 97 -- \
	vspace --set --pid --uts -- sleep 1000 >/dev/null 2>&1 &
check "guest 97 stores its pid and uts namespaces" \
	wait_for 5 spaces_are 97 "24000000 00000000"
run vspace --enter 97 --pid -- sh -c 'echo $$'
expect_eq "--enter --pid: the command is the second process of the guest's namespace" "0 2" "$rc $out"
run vspace --enter 97 -- sh -c 'echo $$; exit 3'
expect_eq "... also when the pid namespace comes with the whole space; the status passes" \
	"3 3" "$rc $out"

run vspace
expect_eq "no operation is a usage error" 2 "$rc"
run vspace --new --set --uts -- true
expect_eq "two operations are a usage error" 2 "$rc"
run vspace --new --uts
expect_match "--new without a command is a usage error" "^vspace: no command given$" "$err"
run vspace --enter abc -- true
expect_eq "--enter with a bad XID exits 2" 2 "$rc"
run vspace --set --uts --index x
expect_eq "a bad --index exits 2" 2 "$rc"
run vspace --set --mask 0xfoo
expect_eq "a bad --mask exits 2" 2 "$rc"
run vspace --enter 95 --xid 95 --uts -- true
expect_eq "--xid with --enter exits 2" 2 "$rc"
run vspace --help
expect_match "--help prints usage and exits 0" "^Usage: vspace" "$out"

vkill --xid 95 -s KILL
vkill --xid 97 -s KILL
wait
done_testing
