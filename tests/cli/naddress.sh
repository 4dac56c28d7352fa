#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# naddress against the booted kernel: the entries it sends (read back from
# /proc/virtnet), the kernel's refusals, and what a guest's sockets may then
# bind to, with real traffic over lo. Servers run under timeout: a broken
# tool must fail the test, not hang it. Network contexts 272..279; 10.88.0.1,
# .2, .9 and fd88::1, ::9 on lo (.9 and ::9 stand for the host's own).
. ./tap.sh
plan 52

ngone() { [ ! -e "/proc/virtnet/$1" ]; }
info() { cat /proc/virtnet/272/info; }
# entries: the address entries of nid 272, one per line, without the index.
entries() { grep -E '^[0-9]+:' /proc/virtnet/272/info | cut -f2; }
# listening HOST:PORT: netstat shows a TCP listener on exactly that address.
listening() { netstat -ltn | grep -qE "^tcp .* $1 .*LISTEN"; }

V6ONES=ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff
for a in 10.88.0.1 10.88.0.2 10.88.0.9; do ip addr add $a/32 dev lo 2>/dev/null; done
for a in fd88::1 fd88::9; do ip -6 addr add $a/128 dev lo 2>/dev/null; done
mkdir -p /tmp/www && echo hello >/tmp/www/x

ncontext --silent --create --nid 272 --flag persistent -- true
run info
expect_match "a new network context has the broadcast address 255.255.255.255" \
	"^Bcast:	255.255.255.255$" "$out"
expect_match "... and the loopback address 127.<nid>.1 (272 = 1.16)" "^Lback:	127.1.16.1$" "$out"
expect_eq "... and no entry" "" "$(entries)"

run naddress --nid 272 --add --ip 10.88.0.1/32 --ip fd88::1/128
expect_eq "--add exits 0" 0 "$rc"
expect_eq "--add says what it added, as util-vserver" "Adding 10.88.0.1 fd88::1" "$out"
expect_eq "/proc shows the two entries" \
	"$(printf '[10.88.0.1-0.0.0.0/255.255.255.255:0010]\n[fd88::1/%s/128:0010]' $V6ONES)" "$(entries)"

run naddress --nid 272 --add --ip 10.88.0.1/32
expect_eq "adding an entry twice fails" 1 "$rc"
expect_match "... naming it and the kernel's EEXIST" \
	"^naddress: cannot add 10.88.0.1/32 to network context 272: File exists \(the network context has this entry already\)$" "$err"
run naddress --nid 272 --add --silent --ip fd88::1/128
expect_match "... IPv6 likewise" "cannot add fd88::1/128 to network context 272: File exists" "$err"
run naddress --nid 272 --add --ip 10.88.0.2/33
expect_eq "an IPv4 prefix above 32 is a usage error" 2 "$rc"
expect_match "... explained" "^naddress: invalid address '10.88.0.2/33': the prefix of an IPv4 address is 0..32$" "$err"
run naddress --nid 272 --add --ip fd88::2/129
expect_match "an IPv6 prefix above 128 likewise" "invalid address 'fd88::2/129': the prefix of an IPv6 address is 0..128" "$err"
run naddress --nid 272 --add --ip 10.88.0.2/255.0.255.0
expect_match "a netmask with a hole likewise" "the netmask is not contiguous" "$err"
expect_eq "nothing was added by the failures" 2 "$(entries | wc -l)"

run naddress --nid 272 --add --ip 10.88.0.2/32 --ip 10.88.0.1/32 --ip 10.88.0.3/32
expect_eq "a failure in the middle fails" 1 "$rc"
expect_eq "... after adding the entries before it" "Adding 10.88.0.2" "$out"
expect_match "... and not the ones after it" "^\[10.88.0.2-" "$(entries)"
expect_eq "... (3 entries now)" 3 "$(entries | wc -l)"

run naddress --nid 272 --remove --ip 10.88.0.7/32
expect_eq "removing an entry that is not there fails" 1 "$rc"
expect_match "... with the kernel's ESRCH, explained" \
	"^naddress: cannot remove 10.88.0.7/32 from network context 272: No such process \(the network context has no such entry\)$" "$err"
run naddress --nid 272 --remove --ip 10.88.0.2/24
expect_eq "removing needs the prefix it was added with" 1 "$rc"
run naddress --nid 272 --remove --ip 10.88.0.2/32
expect_eq "--remove of an entry" "Removing 10.88.0.2" "$out"
expect_eq "... takes it off the list" 2 "$(entries | wc -l)"

run naddress --nid 272 --add --silent --ip 10.88.0.2 --mask 10.88.1.77/24 \
	--range 10.88.2.10-10.88.2.20 --ip fd88::2
expect_eq "--silent says nothing" "" "$out"
run entries
expect_match "--ip without prefix: util-vserver's /24, still one address" \
	"^\[10.88.0.2-0.0.0.0/255.255.255.0:0010\]$" "$out"
expect_match "--mask: a network, without its host bits" "^\[10.88.1.0-0.0.0.0/255.255.255.0:0020\]$" "$out"
expect_match "--range: first and end" "^\[10.88.2.10-10.88.2.20/0.0.0.0:0040\]$" "$out"
expect_match "IPv6 without prefix: /64" "^\[fd88::2/$V6ONES/64:0010\]$" "$out"

