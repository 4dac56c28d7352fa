#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Install the Debian 12 packages the build and the tests need. Idempotent and
# silent when everything is there; otherwise says what it installs.
set -euo pipefail

pkgs=(
	build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils kmod
	perl python3 ccache sparse
	linux-source-6.12	# the kernel tree (bookworm-security)
	qemu-system-x86		# the test VM
	busybox-static		# the VM's userland
	libcap-dev		# capability names for the tools (libcap)
	iproute2
	debootstrap e2fsprogs	# make test-debian: the Debian guest and its disk image
	gnuplot-nox		# the chart of `make bench`
)

missing=()
for p in "${pkgs[@]}"; do
	s=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$s" = installed ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps: installing ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" != 0 ]; then
	command -v sudo >/dev/null ||
		{ echo "deps: error: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2; exit 1; }
	sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh machine's package lists may predate the packages: update first.
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
	{ echo "deps: error: apt-get install ${missing[*]} failed (linux-source-6.12 comes from bookworm-security: is it in /etc/apt/sources.list?)" >&2; exit 1; }
