#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# vattribute against the booted kernel: --set/--get round trips, names and
# --json, --secure, and the command line. Contexts 60 and 61.
. ./tap.sh
plan 27

status() { awk -v k="$2:" '$1 == k {print $2}' "/proc/virtual/$1/status"; }

vcontext --silent --create --xid 60 -- sleep 1000 >/dev/null 2>&1 &
check "a guest is running in context 60" wait_for 5 test -d /proc/virtual/60

run vattribute --xid 60 --get
expect_eq "--get exits 0" 0 "$rc"
expect_match "a new context has every bounding capability" \
	"^bcapabilities: CHOWN,DAC_OVERRIDE,.*,SYS_ADMIN,.*,CONTEXT$" "$out"
expect_match "... no context capability" "^ccapabilities:$" "$out"
expect_match "... the setup flags" "^flags: state_setup,state_init,state_admin$" "$out"
expect_match "... an empty unshare mask" "^umask:$" "$out"

run vattribute --xid 60 --set --flag fakeinit,virt_mem --ccap set_utsname,secure_mount \
	--bcap '!sys_admin' --umask newuts,newipc
expect_eq "--set exits 0" 0 "$rc"
run vattribute --xid 60 --get
expect_match "--get shows the flags set" "^flags: fakeinit,virt_mem,state_setup,state_init,state_admin$" "$out"
expect_match "... the ccaps set" "^ccapabilities: set_utsname,secure_mount$" "$out"
expect_match "... the umask set" "^umask: newuts,newipc$" "$out"
expect_match "... and SYS_ADMIN cleared" "^bcapabilities: CHOWN,.*,SYS_CHROOT,SYS_PTRACE,SYS_PACCT,SYS_BOOT," "$out"
expect_eq "the kernel agrees on the ccaps" 0000000000010001 "$(status 60 CCaps)"
expect_eq "the kernel agrees on the bcaps" ffffffffffdfffff "$(status 60 BCaps)"

run vattribute --xid 60 --get --json
expect_match "--get --json is one object with name arrays" \
	'^\{"xid": 60, "bcapabilities": \["CHOWN", "DAC_OVERRIDE", .*"CONTEXT"\], "ccapabilities": \["set_utsname", "secure_mount"\], "flags": \["fakeinit", "virt_mem", "state_setup", "state_init", "state_admin"\], "umask": \["newuts", "newipc"\]\}$' "$out"

vattribute --xid 60 --set --flag '!fakeinit' --ccap 'none'
run vattribute --xid 60 --get
expect_match "!NAME clears a flag" "^flags: virt_mem,state_setup,state_init,state_admin$" "$out"
expect_match "none clears every ccap" "^ccapabilities:$" "$out"

# util-vserver's --secure, then a capability given back (in any order).
run vattribute --xid 60 --set --bcap net_raw --secure
expect_eq "--secure exits 0" 0 "$rc"
expect_eq "--secure bcaps, plus NET_RAW" ffffffffb44c24ff "$(status 60 BCaps)"
expect_eq "--secure ccaps" 0000000000004101 "$(status 60 CCaps)"
run vattribute --xid 60 --get
expect_match "--secure sets hide_netif" "^flags: virt_mem,hide_netif,state_setup" "$out"

run vattribute --xid 60 --get -- echo after
expect_match "a command after the options runs" "^after$" "$out"

run vcontext --silent --create --xid 61 -- \
	vattribute --set --flag virt_uptime -- vattribute --get
expect_match "inside a new context, the default is the own context" \
	"^flags: virt_uptime,state_setup,state_init,state_admin$" "$out"

run vattribute --xid 60 --set --flag bogus
expect_match "an unknown flag is a usage error" "unknown context flag 'bogus'" "$err"
run vattribute --xid 4712 --get
expect_match "a missing context fails with ESRCH" "cannot get the bcapabilities of context 4712: No such process" "$err"
run vattribute --xid 0 --get
expect_eq "the host has no attributes" 1 "$rc"
run vattribute --help
expect_match "--help prints usage and exits 0" "^Usage: vattribute" "$out"
run vattribute --bogus
expect_eq "bad option exits 2" 2 "$rc"

vkill --xid 60 -s KILL
wait
done_testing