run naddress --nid 272 --add --bcast 10.88.0.255 --lback 127.0.0.5
run info
expect_match "--bcast sets the broadcast address" "^Bcast:	10.88.0.255$" "$out"
expect_match "--lback sets the loopback address" "^Lback:	127.0.0.5$" "$out"
run naddress --nid 272 --remove --bcast 10.88.0.255
expect_eq "--bcast with --remove is a usage error" 2 "$rc"

run naddress --nid 272 --set --ip 10.88.0.1/32 --ip fd88::1/128
expect_eq "--set replaces every entry" \
	"$(printf '[10.88.0.1-0.0.0.0/255.255.255.255:0010]\n[fd88::1/%s/128:0010]' $V6ONES)" "$(entries)"

# Real sockets. A wildcard listener in the guest stays on the wildcard and
# takes only what is addressed to the guest.
ncontext --migrate --nid 272 -- httpd -f -p 0.0.0.0:8272 -h /tmp/www &
httpd_pid=$!
check "the guest's 0.0.0.0 listener stays on the wildcard" wait_for 5 listening 0.0.0.0:8272
run grep -E '^ *[0-9]+: 00000000:2050 00000000:0000 0A' /proc/net/tcp
expect_eq "... as /proc/net/tcp shows" 0 "$rc"
run timeout 5 wget -q -O - http://10.88.0.1:8272/x
expect_eq "it answers on the guest's address" hello "$out"
run timeout 5 wget -q -O - http://10.88.0.9:8272/x
expect_match "it does not receive the host's traffic" "Connection refused" "$err"
kill "$httpd_pid"
run timeout 5 ncontext --migrate --nid 272 -- httpd -f -p 10.88.0.9:8273 -h /tmp/www
expect_eq "the guest cannot bind to the host's address" 1 "$rc"
expect_match "... EADDRNOTAVAIL" "Cannot assign requested address" "$err"

ncontext --migrate --nid 272 -- nc -l -p 8274 >/tmp/naddress.nc &
nc_pid=$!
check "the guest's :: listener stays on the wildcard" wait_for 5 listening :::8274
run grep -E '^ *[0-9]+: 00000000000000000000000000000000:2052 ' /proc/net/tcp6
expect_eq "... as /proc/net/tcp6 shows" 0 "$rc"
echo hi6 | timeout 5 nc fd88::1 8274
wait_for 5 grep -q hi6 /tmp/naddress.nc
expect_eq "it receives what is sent to fd88::1" hi6 "$(cat /tmp/naddress.nc)"
kill "$nc_pid" 2>/dev/null

nc -l -p 8275 >/tmp/naddress.nc &
nc_pid=$!
wait_for 5 listening :::8275
run timeout 5 ncontext --migrate --nid 272 -- sh -c 'echo from-guest | nc 10.88.0.9 8275'
wait_for 5 grep -q from-guest /tmp/naddress.nc
expect_eq "the guest reaches the host's listener" from-guest "$(cat /tmp/naddress.nc)"
kill "$nc_pid" 2>/dev/null
run netstat -tn
# Either end may be the one left in TIME_WAIT: the host's accepted socket
# (local :8275, peer 10.88.0.1) or the guest's (local 10.88.0.1, peer :8275).
expect_match "... from its own address" \
	":8275 +(::ffff:)?10\.88\.0\.1:|10\.88\.0\.1:[0-9]+ +(::ffff:)?10\.88\.0\.9:8275 " "$out"

naddress --nid 272 --remove --silent --ip 10.88.0.1/32
run timeout 5 ncontext --migrate --nid 272 -- httpd -f -p 10.88.0.1:8276 -h /tmp/www
expect_match "a removed address cannot be bound any more" "Cannot assign requested address" "$err"

run naddress --nid 279 --add --ip 10.88.0.1/32
expect_eq "a missing network context fails" 1 "$rc"
expect_match "... and is named as missing" \
	"cannot add 10.88.0.1/32 to network context 279: No such process \(there is no network context 279\)$" "$err"
run naddress --add --ip 10.88.0.1/32
expect_match "the host's network context has no addresses" "network context 0 is the host" "$err"
run naddress --nid 272 --ip 10.88.0.1
expect_match "no mode is a usage error" "neither --add nor --remove nor --set" "$err"
run naddress --nid 272 --add --remove
expect_eq "two modes are a usage error" 2 "$rc"
run naddress --nid 272 --add --range 10.88.2.20-10.88.2.10
expect_match "an empty range is a usage error" "invalid range '10.88.2.20-10.88.2.10'" "$err"
run naddress --help
expect_match "--help prints usage and exits 0" "^Usage: naddress" "$out"

nattribute --nid 272 --set --flag '!persistent'
check "network context 272 ends" wait_for 5 ngone 272
for a in 10.88.0.1 10.88.0.2 10.88.0.9; do ip addr del $a/32 dev lo 2>/dev/null; done
for a in fd88::1 fd88::9; do ip -6 addr del $a/128 dev lo 2>/dev/null; done
rm -rf /tmp/www /tmp/naddress.nc
done_testing
