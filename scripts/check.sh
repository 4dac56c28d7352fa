#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Static checks of the kernel code, as TAP: checkpatch --strict on every
# file in kernel/ and every hook patch, then a W=1 build of kernel/vserver/
# with sparse (C=2) that must print no warning. Needs the test kernel to be
# configured (make kernel). Exit status 1 on any failure.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
src=$("$top/scripts/kernel.sh" pristine) || exit 1
cp="$src/scripts/checkpatch.pl"
obj="$top/build/obj-test"
cd "$top"

files=$(find kernel -name '*.[ch]' | sort)
patches=$(grep -v '^[[:space:]]*$' patches/series)
total=$(($(wc -w <<<"$files") + $(wc -w <<<"$patches") + 1))
echo "1..$total"
n=0 failed=0
res() { # res OK? DESC [OUTPUT]
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else
		echo "not ok $n - $2"; failed=$((failed + 1))
		[ -z "${3:-}" ] || printf '%s\n' "$3" | sed 's/^/# /'
	fi
}

# --no-tree: the files are not in a kernel tree here; the SPDX check wants
# the tree's LICENSES/, which --no-tree skips. ENOSYS: checkpatch wants it
# for "no such syscall" only, but the VServer ABI (§1.5) returns it for an
# unknown command word and for a caller without CAP_CONTEXT, and
# util-vserver relies on that.
for f in $files; do
	out=$(perl "$cp" --no-tree --strict --terse --show-types --ignore ENOSYS -f "$f" 2>&1)
	grep -qE 'ERROR|WARNING|CHECK' <<<"$out"
	res $((1 - $?)) "checkpatch --strict $f" "$out"
done
for p in $patches; do
	# Hook patches carry a what/why header but no mail headers. On stdin,
	# because checkpatch reads a git-tracked path as a source file, not a patch.
	out=$(perl "$cp" --no-tree --strict --terse --show-types --no-signoff \
		--ignore COMMIT_MESSAGE,COMMIT_LOG_LONG_LINE - <"patches/$p" 2>&1)
	grep -qE 'ERROR|WARNING|CHECK' <<<"$out"
	res $((1 - $?)) "checkpatch --strict patches/$p" "$out"
done

if [ -f "$obj/.config" ] && grep -q '^CONFIG_VSERVER=y' "$obj/.config"; then
	"$top/scripts/kernel.sh" tree
	# Compile every file again: an object already up to date prints nothing.
	rm -f "$obj"/kernel/vserver/*.o "$obj"/kernel/vserver/tests/*.o
	out=$(make -s -C "$top/build/linux" O="$obj" ARCH=x86_64 W=1 C=2 \
		kernel/vserver/ 2>&1)
	rc=$?
	[ $rc = 0 ] && ! grep -qE 'warning|error' <<<"$out"
	res $? "kernel/vserver/ builds with W=1 and sparse (C=2) without a warning" "$out"
else
	res 1 "W=1 + sparse build of kernel/vserver/ (build/obj-test is not configured: run make kernel)"
fi
[ $failed = 0 ]
