#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Boot a kernel with the test initramfs in QEMU.
#   tests/vm.sh test KERNEL PLAN OUTDIR   run the suites of tests/plans/plan-PLAN;
#                                         OUTDIR gets console.log and tap.log
#   tests/vm.sh run KERNEL CMD [EXTRA]    run CMD (in /extra if EXTRA=DIR is given),
#                                         print its output, exit with its status
#   tests/vm.sh demo KERNEL               interactive shell on this terminal
# Environment: VS_KVM=1 uses KVM instead of TCG; VS_VM_TIMEOUT (seconds,
# default 900 for test, 600 for run); VS_VM_MEM (default 1G); VS_VM_SMP (2);
# VS_VM_DISK=FILE attaches FILE (a raw image) as the virtio disk /dev/vda,
# copy-on-write: what the VM writes to it is discarded when QEMU ends.
# VS_VM_ICOUNT=1 makes guest time count instructions (-icount, for
# `make bench`); VS_VM_APPEND adds words to the kernel command line.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
b="$top/build"

die() { printf 'vm: error: %s\n' "$*" >&2; exit 2; }

[ $# -ge 2 ] || die "usage: tests/vm.sh test|run|demo KERNEL ..."
mode=$1 kernel=$2
shift 2
[ -f "$kernel" ] || die "no kernel image at $kernel: run 'make kernel'"
[ -f "$b/initramfs.cpio" ] || die "no initramfs at build/initramfs.cpio: run 'make initramfs'"
command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 is missing: run 'make deps'"

accel=(-accel tcg)
if [ "${VS_KVM:-0}" = 1 ]; then
	accel=(-accel kvm -cpu host)
elif [ "${VS_VM_ICOUNT:-0}" = 1 ]; then
	# One instruction, one nanosecond of guest time; no sleeping or
	# catching up with the host's clock: repeatable to ~0.01 %.
	accel+=(-icount shift=0,align=off,sleep=off)
fi
qemu=(qemu-system-x86_64 "${accel[@]}" -m "${VS_VM_MEM:-1G}" -smp "${VS_VM_SMP:-2}"
	-no-reboot -display none -monitor none -kernel "$kernel")
if [ -n "${VS_VM_DISK:-}" ]; then
	[ -f "$VS_VM_DISK" ] || die "VS_VM_DISK=$VS_VM_DISK is not a file"
	qemu+=(-drive "file=$VS_VM_DISK,format=raw,if=virtio,snapshot=on")
fi
cmdline="console=ttyS0 panic=-1 oops=panic panic_on_warn=1${VS_VM_APPEND:+ $VS_VM_APPEND}"

case $mode in
test)
	[ $# -eq 2 ] || die "usage: tests/vm.sh test KERNEL PLAN OUTDIR"
	plan=$1 out=$2
	[ -f "$top/tests/plans/plan-$plan" ] || die "no plan tests/plans/plan-$plan"
	mkdir -p "$out"
	rm -f "$out/console.log" "$out/tap.log"
	: >"$out/tap.log"
	timeout=${VS_VM_TIMEOUT:-900}
	start=$(date +%s)
	timeout -k 5 "$timeout" "${qemu[@]}" -initrd "$b/initramfs.cpio" \
		-append "$cmdline vs.mode=test vs.plan=$plan" \
		-serial "file:$out/console.log" -serial "file:$out/tap.log" </dev/null &
	qpid=$!
	# Progress: name each suite as the guest starts it.
	tail -n +1 -F --pid=$qpid "$out/tap.log" 2>/dev/null |
		sed -un 's/^# vs-suite: \(.*\)\r\{0,1\}$/  vm[\1]/p' >&2 &
	rc=0
	wait $qpid || rc=$?
	wait || true
	if [ $rc = 124 ] || [ $rc = 137 ]; then
		echo "vm: the guest did not finish within ${timeout}s and was killed" >&2
		echo "# vs-timeout: ${timeout}s" >>"$out/tap.log"
	fi
	echo "vm: plan $plan ran in $(($(date +%s) - start))s" >&2
	;;
run)
	[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: tests/vm.sh run KERNEL CMD [EXTRA]"
	cmd=$1 extra=${2:-}
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	"$top/tests/initramfs/build.sh" --extra "$tmp/extra.cpio" "$extra" "$cmd"
	cat "$b/initramfs.cpio" "$tmp/extra.cpio" >"$tmp/run.cpio"
	timeout=${VS_VM_TIMEOUT:-600}
	rc=0
	timeout -k 5 "$timeout" "${qemu[@]}" -initrd "$tmp/run.cpio" \
		-append "$cmdline quiet kunit.enable=0 vs.mode=run" \
		-serial stdio -serial "file:$tmp/status" </dev/null |
		tr -d '\r' | sed -u '/^\[ *[0-9.]*\] reboot: /d' || rc=$?
	status=$(sed -n 's/^VS-EXIT: \([0-9]*\).*/\1/p' "$tmp/status")
	if [ -z "$status" ]; then
		echo "vm: the guest ended without reporting the command's status (rc $rc)" >&2
		exit 2
	fi
	# make turns any failure into its own status 2: say the real one.
	[ "$status" = 0 ] || echo "vm: the command exited with status $status" >&2
	exit "$status"
	;;
demo)
	[ $# -eq 0 ] || die "usage: tests/vm.sh demo KERNEL"
	[ -t 0 ] || die "make demo needs a terminal; use make demo CMD='...' from scripts"
	exec "${qemu[@]}" -initrd "$b/initramfs.cpio" \
		-append "$cmdline quiet kunit.enable=0 vs.mode=demo" -serial mon:stdio
	;;
*) die "unknown mode $mode (test, run, demo)" ;;
esac
