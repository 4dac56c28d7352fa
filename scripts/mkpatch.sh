#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Write build/patch-<kernelversion>-vs<VERSION>.diff: every file the project
# adds (kernel/, Kconfig) and every hook (patches/), as one diff that applies
# with `patch -p1` to a pristine Linux 6.12 tree.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
version=${1:?usage: mkpatch.sh VERSION}
"$top/scripts/kernel.sh" tree
src=$("$top/scripts/kernel.sh" pristine)
tree="$top/build/linux"
kver=$(make -s -C "$src" kernelversion)
out="$top/build/patch-$kver-vs$version.diff"
{
	cat <<HDR
Linux-VServer $version for Linux $kver (VCI 0x00020308)

Apply to a pristine 6.12 tree with:  patch -p1 < ${out##*/}
then enable CONFIG_VSERVER and add "vserver" to CONFIG_LSM.

New files: kernel/vserver/, include/uapi/linux/vserver/, include/linux/vserver.h,
include/net/vserver.h.
Hooks into existing files, one topic each:
HDR
	while read -r p; do
		[ -n "$p" ] || continue
		printf '\n* %s\n' "$p"
		# The patch's own header, up to its first diff line.
		sed -n '/^--- /q; s/^/  /p' "$top/patches/$p" | sed 's/[[:space:]]*$//'
	done <"$top/patches/series"
	echo
	"$top/scripts/kernel.sh" files | while read -r f; do
		old="$src/$f"
		[ -e "$old" ] || old=/dev/null
		diff -u --label "a/$f" --label "b/$f" "$old" "$tree/$f" || [ $? = 1 ]
	done
} >"$out.tmp"
mv "$out.tmp" "$out"
echo "patch: ${out#"$top"/} ($(grep -c '^+++ ' "$out") files)" >&2
