#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# vcontext against the booted kernel: create, migrate, migrate-self,
# flags, exit codes, and the command line. Contexts 42, 45..52.
. ./tap.sh
plan 35

run vcontext --create --xid 42 -- sh -c 'cat /proc/self/status'
expect_eq "--create runs the command" 0 "$rc"
expect_match "--create says which context" "^New security context is 42$" "$out"
expect_match "the command runs in context 42" "^VxID:[[:space:]]+42$" "$out"
check "context 42 ended with its command" wait_for 5 gone 42

run vcontext --silent --create --xid 45 -- sh -c 'echo $(vserver-info - APIVER); exit 7'
expect_eq "--silent prints only the command's output" "0x00020308" "$out"
expect_eq "the command's exit status is vcontext's" 7 "$rc"

# A guest that has left setup: creating it again is EEXIST, exit 254.
vcontext --silent --create --xid 46 --endsetup -- sleep 1000 >/dev/null 2>&1 &
check "a guest is running in context 46" wait_for 5 test -d /proc/virtual/46
run vcontext --create --xid 46 -- true
expect_eq "--create of an existing context exits 254" 254 "$rc"
expect_match "... and says so" "cannot create context 46: it exists already" "$err"
run vcontext --silentexist --create --xid 46 -- true
expect_eq "--silentexist: still 254" 254 "$rc"
expect_eq "--silentexist: but silent" "" "$err"

run vcontext --migrate --xid 46 -- sh -c 'cat /proc/self/status'
expect_match "--migrate enters context 46" "^VxID:[[:space:]]+46$" "$out"
expect_eq "--migrate exit status" 0 "$rc"
run vcontext --migrate --xid 4711 -- true
expect_eq "--migrate to a missing context fails" 1 "$rc"
expect_match "... naming it and the reason" "cannot enter context 4711: No such process" "$err"
vkill --xid 46 -s KILL
wait
check "context 46 is gone after vkill" wait_for 5 gone 46

# Still in setup: EBUSY, a plain failure.
vcontext --silent --create --xid 47 -- sleep 1000 >/dev/null 2>&1 &
wait_for 5 test -d /proc/virtual/47
run vcontext --create --xid 47 -- true
expect_eq "--create of a context in setup fails with 1" 1 "$rc"
expect_match "... EBUSY" "cannot create context 47: Device or resource busy" "$err"
vkill --xid 47 -s KILL
wait

run vcontext --silent --create --xid 48 --flag persistent,virt_uptime -- true
check "--flag persistent: context 48 outlives its command" test -d /proc/virtual/48
run vattribute --xid 48 --get
expect_match "--flag sets the flags on top of the setup flags" \
	"^flags: virt_uptime,state_setup,state_init,state_admin,persistent$" "$out"
vattribute --xid 48 --set --flag '!persistent'
check "clearing persistent ends context 48" wait_for 5 gone 48

run vcontext --silent --create --xid 49 -- \
	vcontext --migrate-self --endsetup --initpid -- vattribute --get
expect_match "--migrate-self --endsetup --initpid clears setup and init" "^flags: state_admin$" "$out"

run vcontext --silent --create --xid 50 --uid 65534 -- id -u
expect_eq "--uid runs the command as that user" 65534 "$out"

run vcontext --silent --disconnect --create --xid 51 -- sleep 1000
expect_eq "--disconnect returns at once" 0 "$rc"
check "... leaving the command running in context 51" wait_for 5 test -d /proc/virtual/51
vkill --xid 51 -s KILL
check "context 51 is gone after vkill" wait_for 5 gone 51

run vcontext --silent --create --xid 52 -- /nonexistent/cmd
expect_eq "a missing command exits 127" 127 "$rc"

run vcontext --create --xid 70000 -- true
expect_match "an xid above 65535 is the kernel's EINVAL" "cannot create context 70000: Invalid argument" "$err"
run vcontext --create -- true
expect_eq "--create without --xid is a usage error" 2 "$rc"
expect_match "... explained" "--create needs --xid" "$err"
run vcontext --create --xid 53 --chroot -- true
expect_match "--chroot is not supported yet" "--chroot is not supported yet" "$err"
run vcontext --create --xid 53
expect_eq "no command is a usage error" 2 "$rc"
run vcontext --create --xid abc -- true
expect_eq "a bad xid is a usage error" 2 "$rc"
run vcontext --help
expect_match "--help prints usage and exits 0" "^Usage: vcontext" "$out"
run vcontext --bogus
expect_eq "bad option exits 2" 2 "$rc"

done_testing
