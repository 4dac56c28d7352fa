#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# `make install` puts the systemd units (SBINDIR substituted), the bash
# completion and vserver-autostart where they belong, for the default
# PREFIX and for PREFIX=/usr, under DESTDIR. The units' required keys are
# checked with grep; then, when systemd-analyze is installed, `systemd-analyze
# verify` must accept them without a word (when it is not, that test says
# SKIP: the grep checks are then all there is).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/host/tap.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vs-install.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$top" || exit 1

# inst DIR VAR=VALUE...: make install into DIR; the status is in $rc.
inst() {
	local d=$1
	shift
	run make -s --no-print-directory install DESTDIR="$d" "$@"
	[ "$rc" = 0 ] || printf '%s\n' "$out" "$err" | tail -n 20 | sed 's/^/# /'
}

inst "$tmp/d"
is "make install DESTDIR=... succeeds" 0 "$rc"
u=$tmp/d/usr/local/lib/systemd/system
for f in vserver@.service vservers.target vservers-default.service; do
	check "installs $f in PREFIX/lib/systemd/system, mode 644" \
		test "$(stat -c %a "$u/$f" 2>/dev/null)" = 644
done
is "vserver@.service: ExecStart and ExecStop with SBINDIR substituted" \
	"$(printf '%s\n' 'ExecStart=/usr/local/sbin/vserver %i start' \
		'ExecStop=/usr/local/sbin/vserver %i stop')" \
	"$(grep '^Exec' "$u/vserver@.service" 2>&1)"
is "vservers-default.service: runs vserver-autostart start/stop default" \
	"$(printf '%s\n' 'ExecStart=/usr/local/sbin/vserver-autostart start default' \
		'ExecStop=/usr/local/sbin/vserver-autostart stop default')" \
	"$(grep '^Exec' "$u/vservers-default.service" 2>&1)"
is "no @...@ left in the installed units" "" "$(grep -l '@[A-Z]*@' "$u"/* 2>&1)"
check "vserver-autostart is installed in SBINDIR" test -x "$tmp/d/usr/local/sbin/vserver-autostart"
check "its man page is installed" test -f "$tmp/d/usr/local/share/man/man8/vserver-autostart.8"
c=$tmp/d/usr/local/share/bash-completion/completions
check "the completion is installed as completions/vserver" cmp completion/vserver.bash "$c/vserver"
is "completions/vserver-autostart is a link to it" vserver "$(readlink "$c/vserver-autostart")"

inst "$tmp/u" PREFIX=/usr
is "make install PREFIX=/usr: status 0" 0 "$rc"
is "PREFIX=/usr: units in /usr/lib/systemd/system, naming /usr/sbin" \
	"ExecStart=/usr/sbin/vserver %i start" \
	"$(grep '^ExecStart' "$tmp/u/usr/lib/systemd/system/vserver@.service" 2>&1)"
check "PREFIX=/usr: completion in /usr/share/bash-completion/completions" \
	test -f "$tmp/u/usr/share/bash-completion/completions/vserver"
inst "$tmp/s" SBINDIR=/sbin SYSTEMDUNITDIR=/lib/systemd/system
is "SBINDIR and SYSTEMDUNITDIR are honoured" "ExecStop=/sbin/vserver-autostart stop default" \
	"$(grep '^ExecStop' "$tmp/s/lib/systemd/system/vservers-default.service" 2>&1)"

# The keys that make these units what they are, whatever systemd says.
keys() { # keys UNIT LINE...: each LINE is in UNIT
	local f=$u/$1 l missing=""
	shift
	for l in "$@"; do grep -qxF -- "$l" "$f" 2>/dev/null || missing+=" '$l'"; done
	is "$(basename "$f") has$(printf " %s" "$@")" "" "$missing"
}
keys vserver@.service '[Service]' Type=oneshot RemainAfterExit=yes TimeoutStopSec=180 \
	'Documentation=man:vserver(8) man:vserver-autostart(8)' PartOf=vservers.target \
	'[Install]' WantedBy=vservers.target
keys vservers.target '[Install]' WantedBy=multi-user.target
keys vservers-default.service '[Service]' Type=oneshot RemainAfterExit=yes TimeoutSec=0 \
	'[Install]' WantedBy=multi-user.target

# systemd-analyze verify wants the commands to exist at their real path:
# install with PREFIX inside $tmp instead of DESTDIR.
if ! command -v systemd-analyze >/dev/null; then
	skip "systemd-analyze verify accepts the units" \
		"systemd-analyze is not installed: only the grep checks above ran"
else
	p=$tmp/p
	inst "" PREFIX="$p"
	pu=$p/lib/systemd/system
	ln -s vserver@.service "$pu/vserver@web.service"
	# --man=no: the man pages are installed under $tmp, not where man(1)
	# looks; no other check is skipped.
	run systemd-analyze verify --man=no "$pu/vserver@web.service" "$pu/vservers.target" \
		"$pu/vservers-default.service"
	is "systemd-analyze verify: status 0 and no message" "0:" "$rc:$out$err"
fi

done_testing
