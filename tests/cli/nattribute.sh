#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# nattribute against the booted kernel: flags and capabilities round trip
# (by name, in /proc/virtnet and in effect), --secure, --json, the default
# network context, errors. Network contexts 266..271; 10.88.0.6 and
# 10.88.0.9 on lo.
. ./tap.sh
plan 33

ngone() { [ ! -e "/proc/virtnet/$1" ]; }
status() { grep "^$2:" "/proc/virtnet/$1/status" | cut -f2; }

ip addr add 10.88.0.6/32 dev lo 2>/dev/null
ip addr add 10.88.0.9/32 dev lo 2>/dev/null

ncontext --silent --create --nid 266 --flag persistent -- true
run nattribute --nid 266 --get
expect_eq "--get exits 0" 0 "$rc"
expect_eq "--get prints the default flags and no capability" \
	"$(printf 'flags: lback_remap,hide_netif,hide_lback,state_admin,persistent\nncapabilities:')" "$out"

run nattribute --nid 266 --set --ncap raw_icmp
expect_eq "--set --ncap exits 0" 0 "$rc"
run nattribute --nid 266 --get
expect_match "--ncap raw_icmp reads back by name" "^ncapabilities: raw_icmp$" "$out"
expect_eq "... and in /proc/virtnet/266/status" 0000000000000100 "$(status 266 NCaps)"

run nattribute --nid 266 --set --flag lback_allow,!hide_lback
run nattribute --nid 266 --get
expect_match "--flag sets and clears by name" \
	"^flags: lback_remap,lback_allow,hide_netif,state_admin,persistent$" "$out"
expect_eq "... as /proc shows them" 0000004402000600 "$(status 266 Flags)"
run nattribute --nid 266 --set --ncap '!raw_icmp' --ncap NXC_MULTICAST
run nattribute --nid 266 --get
expect_match "later options, kernel prefixes" "^ncapabilities: multicast$" "$out"
run nattribute --nid 266 --set --flag state_setup
run nattribute --nid 266 --get
expect_match "a one-time flag cannot be set again" \
	"^flags: lback_remap,lback_allow,hide_netif,state_admin,persistent$" "$out"

run nattribute --nid 266 --get --json
expect_eq "--json" '{"nid": 266, "flags": ["lback_remap", "lback_allow", "hide_netif", "state_admin", "persistent"], "ncapabilities": ["multicast"]}' "$out"

# --secure: util-vserver's raw_icmp and hide_netif, before the other options.
ncontext --silent --create --nid 267 --flag persistent,!hide_netif -- true
run nattribute --nid 267 --set --secure
run nattribute --nid 267 --get
expect_match "--secure sets hide_netif" "^flags: lback_remap,hide_netif,hide_lback,state_admin,persistent$" "$out"
expect_match "--secure sets raw_icmp" "^ncapabilities: raw_icmp$" "$out"
ncontext --silent --create --nid 268 --flag persistent -- true
run nattribute --nid 268 --set --ncap '!raw_icmp' --secure --flag '!hide_netif'
run nattribute --nid 268 --get
expect_match "options given with --secure override it: ncaps" "^ncapabilities:$" "$out"
expect_match "options given with --secure override it: flags" "^flags: lback_remap,hide_lback,state_admin,persistent$" "$out"

# The default is the caller's network context; COMMAND runs after the change.
run ncontext --silent --create --nid 269 -- nattribute --set --ncap tun_create -- nattribute --get
expect_eq "--set then COMMAND, in the caller's network context" 0 "$rc"
expect_match "... which --get (without --nid) shows" "^ncapabilities: tun_create$" "$out"
run ncontext --silent --create --nid 271 -- nattribute --nid self --get --json
expect_match "--nid self" '^\{"nid": 271,' "$out"

# raw_icmp in effect: ping needs a raw ICMP socket.
ncontext --silent --create --nid 270 --flag persistent -- naddress --silent --add --ip 10.88.0.6/32
run ncontext --migrate --nid 270 -- ping -c 1 -W 2 10.88.0.9
expect_eq "without raw_icmp a guest cannot ping" 1 "$rc"
expect_match "... the raw socket is refused" "permission denied" "$err"
nattribute --nid 270 --set --ncap raw_icmp
run ncontext --migrate --nid 270 -- ping -c 1 -W 2 10.88.0.9
expect_eq "with raw_icmp it can" 0 "$rc"
expect_match "... from its own address" "1 packets received" "$out"

for n in 266 267 268 270; do nattribute --nid $n --set --flag '!persistent'; done
check "clearing persistent ends them" wait_for 5 sh -c '! ls -d /proc/virtnet/26[6-9] /proc/virtnet/27[01] 2>/dev/null'

run nattribute --nid 279 --get
expect_eq "--get of a missing network context fails" 1 "$rc"
expect_match "... naming it and the reason" \
	"^nattribute: cannot get the flags of network context 279: No such process \(there is no network context 279\)$" "$err"
run nattribute --nid 279 --set --ncap raw_icmp
expect_match "--set likewise" "cannot set the ncapabilities of network context 279: No such process" "$err"
run nattribute --get
expect_eq "the host's network context has no attributes" 1 "$rc"
expect_match "... said so" "network context 0 is the host" "$err"

run nattribute --nid 266 --set --json
expect_eq "--json with --set is a usage error" 2 "$rc"
run nattribute --nid 266 --get --ncap raw_icmp
expect_eq "--ncap with --get is a usage error" 2 "$rc"
run nattribute --nid 266 --set --ncap bogus
expect_match "an unknown capability is a usage error" "^nattribute: unknown network capability 'bogus'" "$err"
run nattribute --nid 26x --get
expect_eq "a bad nid is a usage error" 2 "$rc"
run nattribute --help
expect_match "--help prints usage and exits 0" "^Usage: nattribute" "$out"
run nattribute --bogus
expect_eq "bad option exits 2" 2 "$rc"

ip addr del 10.88.0.6/32 dev lo 2>/dev/null
ip addr del 10.88.0.9/32 dev lo 2>/dev/null
done_testing
