#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The Debian guest of `make test-debian`, as an ext4 disk image for the VM.
#
#   tests/debian/image.sh OUT.tap
#
# Builds the guest with the project's own `vserver NAME build -m debootstrap`
# on this host (the host kernel needs no vserver support for a build: it only
# warns that the chroot barrier waits for `vserver start`), into
# build/debian/tree:
#   tree/deb/           the guest's root (--rootdir build/debian/tree)
#   tree/config/deb/    its configuration (VSERVER_CONFDIR=build/debian/tree/config)
# then packs the tree into build/debian/debian.img with `mke2fs -d` (no loop
# mount). Both are cached: debootstrap runs again only when the stamp
# build/debian/tree/.complete is missing or was made with other settings or
# another util-vserver/vserver/build.c, the image only when it is older
# than the stamp.
#
# Writes TAP (one line per step, with its time) to OUT.tap and says what it
# does on stderr. Needs root (debootstrap) and the network (the mirror).
# Environment: VS_DEBIAN_SUITE (default bookworm), VS_DEBIAN_MIRROR (default
# http://deb.debian.org/debian).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
tap=${1:?usage: tests/debian/image.sh OUT.tap}
d=$top/build/debian
tree=$d/tree
img=$d/debian.img
suite=${VS_DEBIAN_SUITE:-bookworm}
mirror=${VS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# procps: the test runs the guest's own ps.
include=procps
xid=120
# The code that makes the guest is part of the key: a changed build method
# builds the guest again.
method=$(sha256sum "$top/util-vserver/vserver/build.c" | cut -c1-12)
settings="suite=$suite mirror=$mirror include=$include xid=$xid build.c=$method"

say() { printf 'test-debian: %s\n' "$*" >&2; }
n=0
result() { # result OK? DESC
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi >>"$tap"
}
finish() { echo "1..$n" >>"$tap"; exit "$1"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

mkdir -p "$d" "$(dirname "$tap")"
: >"$tap"

if [ "$(id -u)" != 0 ]; then
	say "debootstrap needs root: run make test-debian as root"
	result 1 "the Debian guest is built (needs root)"
	finish 1
fi

# --- the guest, with vserver's build method -----------------------------------
if [ -f "$tree/.complete" ] && [ "$(cat "$tree/.complete")" = "$settings" ]; then
	say "Debian guest: cached in $tree ($settings)"
	result 0 "the Debian guest is built (cached)"
else
	say "Debian guest: vserver deb build -m debootstrap ($suite from $mirror; a minute or two)"
	rm -rf "$tree" "$img"
	mkdir -p "$tree"
	t0=$(now)
	rc=0
	VSERVER_CONFDIR=$tree/config "$top/build/bin/vserver" deb build -m debootstrap \
		--context $xid --rootdir "$tree" -- -d "$suite" -m "$mirror" -- \
		--include=$include >"$d/build.log" 2>&1 || rc=$?
	t=$(secs "$t0" "$(now)")
	if [ $rc != 0 ] || [ ! -x "$tree/deb/sbin/init" ]; then
		say "the build failed (status $rc); the last lines of $d/build.log:"
		tail -n 15 "$d/build.log" >&2
		result 1 "vserver deb build -m debootstrap (status $rc, ${t}s; see build/debian/build.log)"
		finish 1
	fi
	echo "$settings" >"$tree/.complete"
	result 0 "vserver deb build -m debootstrap (${t}s, $(du -sm "$tree/deb" | cut -f1) MB)"
fi

# --- the disk image ---------------------------------------------------------------
if [ -f "$img" ] && [ "$img" -nt "$tree/.complete" ]; then
	say "disk image: cached in $img"
	result 0 "the ext4 image is made (cached)"
else
	say "disk image: mke2fs -d $tree"
	t0=$(now)
	# Room for what the guest writes while it runs (the VM discards it).
	mb=$(($(du -sm "$tree" | cut -f1) * 5 / 4 + 128))
	rm -f "$img"
	rc=0
	mke2fs -q -F -t ext4 -L vs-debian -d "$tree" "$img.tmp" "${mb}M" >"$d/mke2fs.log" 2>&1 ||
		rc=$?
	t=$(secs "$t0" "$(now)")
	if [ $rc != 0 ]; then
		say "mke2fs failed (status $rc):"
		cat "$d/mke2fs.log" >&2
		rm -f "$img.tmp"
		result 1 "the ext4 image is made (mke2fs status $rc)"
		finish 1
	fi
	mv "$img.tmp" "$img"
	result 0 "the ext4 image is made (${t}s, ${mb} MB)"
fi
finish 0
