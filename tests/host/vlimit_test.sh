#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# vlimit's command line, on the host: the usage errors (exit 2, before any
# call), then what it asks of a kernel, against a fake one
# (tests/host/fake_vserver.c, preloaded) that logs each limit command: the
# -M/-S/-H selection, --dir and its precedence, the -a listing and its
# JSON, the first refused limit stopping everything. The test kernel has no
# limits yet, so tests/cli/vlimit.sh can only see ENOSYS; this is where the
# rest is tested until then.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/host/tap.sh"
prog=$top/build/bin/vlimit
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vs-vlimit.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
log=$tmp/log
: >"$log"

fake=$tmp/fake_vserver.so
if ! ${CC:-cc} -shared -fPIC -O2 -Wall -Wextra -Werror -I"$top/build/include" \
	-o "$fake" "$top/tests/host/fake_vserver.c" -ldl 2>"$tmp/cc.err"; then
	_result 1 "the fake kernel builds"
	sed 's/^/# /' "$tmp/cc.err"
	done_testing
	exit
fi

# vl ARGS...: vlimit against the fake kernel; $calls is what it asked.
vl() {
	: >"$log"
	run env LD_PRELOAD="$fake" FAKE_VS_LOG="$log" "$prog" "$@"
	calls=$(cat "$log")
}

# --- usage errors: exit 2, and not one system call ------------------------

# usage DESC ERE ARGS...: vlimit ARGS exits 2 with ERE in its message; any
# vserver call would have aborted it (FAKE_VS_ABORT).
usage() {
	local d=$1 re=$2
	shift 2
	FAKE_VS_ABORT=1 vl "$@"
	is "usage error, exit 2, no call: $d" 2 "$rc"
	like "... said: $d" "$re" "$err"
}

usage "no action" "nothing to do" --xid 42
usage "an unknown resource" "unrecognized option '--bogus'" --xid 42 --bogus 1
usage "a resource id above 23" "unrecognized option '--24'" --xid 42 --24 1
usage "an ambiguous abbreviation" "ambiguous" --xid 42 --ns 1
usage "a value that is no number" "invalid nproc limit 'abc': expected a number" \
	--xid 42 --nproc abc
usage "a negative value" "invalid nofile limit '-1'" --xid 42 --nofile -1
usage "an unknown unit" "invalid nproc limit '1G'" --xid 42 --nproc 1G
usage "an empty value" "invalid nproc limit ''" --xid 42 --nproc ''
usage "a value too large" "too large \(at most 0xfffffffffffffffd, or inf\)" \
	--xid 42 --nproc 0xfffffffffffffffe
usage "16E in K is too large" "too large" --xid 42 --nproc 18014398509481984K
usage "a bad value after a good one" "invalid dentry limit 'x'" \
	--xid 42 --nproc 10 --dentry x
usage "a bad context" "invalid context 'web'" --xid web --nproc 1
usage "-S with no resource after it" "none follows" --xid 42 --nproc 1 -S
usage "--missingok without --dir" "--missingok goes with --dir" --xid 42 -a --missingok
usage "--json without -a" "--json go with -a" --xid 42 --json --nproc 1
usage "-d without -a" "go with -a" --xid 42 -d --nproc 1
run "$prog" --help
is "--help exits 0" 0 "$rc"
like "--help: the usage" "^Usage: vlimit \[--xid XID\]" "$out"
like "--help: says this kernel has no limits yet" "no context limits yet" "$out"

# --- against the fake kernel ----------------------------------------------

vl --xid 42 --nproc 100
is "--nproc 100 sets the hard limit, keeps the others" "set_rlimit 42 6 keep keep 100" "$calls"
is "... exit 0" 0 "$rc"
vl --xid 42 -S --nproc 10 --nofile 20
is "-S applies to the next resource only; then the hard one again" \
	"$(printf '%s\n' "set_rlimit 42 6 keep 10 keep" "set_rlimit 42 7 keep keep 20")" "$calls"
vl --xid 42 -M -S -H --nsock inf
is "-M -S -H together: all three" "set_rlimit 42 16 inf inf inf" "$calls"
vl --xid 42 --soft --nproc 5 --hard --nproc 9
is "--soft and --hard for one resource, in two options" "set_rlimit 42 6 keep 5 9" "$calls"
vl --xid 42 --openfd 0x10 --locks 2K --shmem 3m --dentry 1M --msgqueue 4k
is "hex and the units K, M (1024) and k, m (1000), in id order" \
	"$(printf '%s\n' "set_rlimit 42 10 keep keep 2048" "set_rlimit 42 12 keep keep 4000" \
		"set_rlimit 42 17 keep keep 16" "set_rlimit 42 19 keep keep 3000000" \
		"set_rlimit 42 22 keep keep 1048576")" "$calls"
vl --xid 42 --6 7
is "a resource by its id: --6" "set_rlimit 42 6 keep keep 7" "$calls"
vl --xid 42 --NPROC 7
is "resource names are case-sensitive options, as util-vserver's" 2 "$rc"
vl --nproc 3
is "no --xid: the caller's own context (task_xid), here the host" "" "$calls"
is "... which has no limits: exit 1" 1 "$rc"
like "... said so" "context 0 is the host, which has no limits: give --xid" "$err"
vl --xid self --nproc 3
is "--xid self as well" 1 "$rc"
FAKE_VS_XID=77 vl --nproc 3
is "inside context 77, no --xid means 77" "set_rlimit 77 6 keep keep 3" "$calls"

