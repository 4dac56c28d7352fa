#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# ncontext against the booted kernel: create, migrate, migrate-self, flags,
# exit codes, and the command line. Network contexts 260..265.
. ./tap.sh
plan 45

# ngone NID: network context NID has ended.
ngone() { [ ! -e "/proc/virtnet/$1" ]; }

run ncontext --create --nid 260 -- sh -c 'cat /proc/self/status; cat /proc/virtnet/260/status; true'
expect_eq "--create runs the command" 0 "$rc"
expect_match "--create says which network context" "^New network context is 260$" "$out"
expect_match "the command runs in network context 260" "^NxID:[[:space:]]+260$" "$out"
expect_match "... and stays in the host's security context" "^VxID:[[:space:]]+0$" "$out"
expect_match "... which counts its tasks (sh and cat)" "^Tasks:[[:space:]]+2$" "$out"
expect_match "... which has the kernel's default flags" "^Flags:[[:space:]]+0000000406000200$" "$out"
check "network context 260 ended with its command" wait_for 5 ngone 260

run ncontext --silent --create --nid 261 -- sh -c 'grep NxID /proc/self/status; exit 7'
expect_eq "--silent prints only the command's output" "$(printf 'NxID:\t261')" "$out"
expect_eq "the command's exit status is ncontext's" 7 "$rc"

# A network context with a task in it: creating it again is EEXIST, exit 254.
ncontext --silent --create --nid 262 -- sleep 1000 >/dev/null 2>&1 &
sleeper=$!
check "a task is running in network context 262" wait_for 5 test -d /proc/virtnet/262
run ncontext --create --nid 262 -- true
expect_eq "--create of an existing network context exits 254" 254 "$rc"
expect_match "... and says so" "^ncontext: cannot create network context 262: it exists already$" "$err"
run ncontext --silentexist --create --nid 262 -- true
expect_eq "--silentexist: still 254" 254 "$rc"
expect_eq "--silentexist: but silent" "" "$err"

run ncontext --migrate --nid 262 -- sh -c 'grep NxID /proc/self/status; grep Tasks /proc/virtnet/262/status; true'
expect_eq "--migrate exit status" 0 "$rc"
expect_match "--migrate enters network context 262" "^NxID:[[:space:]]+262$" "$out"
expect_match "... next to the task already there (sleep, sh, grep)" "^Tasks:[[:space:]]+3$" "$out"
run ncontext --migrate --nid 4711 -- true
expect_eq "--migrate to a missing network context fails" 1 "$rc"
expect_match "... naming it and the reason" \
	"cannot enter network context 4711: No such process \(there is no network context 4711\)$" "$err"
kill -KILL "$sleeper"
wait
check "network context 262 is gone with its last task" wait_for 5 ngone 262

# Still in setup (the flag given at creation): EBUSY, a plain failure.
ncontext --silent --create --nid 263 --flag state_setup -- sleep 1000 >/dev/null 2>&1 &
sleeper=$!
wait_for 5 test -d /proc/virtnet/263
run ncontext --create --nid 263 -- true
expect_eq "--create of a network context in setup fails with 1" 1 "$rc"
expect_match "... EBUSY" "cannot create network context 263: Device or resource busy" "$err"
kill -KILL "$sleeper"
wait

run ncontext --silent --create --nid 264 --flag persistent,!hide_lback -- true
check "--flag persistent: network context 264 outlives its command" test -d /proc/virtnet/264
run nattribute --nid 264 --get
expect_match "--flag changes the default flags" \
	"^flags: lback_remap,hide_netif,state_admin,persistent$" "$out"
# Private: nobody enters it once its setup is over (and it never had one).
nattribute --nid 264 --set --flag private
run ncontext --migrate --nid 264 -- true
expect_eq "--migrate into a private network context fails" 1 "$rc"
expect_match "... EACCES" "cannot enter network context 264: Permission denied$" "$err"
nattribute --nid 264 --set --flag '!persistent'
check "clearing persistent ends network context 264" wait_for 5 ngone 264

run ncontext --silent --create --nid 265 -- ncontext --migrate-self -- grep NxID /proc/self/status
expect_match "--migrate-self stays in the network context" "^NxID:[[:space:]]+265$" "$out"
run ncontext --migrate-self -- grep NxID /proc/self/status
expect_match "--migrate-self on the host stays on the host" "^NxID:[[:space:]]+0$" "$out"
run ncontext --migrate --nid 1 -- grep NxID /proc/self/status
expect_match "--migrate --nid 1 enters the spectator" "^NxID:[[:space:]]+1$" "$out"

run ncontext --silent --create --nid 265 -- /nonexistent/cmd
expect_eq "a missing command exits 127" 127 "$rc"
run ncontext --create --nid 70000 -- true
expect_match "a nid above 65535 is the kernel's EINVAL" \
	"cannot create network context 70000: Invalid argument" "$err"
run su -s /bin/sh nobody -c '/usr/local/bin/ncontext --create --nid 265 -- true'
expect_eq "a user other than root cannot create one" 1 "$rc"
expect_match "... EPERM, with a hint" "cannot create network context 265: Operation not permitted" "$err"

run ncontext --create -- true
expect_eq "--create without --nid is a usage error" 2 "$rc"
expect_match "... explained" "--create needs --nid" "$err"
run ncontext --nid 265 -- true
expect_match "no mode is a usage error" "neither --create nor --migrate" "$err"
run ncontext --create --nid 265
expect_eq "no command is a usage error" 2 "$rc"
run ncontext --create --nid abc -- true
expect_eq "a bad nid is a usage error" 2 "$rc"
run ncontext --create --nid 265 --flag bogus -- true
expect_match "an unknown flag is a usage error" "^ncontext: unknown network flag 'bogus'" "$err"
run ncontext --migrate --nid 265 --flag persistent -- true
expect_eq "--flag with --migrate is a usage error" 2 "$rc"
run ncontext --create --nid 265 --disconnect -- true
expect_match "--disconnect is not supported yet" "--disconnect is not supported yet" "$err"
run ncontext --help
expect_match "--help prints usage and exits 0" "^Usage: ncontext" "$out"
run ncontext --bogus
expect_eq "bad option exits 2" 2 "$rc"
check "no network context 260..265 is left" sh -c '! ls -d /proc/virtnet/26[0-5] 2>/dev/null'

done_testing
