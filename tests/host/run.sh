#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Run the host-side tests: build/host/*_test programs and tests/host/*_test.sh
# scripts. Each writes TAP to OUTDIR/NAME.tap, with its exit status appended.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$top/build/test/host}
mkdir -p "$out"
cd "$top"
rc=0
for t in build/host/*_test tests/host/*_test.sh; do
	[ -e "$t" ] || continue
	name=$(basename "$t"); name=${name%.sh}
	s=0
	"./$t" >"$out/$name.tap" 2>&1 || s=$?
	echo "# exit status $s" >>"$out/$name.tap"
	printf '  host[%s] %s\n' "$name" "$([ $s = 0 ] && echo ok || echo FAILED)" >&2
	[ $s = 0 ] || rc=1
done
exit $rc
