# SPDX-License-Identifier: GPL-2.0-only
# Minimal TAP for the CLI tests (POSIX sh; busybox in the VM).
#   plan N; ok COND-CMD... DESCRIPTION via check; done_testing
_n=0
_failed=0

plan() { echo "1..$1"; }

# check DESCRIPTION CMD ARGS...: run CMD, ok if it succeeds.
check() {
	_d=$1
	shift
	_n=$((_n + 1))
	if "$@" >/tmp/tap.out 2>&1; then
		echo "ok $_n - $_d"
	else
		echo "not ok $_n - $_d"
		sed 's/^/# /' /tmp/tap.out
		_failed=$((_failed + 1))
	fi
}

# run CMD ARGS...: capture stdout in $out, stderr in $err, status in $rc.
run() {
	rc=0
	"$@" >/tmp/tap.stdout 2>/tmp/tap.stderr || rc=$?
	out=$(cat /tmp/tap.stdout)
	err=$(cat /tmp/tap.stderr)
}

# expect_eq DESCRIPTION EXPECTED ACTUAL
expect_eq() {
	_n=$((_n + 1))
	if [ "$2" = "$3" ]; then
		echo "ok $_n - $1"
	else
		echo "not ok $_n - $1"
		echo "#   expected: '$2'"
		echo "#   got:      '$3'"
		_failed=$((_failed + 1))
	fi
}

# expect_match DESCRIPTION PATTERN(grep -E) TEXT
expect_match() {
	_n=$((_n + 1))
	if printf '%s\n' "$3" | grep -qE -- "$2"; then
		echo "ok $_n - $1"
	else
		echo "not ok $_n - $1"
		echo "#   expected to match: $2"
		printf '%s\n' "$3" | sed 's/^/#   got: /'
		_failed=$((_failed + 1))
	fi
}

done_testing() { [ "$_failed" -eq 0 ]; }

# wait_for SECONDS CMD ARGS...: poll CMD every 0.1 s until it succeeds;
# fails (status 1) when it never did within SECONDS.
wait_for() {
	_t=$(($1 * 10))
	shift
	while ! "$@" >/dev/null 2>&1; do
		_t=$((_t - 1))
		[ "$_t" -gt 0 ] || return 1
		sleep 0.1
	done
}

# gone XID: context XID has ended (no /proc/virtual/XID).
gone() { [ ! -e "/proc/virtual/$1" ]; }
