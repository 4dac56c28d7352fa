#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Prepare the patched Linux 6.12 tree and build kernels from it.
#
#   scripts/kernel.sh tree            pristine -> build/linux (patches + overlay)
#   scripts/kernel.sh build FLAVOR    configure and build build/obj-FLAVOR
#   scripts/kernel.sh files           list the tree files the project adds/changes
#
# FLAVOR: test (debug + vserver + KUnit), novs (patched, CONFIG_VSERVER=n),
# bench (patched, CONFIG_VSERVER=y, no debug, no KUnit), vanilla (the pristine
# tree: no patches, no overlay; bench's config without its vserver lines).
# Environment: KERNEL_SRC=DIR (a pristine 6.12 tree, used read-only) instead
# of Debian's linux-source-6.12; JOBS (default: nproc); V=1 for verbose kbuild.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
b="$top/build"
tarball=/usr/src/linux-source-6.12.tar.xz
tree="$b/linux"
jobs=${JOBS:-$(nproc)}

say() { printf '%s\n' "kernel: $*" >&2; }
die() { printf '%s\n' "kernel: error: $*" >&2; exit 1; }

# The pristine tree: KERNEL_SRC, or Debian's tarball unpacked once.
pristine() {
	if [ -n "${KERNEL_SRC:-}" ]; then
		[ -f "$KERNEL_SRC/Makefile" ] ||
			die "KERNEL_SRC=$KERNEL_SRC has no Makefile: point it at an unpacked Linux 6.12 tree"
		kernel_version "$KERNEL_SRC" | grep -q '^6\.12\.' ||
			die "KERNEL_SRC=$KERNEL_SRC is Linux $(kernel_version "$KERNEL_SRC"), not 6.12"
		(cd "$KERNEL_SRC" && pwd)
		return
	fi
	[ -f "$tarball" ] ||
		die "$tarball is missing: run 'make deps' (installs linux-source-6.12) or set KERNEL_SRC=DIR"
	local dir="$b/src/linux-source-6.12" id
	id=$(stat -c '%s %Y' "$tarball")
	if [ ! -f "$dir/.vs-unpacked" ] || [ "$(cat "$dir/.vs-unpacked")" != "$id" ]; then
		say "unpacking $tarball (once)"
		rm -rf "$dir"
		mkdir -p "$b/src"
		tar -xJf "$tarball" -C "$b/src"
		echo "$id" >"$dir/.vs-unpacked"
	fi
	echo "$dir"
}

kernel_version() {
	make -s -C "$1" kernelversion 2>/dev/null
}

# Files the hook patches touch, from their +++ lines.
patched_files() {
	local p
	while read -r p; do
		[ -n "$p" ] || continue
		sed -n 's|^+++ b/\([^[:space:]]*\).*|\1|p' "$top/patches/$p"
	done <"$top/patches/series" | LC_ALL=C sort -u
}

# Files the overlay adds: kernel/ at its in-tree paths, Kconfig.
overlay_files() {
	{
		(cd "$top/kernel" && find . -type f ! -name '*~' | sed 's|^\./||')
		echo kernel/vserver/Kconfig
	} | LC_ALL=C sort
}

overlay_src() {
	if [ "$1" = kernel/vserver/Kconfig ]; then
		echo "$top/Kconfig"
	else
		echo "$top/kernel/$1"
	fi
}

apply_patches() {
	local src=$1 p out
	while read -r p; do
		[ -n "$p" ] || continue
		[ -f "$top/patches/$p" ] || die "patches/series names $p, which does not exist"
		if ! out=$(patch -p1 -d "$tree" --fuzz=0 --no-backup-if-mismatch -r - \
			<"$top/patches/$p" 2>&1); then
			printf '%s\n' "$out" | sed 's/^/    /' >&2
			die "patches/$p does not apply to $src (see the hunk above; a patch must apply without fuzz)"
		fi
		if grep -q 'with fuzz' <<<"$out"; then
			printf '%s\n' "$out" | sed 's/^/    /' >&2
			die "patches/$p needs fuzz against $src"
		fi
		grep 'offset' <<<"$out" | sed "s|^|kernel: note: patches/$p: |" >&2 || true
	done <"$top/patches/series"
}

# build/linux = pristine + patches + overlay. Rebuilt from the pristine tree
# only when the patches change; the overlay is synced file by file so that an
# edit in kernel/ recompiles just that object.
cmd_tree() {
	local src sum old_files f dst
	src=$(pristine)
	sum=$( (echo "$src"; cat "$top/patches/series";
		while read -r p; do [ -z "$p" ] || cat "$top/patches/$p"; done <"$top/patches/series") |
		sha256sum | cut -d' ' -f1)
	if [ ! -f "$tree/.vs-patches" ] || [ "$(cat "$tree/.vs-patches")" != "$sum" ]; then
		old_files=$(cat "$tree/.vs-patched-files" 2>/dev/null || true)
		say "creating build/linux from $src"
		rm -rf "$tree"
		# Hard links are safe: patch(1) and the overlay below replace files,
		# they never write into the pristine inodes.
		cp -al "$src" "$tree" 2>/dev/null || cp -a "$src" "$tree"
		rm -f "$tree/.vs-unpacked"
		apply_patches "$src"
		patched_files >"$tree/.vs-patched-files"
		# A file a dropped patch touched is back to its pristine, older
		# mtime: touch it so that kbuild rebuilds what depends on it.
		for f in $old_files; do
			[ ! -e "$tree/$f" ] || { rm -f "$tree/$f.tmp"; cp "$tree/$f" "$tree/$f.tmp"; mv "$tree/$f.tmp" "$tree/$f"; }
		done
		rm -f "$tree/.vs-overlay"
		echo "$sum" >"$tree/.vs-patches"
	fi
	overlay_files >"$tree/.vs-overlay.new"
	while read -r f; do
		if [ -e "$src/$f" ]; then
			die "kernel/$f exists in the pristine tree: change existing files with a patch in patches/, not in kernel/"
		fi
		dst="$tree/$f"
		if ! cmp -s "$(overlay_src "$f")" "$dst"; then
			mkdir -p "$(dirname "$dst")"
			rm -f "$dst"
			cp "$(overlay_src "$f")" "$dst"
		fi
	done <"$tree/.vs-overlay.new"
	# Files removed from kernel/ since the last sync leave the tree too.
	if [ -f "$tree/.vs-overlay" ]; then
		LC_ALL=C comm -23 "$tree/.vs-overlay" "$tree/.vs-overlay.new" | while read -r f; do
			rm -f "$tree/$f"
		done
	fi
	mv "$tree/.vs-overlay.new" "$tree/.vs-overlay"
}

