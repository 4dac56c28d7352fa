#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Run inside the benchmark VM by bench/run.sh (tests/vm.sh run, cwd /extra):
#   sh vm-bench.sh KERNEL    KERNEL = vanilla | bench
# Prints one line per result, "VSB SETTING JSON", on the console:
#   host    micro-benchmarks on the host (settings a and b)
#   ns      inside plain pid/mount/uts/ipc namespaces + chroot (the
#           LXC-style reference for setting d; both kernels)
#   ctx     in a security context without namespaces (setting c)
#   guest   inside a running `vserver` guest (setting d)
#   life-*  lifecycle timings (patched kernel)
# MIN_MS and RUNS (environment) tune the micro-benchmarks.
set -eu
say() { echo "VSB-LOG $*"; }
say "kernel: $1 ($(uname -r))"
here=$(pwd)
vsb=$here/vsbench
min_ms=${MIN_MS:-20}
runs=${RUNS:-5}
micro="micro --min-ms $min_ms --runs $runs"

emit() { sed "s/^/VSB $1 /"; }

# a | b: the host.
say "host: micro-benchmarks"
# shellcheck disable=SC2086 # $micro is words
"$vsb" $micro | emit host

# The LXC-style reference: a root with the binary, entered the way
# `unshare --fork --pid --mount --uts --ipc` + chroot would.
nsroot=/nsroot
mkdir -p $nsroot/sbin $nsroot/bin $nsroot/proc $nsroot/dev/pts $nsroot/tmp
cp "$vsb" $nsroot/bin/vsbench
say "ns: micro-benchmarks in namespaces + chroot"
unshare --fork --pid --mount --uts --ipc sh -c \
	"mount -t proc proc $nsroot/proc && mount -t tmpfs tmpfs $nsroot/tmp &&
	exec chroot $nsroot /bin/vsbench $micro --dir /tmp" | emit ns

# Network between two peers (item 4): a TCP sink and a client that
# measures connections per second and one stream's throughput.
#   net-host  both on the host, 10.99.0.2 -> 10.99.0.1 on lo
#   net-veth  two network namespaces joined by a veth pair (the LXC model)
#   net-ctx   two contexts on the host's stack, 10.99.0.2 -> 10.99.0.1
ip addr add 10.99.0.1/32 dev lo
ip addr add 10.99.0.2/32 dev lo
net_pair() { # NAME SERVER-PREFIX CLIENT-PREFIX SERVER-ADDR CLIENT-ADDR
	# shellcheck disable=SC2086
	$2 "$vsb" serve "$4" 5001 &
	srv=$!
	sleep 1
	# shellcheck disable=SC2086
	$3 "$vsb" client "$4" 5001 --bind "$5" --min-ms $((min_ms * 5)) --runs "$runs" | emit "$1"
	kill "$srv"
	wait "$srv" 2>/dev/null || true
}
say "net: host loopback"
net_pair net-host "" "" 10.99.0.1 10.99.0.2
say "net: two network namespaces and a veth pair"
mkdir -p /tmp/netns && cp "$vsb" /tmp/netns/init
unshare -n /tmp/netns/init &
ns1=$!
unshare -n /tmp/netns/init &
ns2=$!
sleep 1
ip link add vs-a type veth # busybox names the peer veth0
ip link set vs-a netns $ns1
ip link set veth0 netns $ns2
nsenter -t $ns1 -n sh -c 'ip link set lo up && ip addr add 10.99.1.1/24 dev vs-a && ip link set vs-a up'
nsenter -t $ns2 -n sh -c 'ip link set lo up && ip addr add 10.99.1.2/24 dev veth0 && ip link set veth0 up'
net_pair net-veth "nsenter -t $ns1 -n" "nsenter -t $ns2 -n" 10.99.1.1 10.99.1.2
kill -INT $ns1 $ns2

if ! vserver-info - APIVER >/dev/null 2>&1; then
	say "no vserver(2) in this kernel: host, ns and net only"
	exit 0
