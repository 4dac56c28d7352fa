#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# `make patch` output applies to a pristine tree and gives the tree that
# `make kernel` builds. Needs scripts/mkpatch.sh to have run (make test does).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
src=$("$top/scripts/kernel.sh" pristine)
tree="$top/build/linux"
diff=$(ls -t "$top"/build/patch-*-vs*.diff 2>/dev/null | head -n1)
scratch="$top/build/test/patch-scratch"
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

echo "1..5"
if [ -n "$diff" ] && [ -s "$diff" ]; then ok "patch file ${diff##*/} exists"; else nok "patch file exists (run make patch)"; fi

if out=$(patch -p1 --dry-run --fuzz=0 -d "$src" <"$diff" 2>&1); then
	ok "applies to the pristine tree without fuzz (dry run)"
else
	nok "applies to the pristine tree without fuzz (dry run)"
	printf '%s\n' "$out" | sed 's/^/# /'
fi

rm -rf "$scratch"
mkdir -p "$(dirname "$scratch")"
cp -al "$src" "$scratch" 2>/dev/null || cp -a "$src" "$scratch"
rm -f "$scratch/.vs-unpacked"
if patch -p1 -s --fuzz=0 -d "$scratch" <"$diff" >/dev/null 2>&1; then
	ok "applies with patch -p1 to a copy of the pristine tree"
else
	nok "applies with patch -p1 to a copy of the pristine tree"
fi

# Untouched files are hard links shared by both trees, so this is quick.
if d=$(diff -r --exclude='.vs-*' "$scratch" "$tree" 2>&1); then
	ok "the patched copy is identical to build/linux"
else
	nok "the patched copy is identical to build/linux"
	printf '%s\n' "$d" | head -n 20 | sed 's/^/# /'
fi

missing=$("$top/scripts/kernel.sh" files | while read -r f; do
	grep -qxF "+++ b/$f" "$diff" || echo "$f"; done)
if [ -z "$missing" ]; then ok "every overlay and hook file is in the patch"; else
	nok "every overlay and hook file is in the patch"; echo "# missing: $missing"; fi
rm -rf "$scratch"
[ $failed = 0 ]
