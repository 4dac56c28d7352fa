#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The body of `make test-debian` once the tools, the kernel and the
# initramfs are built: the Debian guest's disk image (tests/debian/image.sh,
# cached), one VM boot with it as /dev/vda running the plan "debian"
# (tests/cli/debian.sh), then the summary, as `make test` prints it.
#   tests/debian/run.sh KERNEL
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
kernel=${1:?usage: tests/debian/run.sh KERNEL}
out=$top/build/test-debian
start=$(date +%s)
rm -rf "$out"
mkdir -p "$out/host"
cd "$top"

step() { printf '%s\n' "test-debian: $*" >&2; }

tests/debian/image.sh "$out/host/debian-image.tap"
echo "# exit status $?" >>"$out/host/debian-image.tap"
if [ -f build/debian/debian.img ]; then
	step "VM: the Debian guest (plan debian)"
	VS_VM_DISK=build/debian/debian.img tests/vm.sh test "$kernel" debian "$out/vm-debian"
fi

# The guest's init and rc scripts talk to /dev/console: none of it may reach
# the host's (the VM's serial console, console.log), as it did when the
# guest kept debootstrap's /dev.
if [ -f "$out/vm-debian/console.log" ]; then
	tr -d '\r' <"$out/vm-debian/console.log" | grep -av '^\[ *[0-9]*\.[0-9]*\]' |
		grep -aE 'INIT:|runlevel|startpar|Will now halt' >"$out/host/console-leak" || true
	{
		if [ -s "$out/host/console-leak" ]; then
			echo "not ok 1 - the Debian guest wrote nothing to the host's console"
			sed 's/^/# /' "$out/host/console-leak"
		else
			echo "ok 1 - the Debian guest wrote nothing to the host's console"
		fi
		echo "1..1"
	} >"$out/host/debian-console.tap"
fi

echo
echo "Summary ($(($(date +%s) - start))s after the builds; logs in build/test-debian/):"
sed -n 's/^\(ok\|not ok\) [0-9]* - /  host: /p' "$out/host/debian-image.tap"
sed -n 's/^# time: /  vm: /p' "$out/vm-debian/tap.log" 2>/dev/null | tr -d '\r'
tests/summarize.py --host "$out/host/debian-image.tap" --host "$out/host/debian-console.tap" \
	--vm "debian=$out/vm-debian"
