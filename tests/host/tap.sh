# SPDX-License-Identifier: GPL-2.0-only
# TAP for the host shell tests (bash): source it, call the checks, end with
# done_testing, whose status is the script's. The plan is printed last.
#   run CMD...            $out, $err, $rc of CMD (stdin from /dev/null)
#   check DESC CMD...     ok when CMD succeeds (its output shown on failure)
#   is DESC EXPECTED GOT  ok when equal
#   like DESC ERE TEXT    ok when TEXT matches ERE (grep -E, any line)
#   skip DESC REASON      a test that cannot run here, said so
# shellcheck disable=SC2034 # rc, out, err: for the caller
_n=0
_failed=0

_result() { # _result OK? DESC
	_n=$((_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_failed=$((_failed + 1))
	fi
}

run() {
	local o e
	o=$(mktemp) e=$(mktemp)
	rc=0
	"$@" >"$o" 2>"$e" </dev/null || rc=$?
	out=$(cat "$o") err=$(cat "$e")
	rm -f "$o" "$e"
}

check() {
	local d=$1 o
	shift
	if o=$("$@" 2>&1); then _result 0 "$d"; else
		_result 1 "$d"
		printf '%s\n' "$o" | sed 's/^/# /'
	fi
}

is() {
	if [ "$2" = "$3" ]; then _result 0 "$1"; else
		_result 1 "$1"
		printf '%s\n' "expected:" "$2" "got:" "$3" | sed 's/^/#   /'
	fi
}

like() {
	if printf '%s\n' "$3" | grep -qE -- "$2"; then _result 0 "$1"; else
		_result 1 "$1"
		echo "#   expected to match: $2"
		printf '%s\n' "$3" | sed 's/^/#   got: /'
	fi
}

skip() {
	_n=$((_n + 1))
	echo "ok $_n - $1 # SKIP $2"
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
}
