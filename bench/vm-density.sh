#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Run inside the benchmark VM by bench/run.sh (tests/vm.sh run, cwd /extra):
#   sh vm-density.sh MODE N...     N ascending, e.g. 10 100
# MODE:
#   vserver   N busybox-style guests (`vserver build -m skeleton`), each
#             `vserver NAME start`ed with the fstab of a built guest
#             (proc, devpts, tmpfs /tmp) and init = the idle vsbench init
#   ns        the same roots started LXC-style (vsbench nsstart: new pid,
#             mount, uts, ipc namespaces, the same three mounts, chroot)
#   proc      N plain idle processes (the same init binary): what one
#             process costs, to take the guests' own processes out
# Prints "VSB density-start {...}" for each start and "VSB density-mem
# {...}" (meminfo and per-cache slab bytes) at 0 and at each N.
set -eu
mode=$1
shift
vsb=$(pwd)/vsbench
max=0
for n; do max=$n; done

# A settled kernel: RCU callbacks run, reclaimable caches dropped, so that
# the deltas are what stays allocated.
snap() {
	sync
	sleep 1
	echo 2 >/proc/sys/vm/drop_caches
	sleep 1
	{
		printf '{"mode":"%s","n":%s,"meminfo":{' "$mode" "$1"
		awk '{ sub(":", "", $1); printf "%s\"%s\":%s", (NR > 1 ? "," : ""), $1, $2 }' /proc/meminfo
		printf '},"slab":{'
		awk 'NR > 2 { printf "%s\"%s\":[%s,%s]", (NR > 3 ? "," : ""), $1, $2 * $4, $15 * $6 * 4096 }' /proc/slabinfo
		printf '}}\n'
	} | sed 's/^/VSB density-mem /'
}

# The roots (not measured: files are not what a running guest costs).
mkdir -p /vservers
mkdir -p /vservers/.bin
cp "$vsb" /vservers/.bin/init
i=1
while [ "$i" -le "$max" ]; do
	case $mode in
	vserver | ns)
		vserver "d$i" build -m skeleton --context $((1000 + i)) >/dev/null 2>/tmp/build.err ||
			{ cat /tmp/build.err; exit 1; }
		ln /vservers/.bin/init "/vservers/d$i/sbin/init"
		;;
	esac
	i=$((i + 1))
done
echo "VSB-LOG density $mode: $max roots ready"

snap 0
i=1
for n in "$@"; do
	while [ "$i" -le "$n" ]; do
		case $mode in
		vserver)
			"$vsb" time --quiet vserver "d$i" start
			;;
		ns)
			"$vsb" time --quiet "$vsb" nsstart "/vservers/d$i"
			;;
		proc)
			"$vsb" time --quiet sh -c '/vservers/.bin/init </dev/null >/dev/null 2>&1 &'
			;;
		esac | sed "s/^{/{\"mode\":\"$mode\",\"i\":$i,/; s/^/VSB density-start /"
		i=$((i + 1))
	done
	snap "$n"
	echo "VSB-LOG density $mode: $n running"
done