vl --xid 42 --cpu 1 --nproc 10
is "a limit the kernel refuses: exit 1" 1 "$rc"
is "... and nothing after it is set" "set_rlimit 42 0 keep keep 1" "$calls"
like "... named" "cannot set the cpu limit of context 42: Invalid argument" "$err"
FAKE_VS_SET_ERRNO=38 vl --xid 42 --nproc 10 -- touch "$tmp/ran"
is "ENOSYS: exit 1" 1 "$rc"
like "... one line naming the limit and the context" \
	"^vlimit: cannot set the nproc limit of context 42: Function not implemented$" "$err"
like "... a hint: the kernel has the patch but no limits" \
	"^Hint: this kernel has the vserver patch, but no context limits yet\.$" "$err"
check "... and COMMAND is not run" test ! -e "$tmp/ran"
vl --xid 42 --nproc 10 -- touch "$tmp/ran"
check "COMMAND runs after the limits are set" test -e "$tmp/ran"
vl --xid 42 --nproc 10 -- sh -c 'exit 7'
is "... with its exit status" 7 "$rc"
vl --xid 42 --nproc 10 -- "$tmp/no-such-program"
is "... 127 when it does not exist" 127 "$rc"

# --dir: util-vserver's rlimits/ directory
d=$tmp/rlimits
mkdir -p "$d"
echo 100 >"$d/nproc"
echo 50 >"$d/nproc.soft"
printf '0x20\n\n' >"$d/nofile.hard"
echo inf >"$d/nsock.min"
echo 9 >"$d/README"
vl --xid 42 --dir "$d"
is "--dir: RES sets all three, RES.soft/.hard/.min one each, in id order" \
	"$(printf '%s\n' "set_rlimit 42 6 100 50 100" "set_rlimit 42 7 keep keep 32" \
		"set_rlimit 42 16 inf keep keep")" "$calls"
vl --xid 42 --nproc 7 --dir "$d"
is "--dir: a resource given on the command line ignores its files" \
	"$(printf '%s\n' "set_rlimit 42 6 keep keep 7" "set_rlimit 42 7 keep keep 32" \
		"set_rlimit 42 16 inf keep keep")" "$calls"
vl --xid 42 --dir "$tmp/none"
is "--dir: a missing directory fails" 1 "$rc"
like "... named" "cannot open $tmp/none: No such file or directory" "$err"
vl --xid 42 --dir "$tmp/none" --missingok -- true
is "--missingok: no directory, nothing set, COMMAND runs" "0:" "$rc:$calls"
echo 12x >"$d/dentry.hard"
vl --xid 42 --dir "$d"
is "--dir: a bad value fails before any limit is set" "1:" "$rc:$calls"
like "... naming the file and the value" "$d/dentry.hard: '12x' is not a limit" "$err"
rm "$d/dentry.hard"

# -a: get_rlimit_mask, then get_rlimit for each resource in it
FAKE_VS_LIMIT_6=50,100 FAKE_VS_LIMIT_7=inf,4096 vl --xid 42 -a
is "-a: util-vserver's listing of the reference kernel's mask (N/A: no such limit)" \
	"$(printf '%s\n' \
		"NPROC       N/A                 N/A                 0x64" \
		"NOFILE      N/A                 N/A                 0x1000" \
		"LOCKS       N/A                 N/A                 inf" \
		"MSGQUEUE    N/A                 N/A                 inf" \
		"NSOCK       N/A                 N/A                 inf" \
		"OPENFD      N/A                 N/A                 inf" \
		"SHMEM       N/A                 N/A                 inf" \
		"DENTRY      N/A                 N/A                 inf")" "$out"
is "... it asked for the mask, then each limit" \
	"get_rlimit_mask 42 get_rlimit 42 6 get_rlimit 42 7 get_rlimit 42 10" \
	"$(printf '%s\n' "$calls" | head -n 4 | tr '\n' ' ' | sed 's/ $//')"
FAKE_VS_MASK=0,0x40,0x40 FAKE_VS_LIMIT_6=50,inf vl --xid 42 -a
is "-a: a soft limit in hex, inf" "NPROC       N/A                 0x32                inf" "$out"
FAKE_VS_MASK=0,0x40,0x40 FAKE_VS_LIMIT_6=50,100 vl --xid 42 -a -d -n
is "-a -d -n: decimal, ids" "6           N/A                 50                  100" "$out"
FAKE_VS_MASK=0,0,0x40 vl --xid 42 --nproc 5 -a
is "limits are set before -a reads them" \
	"set_rlimit 42 6 keep keep 5 get_rlimit_mask 42 get_rlimit 42 6" \
	"$(printf '%s\n' "$calls" | tr '\n' ' ' | sed 's/ $//')"
FAKE_VS_MASK=0,0x40,0x800040 FAKE_VS_LIMIT_6=50,100 vl --xid 42 -a --json
is "-a --json: null for no such limit, \"inf\", numbers" \
	'{"xid": 42, "limits": [{"resource": "nproc", "id": 6, "minimum": null, "soft": 50, "hard": 100}, {"resource": null, "id": 23, "minimum": null, "soft": null, "hard": "inf"}]}' \
	"$out"
if command -v python3 >/dev/null; then
	check "... which is valid JSON" python3 -c 'import json,sys; json.loads(sys.argv[1])' "$out"
else
	skip "... which is valid JSON" "no python3"
fi
FAKE_VS_MASK=0,0,0x40000040 vl --xid 42 -a
is "-a: a resource the kernel cannot read fails, printing nothing" "1:" "$rc:$out"
like "... named" "cannot get the id 30 limit of context 42: Invalid argument" "$err"

done_testing
