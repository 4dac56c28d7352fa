#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The body of `make test` once everything is built: static checks, host
# tests, the patch test, the VM suites, then one summary. Keeps going after a
# failure so that every suite is counted; exits 1 if anything failed.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
version=${1:?usage: run-all.sh VERSION}
out="$top/build/test"
start=$(date +%s)
rm -rf "$out"
mkdir -p "$out/host"
cd "$top"

step() { printf '%s\n' "test: $*" >&2; }

step "static checks (checkpatch, W=1, sparse)"
scripts/check.sh >"$out/host/check.tap" 2>&1
echo "# exit status $?" >>"$out/host/check.tap"

step "make patch"
scripts/mkpatch.sh "$version" || step "make patch FAILED"

step "host tests"
tests/host/run.sh "$out/host"

step "VM: test kernel (KUnit, kselftests, CLI)"
tests/vm.sh test build/bzImage test "$out/vm-test"
step "VM: patched kernel with CONFIG_VSERVER=n"
tests/vm.sh test build/bzImage-novs novs "$out/vm-novs"

echo
echo "Summary ($(($(date +%s) - start))s after the builds; logs in build/test/):"
tests/summarize.py $(printf -- '--host %s ' "$out"/host/*.tap) \
	--vm "test=$out/vm-test" --vm "novs=$out/vm-novs" --kunit vserver_switch \
	--kunit vserver_ccaps --kunit vserver_network
