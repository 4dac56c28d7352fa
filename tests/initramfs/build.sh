#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the test VM's initramfs with the kernel's gen_init_cpio: no root,
# no mknod, reproducible.
#   tests/initramfs/build.sh OUT.cpio         the base image
#   tests/initramfs/build.sh --extra OUT.cpio DIR CMD
#                            a second archive holding DIR as /extra and CMD
#                            as /etc/vs-cmd; the kernel unpacks concatenated
#                            archives in order.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
b="$top/build"
gen="$b/tools/gen_init_cpio"

die() { printf 'initramfs: error: %s\n' "$*" >&2; exit 1; }

build_gen() {
	local src
	src="$("$top/scripts/kernel.sh" pristine)/usr/gen_init_cpio.c"
	if [ ! -x "$gen" ] || [ "$src" -nt "$gen" ]; then
		mkdir -p "$(dirname "$gen")"
		cc -O2 -o "$gen" "$src"
	fi
}

# Print gen_init_cpio lines for the tree DIR placed at DEST.
tree_list() {
	local dir=$1 dest=$2 p rel mode
	echo "dir $dest 0755 0 0"
	(cd "$dir" && find . -mindepth 1 | LC_ALL=C sort) | while read -r p; do
		rel=${p#./}
		mode=$(stat -c '%a' "$dir/$rel")
		if [ -L "$dir/$rel" ]; then
			echo "slink $dest/$rel $(readlink "$dir/$rel") 0777 0 0"
		elif [ -d "$dir/$rel" ]; then
			echo "dir $dest/$rel $mode 0 0"
		elif [ -f "$dir/$rel" ]; then
			echo "file $dest/$rel $dir/$rel $mode 0 0"
		fi
	done
}

base_list() {
	local d a
	for d in /bin /sbin /usr /usr/bin /usr/sbin /etc /root /proc /sys /dev /tmp \
		/run /var /usr/local /usr/local/bin /tests /tests/kselftest /tests/cli; do
		echo "dir $d 0755 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "nod /dev/null 0666 0 0 c 1 3"
	echo "file /init $top/tests/initramfs/init 0755 0 0"
	echo "file /bin/busybox /bin/busybox 0755 0 0"
	for a in $(/bin/busybox --list-full); do
		case $a in bin/busybox | linuxrc) continue ;; esac
		echo "slink /$a /bin/busybox 0777 0 0"
	done
	echo "file /etc/banner $top/tests/initramfs/banner 0644 0 0"
	echo "file /etc/profile $top/tests/initramfs/profile 0644 0 0"
	printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$b/initramfs/passwd"
	printf 'root:x:0:\ntty:x:5:\nnogroup:x:65534:\n' >"$b/initramfs/group"
	echo "file /etc/passwd $b/initramfs/passwd 0644 0 0"
	echo "file /etc/group $b/initramfs/group 0644 0 0"
	# The project's tools and test programs, built -static.
	for f in "$b"/static/bin/*; do
		[ -e "$f" ] && echo "file /usr/local/bin/$(basename "$f") $f 0755 0 0"
	done
	for f in "$b"/helpers/*; do
		[ -e "$f" ] && echo "file /usr/local/bin/$(basename "$f") $f 0755 0 0"
	done
	for f in "$b"/selftests/*_test; do
		[ -e "$f" ] && echo "file /tests/kselftest/$(basename "$f") $f 0755 0 0"
	done
	for f in "$top"/tests/cli/*.sh; do
		[ -e "$f" ] && echo "file /tests/cli/$(basename "$f") $f 0755 0 0"
	done
	for f in "$top"/tests/plans/plan-*; do
		echo "file /tests/$(basename "$f") $f 0644 0 0"
	done
}

[ -x /bin/busybox ] && /bin/busybox --list-full >/dev/null ||
	die "/bin/busybox (busybox-static) is missing: run 'make deps'"
build_gen
mkdir -p "$b/initramfs"
if [ "${1:-}" = --extra ]; then
	[ $# -eq 4 ] || die "usage: build.sh --extra OUT.cpio DIR CMD"
	out=$2 dir=$3 cmd=$4
	printf '%s\n' "$cmd" >"$b/initramfs/vs-cmd"
	{
		echo "file /etc/vs-cmd $b/initramfs/vs-cmd 0644 0 0"
		if [ -n "$dir" ]; then
			[ -d "$dir" ] || die "EXTRA=$dir is not a directory"
			tree_list "$(cd "$dir" && pwd)" /extra
		fi
	} >"$b/initramfs/extra.list"
	"$gen" "$b/initramfs/extra.list" >"$out.tmp"
else
	out=$1
	base_list >"$b/initramfs/base.list"
	"$gen" "$b/initramfs/base.list" >"$out.tmp"
fi
mv "$out.tmp" "$out"
