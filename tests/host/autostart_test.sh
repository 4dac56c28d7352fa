#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# vserver-autostart against a configuration root built here, with a stub
# in place of the vserver command that logs its arguments: which guests,
# in which order, with which status, and what is said about them.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/host/tap.sh"
prog=$top/build/bin/vserver-autostart
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vs-autostart.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$tmp/etc
log=$tmp/log

# guest NAME [MARK]: a guest directory, with apps/init/mark when MARK is given.
guest() {
	mkdir -p "$root/$1/apps/init"
	[ $# -lt 2 ] || echo "$2" >"$root/$1/apps/init/mark"
}
guest alpha default
guest beta web
guest charlie default
guest delta
guest zulu web
guest .hidden default
mkdir -p "$tmp/elsewhere/foxtrot/apps/init"
echo default >"$tmp/elsewhere/foxtrot/apps/init/mark"
ln -s "$tmp/elsewhere/foxtrot" "$root/foxtrot"
echo "not a guest" >"$root/README"
ln -s "$tmp/nowhere" "$root/dangling"

# The stub: logs "NAME ACTION" and, once, the root it was given. STUB_FAIL
# names a guest to fail (status 3), STUB_KILL one to die of SIGTERM.
# STUB_MEET makes alpha wait (up to 3 s, then fail) until charlie has begun.
mkdir -p "$tmp/bin"
stub=$tmp/bin/vserver
cat >"$stub" <<'EOF'
#!/bin/sh
echo "$1 $2" >>"$STUB_LOG"
echo "$VSERVER_CONFDIR" >"$STUB_LOG.confdir"
[ "$1" = charlie ] && : >"$STUB_LOG.charlie"
if [ "$1" = alpha ] && [ -n "${STUB_MEET:-}" ]; then
	i=0
	while [ ! -e "$STUB_LOG.charlie" ]; do
		i=$((i + 1)); [ $i -lt 30 ] || exit 4
		sleep 0.1
	done
fi
[ "$1" = "${STUB_FAIL:-}" ] && exit 3
[ "$1" = "${STUB_KILL:-}" ] && kill -TERM $$
exit 0
EOF
chmod +x "$stub"
export VSERVER_CONFDIR=$root VSERVER_CMD=$stub STUB_LOG=$log

# as ARGS...: run vserver-autostart with a fresh log; $calls is the log.
as() {
	rm -f "$log" "$log".*
	run "$prog" "$@"
	calls=$(cat "$log" 2>/dev/null)
}
nl() { printf '%s\n' "$@"; }

as start
is "start: exit status 0" 0 "$rc"
is "start: the default group, in name order; no dot dirs, files, unmarked guests" \
	"$(nl 'alpha start' 'charlie start' 'foxtrot start')" "$calls"
is "start: one progress line per guest" \
	"$(nl 'Starting guest alpha... ok' 'Starting guest charlie... ok' \
		'Starting guest foxtrot... ok')" "$out"
is "start: nothing on stderr" "" "$err"
is "start: VSERVER_CONFDIR is passed on to vserver" "$root" "$(cat "$log.confdir" 2>/dev/null)"

as stop
is "stop: exit status 0" 0 "$rc"
is "stop: the default group in reverse order" \
	"$(nl 'foxtrot stop' 'charlie stop' 'alpha stop')" "$calls"
is "stop: progress lines" \
	"$(nl 'Stopping guest foxtrot... ok' 'Stopping guest charlie... ok' \
		'Stopping guest alpha... ok')" "$out"

as start web
is "start web: only that group" "$(nl 'beta start' 'zulu start')" "$calls"

as start web default
is "start web default: group by group, in the order given" \
	"$(nl 'beta start' 'zulu start' 'alpha start' 'charlie start' 'foxtrot start')" "$calls"
as stop web default
is "stop web default: the exact reverse" \
	"$(nl 'foxtrot stop' 'charlie stop' 'alpha stop' 'zulu stop' 'beta stop')" "$calls"

as start default default
is "a group named twice counts once" \
	"$(nl 'alpha start' 'charlie start' 'foxtrot start')" "$calls"

as start nosuch
is "start of a group without guests: status 0, nothing run" "0:" "$rc:$calls$out$err"

STUB_FAIL=charlie as start
is "a failing guest: exit status 1" 1 "$rc"
is "a failing guest: the others are still started" \
	"$(nl 'alpha start' 'charlie start' 'foxtrot start')" "$calls"
is "a failing guest: its line says failed and why" \
	"$(nl 'Starting guest alpha... ok' 'Starting guest charlie... failed (exit status 3)' \
		'Starting guest foxtrot... ok')" "$out"

STUB_KILL=alpha as stop
is "a killed vserver command: exit status 1" 1 "$rc"
like "a killed vserver command: named with its signal" \
	'^Stopping guest alpha\.\.\. failed \(killed by SIGTERM\)$' "$out"

VSERVER_CMD=$tmp/no-such-vserver as start
is "a missing vserver command: exit status 1" 1 "$rc"
like "a missing vserver command: each guest failed, with the reason" \
	"^Starting guest foxtrot\.\.\. failed \(cannot run $tmp/no-such-vserver: No such file or directory\)$" \
	"$out"
is "a missing vserver command: three lines" 3 "$(grep -c failed <<<"$out")"

as --dry-run stop
is "--dry-run: status 0" 0 "$rc"
is "--dry-run: prints the commands in order" \
	"$(nl "$stub foxtrot stop" "$stub charlie stop" "$stub alpha stop")" "$out"
is "--dry-run: runs nothing" "" "$calls"

# Without VSERVER_CMD: "vserver", from PATH.
rm -f "$log"
out=$(unset VSERVER_CMD; PATH=$tmp/bin:$PATH "$prog" -n start web)
is "-n without VSERVER_CMD: vserver from PATH" "$(nl 'vserver beta start' 'vserver zulu start')" "$out"
(unset VSERVER_CMD; PATH=$tmp/bin:$PATH "$prog" start web >/dev/null)
is "without VSERVER_CMD: runs vserver from PATH" "$(nl 'beta start' 'zulu start')" \
	"$(cat "$log" 2>/dev/null)"

STUB_MEET=1 as --parallel 2 start
is "--parallel 2: alpha and charlie run at the same time (status 0)" 0 "$rc"
is "--parallel 2: every guest, once" \
	"$(nl 'alpha start' 'charlie start' 'foxtrot start')" "$(sort <<<"$calls")"
is "--parallel 2: three whole progress lines" \
	"$(nl 'Starting guest alpha... ok' 'Starting guest charlie... ok' \
		'Starting guest foxtrot... ok')" "$(sort <<<"$out")"
STUB_MEET=1 as start
is "without --parallel the same guests run one by one (alpha gives up: status 1)" 1 "$rc"
STUB_FAIL=foxtrot as -j 3 stop
is "--parallel with a failing guest: exit status 1" 1 "$rc"
like "--parallel with a failing guest: its line" \
	'^Stopping guest foxtrot\.\.\. failed \(exit status 3\)$' "$out"

# A broken configuration: reported on one line, skipped, status 1.
guest broken default
echo web >"$root/broken/context"
as start
is "broken config: exit status 1" 1 "$rc"
is "broken config: the other guests are still started" \
	"$(nl 'alpha start' 'charlie start' 'foxtrot start')" "$calls"
is "broken config: one line on stderr" 1 "$(grep -c . <<<"$err")"
like "broken config: names the guest, the file and the value" \
	"^vserver-autostart: guest 'broken' skipped: context: 'web' is not a number" "$err"
as -n start web
is "broken config: --dry-run fails too" 1 "$rc"
rm -rf "$root/broken"

VSERVER_CONFDIR=$tmp/none as start
is "a missing configuration root: nothing to do, status 0" "0:" "$rc:$calls$out$err"
VSERVER_CONFDIR=$root/README as start
is "a configuration root that is a file: status 1" 1 "$rc"
like "a configuration root that is a file: says so" "cannot open $root/README: Not a directory" "$err"

as
is "no action: usage error (2)" 2 "$rc"
like "no action: says so" "no action given" "$err"
as restart
is "unknown action: usage error (2)" 2 "$rc"
as --parallel 0 start
is "--parallel 0: usage error (2)" 2 "$rc"
as start ""
is "an empty group: usage error (2)" 2 "$rc"
as --bogus start
is "unknown option: usage error (2)" 2 "$rc"
is "usage errors run nothing" "" "$calls"
as --help
is "--help: status 0" 0 "$rc"
like "--help: usage on stdout" '^Usage: vserver-autostart ' "$out"
as --version
like "--version" '^vserver-autostart \(vserver tools\) ' "$out"

done_testing