fi

# NETWORK CONTEXT STEP: when the kernel and the tools have network
# contexts (naddress exists), each context below gets a nid holding its
# one address; until then they run WITHOUT a nid, on the shared stack
# with no address isolation, and the figures say so.
nid() { # NID ADDR: the prefix that puts a command into a network context
	if command -v naddress >/dev/null 2>&1; then
		echo "ncontext --create --silent --nid $1 -- naddress --silent --nid $1 --add --ip $2/32 --"
	fi
}
if command -v naddress >/dev/null 2>&1; then
	say "nid: network contexts are used"
else
	say "nid: WITHOUT network contexts (naddress is not there yet)"
fi
say "net: two contexts on the shared stack"
net_pair net-ctx "$(nid 310 10.99.0.1) vcontext --create --xid 310 --endsetup --silent --" \
	"$(nid 311 10.99.0.2) vcontext --create --xid 311 --endsetup --silent --" 10.99.0.1 10.99.0.2

# c: a context, on the host's file system (and network: see nid above).
say "ctx: micro-benchmarks in context 300"
# shellcheck disable=SC2086
$(nid 300 10.99.0.2) vcontext --create --xid 300 --endsetup --silent -- "$vsb" $micro | emit ctx

# d: a vserver guest with its own namespaces. NETWORK CONTEXT STEP: with
# naddress, its configuration gets one address (interfaces/0/ip) here.
say "guest: building and starting guest 'bench'"
vserver bench build -m busybox --context 301 >/tmp/bench-build.log 2>&1 ||
	{ cat /tmp/bench-build.log; exit 1; }
if command -v naddress >/dev/null 2>&1; then
	mkdir -p /etc/vservers/bench/interfaces/0
	echo 10.99.0.3 >/etc/vservers/bench/interfaces/0/ip
	echo 32 >/etc/vservers/bench/interfaces/0/prefix
	echo lo >/etc/vservers/bench/interfaces/0/dev
fi
cp "$vsb" /vservers/bench/bin/vsbench
vserver bench start >/dev/null
say "guest: micro-benchmarks in guest 'bench' (context 301)"
# shellcheck disable=SC2086
vserver bench exec /bin/vsbench $micro --dir /tmp | emit guest
vserver bench stop >/dev/null

# Lifecycle: a guest whose init is the benchmark binary (it stamps the
# time it runs into /vsbench-stamp, then waits for SIGINT).
say "life: vserver start / exec / enter / stop"
vserver life build -m busybox --context 302 >/tmp/life-build.log 2>&1 ||
	{ cat /tmp/life-build.log; exit 1; }
root=/vservers/life
cp "$vsb" $root/bin/vsbench
rm -f $root/sbin/init
cp "$vsb" $root/sbin/init
: >$root/vsbench-stamp
t="$vsb time --quiet"
i=0
while [ $i -lt "$runs" ]; do
	$t --stamp $root/vsbench-stamp vserver life start | emit life-start
	$t --stamp $root/vsbench-stamp vserver life exec /bin/vsbench stamp /vsbench-stamp |
		emit life-exec
	echo '/bin/vsbench stamp /vsbench-stamp' |
		$t --stamp $root/vsbench-stamp vserver life enter | emit life-enter
	$t vserver life stop | emit life-stop
	i=$((i + 1))
done

# The same lifecycle from plain namespaces, on the same kernel and root.
say "life: namespaces + chroot (nsstart / nsenter / kill)"
i=0
while [ $i -lt "$runs" ]; do
	$t --stamp $root/vsbench-stamp "$vsb" nsstart $root /tmp/init.pid | emit life-ns-start
	init=$(cat /tmp/init.pid)
	$t --stamp $root/vsbench-stamp \
		nsenter -t "$init" -m -u -i -p -r -w /bin/vsbench stamp /vsbench-stamp |
		emit life-ns-exec
	$t --wait-exit "$init" kill -INT "$init" | emit life-ns-stop
	i=$((i + 1))
done
say "done"