fragments_for() {
	case $1 in
	test) echo "base debug vserver" ;;
	novs) echo "base novs" ;;
	bench) echo "base bench bench-vserver" ;;
	vanilla) echo "base bench" ;;
	*) die "unknown flavor '$1' (test, novs, bench, vanilla)" ;;
	esac
}

# Every line of the fragments must hold in .config: a symbol that silently
# fails to get its value (missing dependency) would make tests meaningless.
verify_config() {
	local cfg=$1 frag=$2 line sym bad=0
	while read -r line; do
		case $line in
		CONFIG_*=*)
			grep -qxF "$line" "$cfg" && continue
			say "error: $(basename "$frag"): '$line' did not take effect (got: $(grep "^${line%%=*}=" "$cfg" || echo unset))"
			bad=1
			;;
		"# CONFIG_"*" is not set")
			sym=${line#\# }; sym=${sym%% *}
			grep -q "^$sym=" "$cfg" || continue
			say "error: $(basename "$frag"): $sym should be unset"
			bad=1
			;;
		esac
	done <"$frag"
	return $bad
}

cmd_build() {
	local flavor=$1 src obj frags merged sum f cc image
	frags=$(fragments_for "$flavor")
	if [ "$flavor" = vanilla ]; then
		# The unpatched baseline: built straight from the pristine tree
		# (O= keeps it read-only), so not one line of ours is in it.
		src=$(pristine)
	else
		cmd_tree
		src=$tree
	fi
	obj="$b/obj-$flavor"
	mkdir -p "$obj"
	merged="$obj/.vs-fragments"
	for f in $frags; do cat "$top/tests/config/$f.config"; done >"$merged.new"
	sum=$(cat "$merged.new" | sha256sum | cut -d' ' -f1)
	cc=gcc
	command -v ccache >/dev/null && cc="ccache gcc"
	# Paths below build/ are hashed relative to it, so every clone of the
	# project (CI clones afresh) shares one cache.
	export CCACHE_BASEDIR="$b"
	if [ ! -f "$obj/.config" ] || [ ! -f "$obj/.vs-config-sum" ] ||
		[ "$(cat "$obj/.vs-config-sum")" != "$sum" ]; then
		say "configuring $flavor: allnoconfig + $frags"
		mv "$merged.new" "$merged"
		make -s -C "$src" O="$obj" ARCH=x86_64 CC="$cc" \
			KCONFIG_ALLCONFIG="$merged" allnoconfig >/dev/null
		local bad=0
		for f in $frags; do
			verify_config "$obj/.config" "$top/tests/config/$f.config" || bad=1
		done
		if [ $bad = 1 ]; then
			rm -f "$obj/.vs-config-sum"
			die "the config fragments do not hold in build/obj-$flavor/.config: add the missing dependencies to tests/config/"
		fi
		echo "$sum" >"$obj/.vs-config-sum"
	else
		rm -f "$merged.new"
	fi
	say "building $flavor kernel in build/obj-$flavor ($jobs jobs)"
	make -C "$src" O="$obj" ARCH=x86_64 CC="$cc" -j"$jobs" \
		KBUILD_BUILD_TIMESTAMP="vserver" KBUILD_BUILD_USER=vserver \
		KBUILD_BUILD_HOST=build ${V:+V=$V} bzImage headers >"$obj/build.log" 2>&1 || {
		tail -n 40 "$obj/build.log" >&2
		die "$flavor kernel build failed; full log: build/obj-$flavor/build.log"
	}
	grep -E 'warning:' "$obj/build.log" >&2 || true
	image="$b/bzImage"
	[ "$flavor" = test ] || image="$b/bzImage-$flavor"
	cp "$obj/arch/x86/boot/bzImage" "$image.tmp"
	mv "$image.tmp" "$image"
	say "$flavor kernel $(kernel_version "$src") ready: ${image#"$top"/}"
}

# One tree, shared by every build: re-creating it under a running build
# breaks that build, so tree and build operations take turns. The lock is
# the machine's (VS_KERNEL_LOCK): builds of other clones would only halve
# each other's cores.
lock() {
	mkdir -p "$b"
	exec 9>"${VS_KERNEL_LOCK:-/tmp/vserver-kernel-build.lock}"
	if ! flock -n 9; then
		say "waiting for another kernel build to finish"
		flock 9
	fi
}

case ${1:-} in
tree) lock; cmd_tree ;;
build) [ $# -eq 2 ] || die "usage: scripts/kernel.sh build FLAVOR"; lock; cmd_build "$2" ;;
pristine) pristine ;;
files) { patched_files; overlay_files; } | LC_ALL=C sort -u ;;
*) die "usage: scripts/kernel.sh tree | build FLAVOR | pristine | files" ;;
esac
