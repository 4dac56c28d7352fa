#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# `make bench`: the unpatched kernel against the patched one, same config,
# booted in the same run under QEMU -icount. Reports; never fails on a figure.
#
#   1. builds build/bzImage-vanilla (pristine 6.12, no patches, no overlay)
#      and build/bzImage-bench (patched, CONFIG_VSERVER=y), both from
#      tests/config/{base,bench}.config (+ bench-vserver.config);
#   2. boots each BENCH_BOOTS times with one vCPU and runs bench/vm-bench.sh
#      (micro-benchmarks, lifecycle, network);
#   3. boots the patched kernel once per density mode (bench/vm-density.sh);
#   4. writes build/bench/results.{json,md} and build/bench/chart.png.
#
# Environment: BENCH_RUNS (runs per op and boot, default 5), BENCH_MIN_MS
# (guest time per run, default 20), BENCH_BOOTS (default 2), BENCH_DENSITY
# (guest counts, default "10 100 1000"),
# BENCH_SKIP_BUILD=1 (use the kernels already built).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
b="$top/build"
out="$b/bench"
runs=${BENCH_RUNS:-5}
min_ms=${BENCH_MIN_MS:-20}
boots=${BENCH_BOOTS:-2}
density=${BENCH_DENSITY:-10 100 1000}

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

command -v gnuplot >/dev/null || die "gnuplot is missing: run 'make deps' (gnuplot-nox)"
[ -x "$b/bench/vsbench" ] || die "no build/bench/vsbench: run 'make bench', not this script"
t_start=$(date +%s)

# The kernels. The machine-wide build lock queues them behind other builds.
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
	t=$(date +%s)
	"$top/scripts/kernel.sh" build vanilla
	"$top/scripts/kernel.sh" build bench
	say "kernels built in $(($(date +%s) - t))s"
fi
for k in vanilla bench; do
	[ -f "$b/bzImage-$k" ] || die "no build/bzImage-$k: run without BENCH_SKIP_BUILD"
done

stage="$out/stage"
rm -rf "$stage" "$out/raw"
mkdir -p "$stage" "$out/raw"
cp "$b/bench/vsbench" "$top/bench/vm-bench.sh" "$top/bench/vm-density.sh" "$stage/"

# One vCPU: with several, TCG runs them round-robin and one's instructions
# would count in the other's time.
vm() { # LOG TIMEOUT KERNEL CMD [KERNEL-ARGS]
	local log=$1 timeout=$2 kernel=$3 cmd=$4 append=${5:-} t rc=0
	t=$(date +%s)
	env VS_VM_ICOUNT=1 VS_VM_SMP=1 VS_VM_MEM=1G VS_VM_TIMEOUT="$timeout" VS_VM_APPEND="$append" \
		"$top/tests/vm.sh" run "$b/bzImage-$kernel" "$cmd" "$stage" >"$log" 2>&1 || rc=$?
	if [ $rc != 0 ]; then
		tail -n 30 "$log" >&2
		die "the $kernel VM failed (status $rc); full log: ${log#"$top"/}"
	fi
	say "  ${log##*/}: $(grep -c '^VSB ' "$log") results in $(($(date +%s) - t))s"
}

for boot in $(seq 1 "$boots"); do
	for k in vanilla bench; do
		say "boot $boot/$boots: $k kernel, micro-benchmarks, lifecycle, network"
		vm "$out/raw/$k-$boot.log" 900 "$k" "MIN_MS=$min_ms RUNS=$runs sh vm-bench.sh $k"
	done
done

# Density: one boot per mode, so each starts from the same kernel state.
# slab_nomerge: every cache keeps its own name in /proc/slabinfo.
for mode in proc ns vserver; do
	say "density: $mode, N = $density"
	vm "$out/raw/density-$mode.log" 3600 bench "sh vm-density.sh $mode $density" slab_nomerge
done

commit=$(cd "$top" && git rev-parse --short HEAD)
dirty=
if [ -n "$(cd "$top" && git status --porcelain -- bench kernel patches tests scripts Kconfig)" ]; then
	dirty=+dirty
fi
"$top/bench/report.py" --out "$out" --commit "$commit$dirty" \
	--kernel "$(make -s -C "$("$top/scripts/kernel.sh" pristine)" kernelversion 2>/dev/null)" \
	--qemu "$(qemu-system-x86_64 --version | head -n 1)" \
	--boots "$boots" --runs "$runs" --min-ms "$min_ms" \
	--seconds "$(($(date +%s) - t_start))" "$out/raw"/*.log
say "results: build/bench/results.md, results.json, chart.png ($(($(date +%s) - t_start))s in all)"
