#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Checks that each vserver UAPI header stands on its own, as user space gets
# it from headers_install; prints TAP and exits 1 if a check failed.
#
# Copyright (C) 2026 The vserver authors
#
# For each header: it compiles alone (included twice, so its guard is
# tested), also as C90 with the flags of the kernel's own header test, after
# the __user stripping of headers_install, and as C++; its SPDX line carries
# the syscall note; no CONFIG_ symbol leaks outside comments.  Last, the i386
# layouts are checked at compile time (uapi_test.c -DUAPI_TEST_STATIC -m32),
# or skipped when the compiler cannot target i386.
#
# Runs from any directory; CC and CXX may be set.

set -u

here=$(cd "$(dirname "$0")" && pwd)
uapi=$(cd "$here/../../kernel/include/uapi" && pwd)
CC=${CC:-cc}
CXX=${CXX:-c++}

# Split so that checkpatch does not take it for this file's own tag.
spdx_tag='SPDX-''License-Identifier'

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

headers=$(cd "$uapi" && ls linux/vserver/*.h)
nr_headers=$(echo "$headers" | wc -l)
checks_per_header=6

n=0
failed=0

result() {
	# $1: exit status of the check, $2: description, $3: log file
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
		[ -s "$3" ] && head -n 20 "$3" | sed 's/^/# /'
	fi
}

# The installed form: headers_install drops __user (and friends).
mkdir -p "$tmp/installed/linux/vserver"
for h in $headers; do
	sed -E 's/([[:space:](])(__user|__force|__iomem)[[:space:]]/\1/g' \
		"$uapi/$h" >"$tmp/installed/$h"
done

echo "1..$((nr_headers * checks_per_header + 1))"

for h in $headers; do
	log="$tmp/log"
	tu="$tmp/tu.c"
	printf '#include <%s>\n#include <%s>\n' "$h" "$h" >"$tu"

	$CC -fsyntax-only -x c -Wall -Wextra -Werror -D__user= -I"$uapi" \
		"$tu" >"$log" 2>&1
	result $? "$h compiles alone" "$log"

	$CC -fsyntax-only -x c -std=c90 -Wall -Werror -D__user= -I"$uapi" \
		"$tu" >"$log" 2>&1
	result $? "$h compiles alone as C90" "$log"

	$CC -fsyntax-only -x c -Wall -Wextra -Werror -I"$tmp/installed" \
		"$tu" >"$log" 2>&1
	result $? "$h compiles alone once installed (no __user)" "$log"

	if command -v "$CXX" >/dev/null 2>&1; then
		$CXX -fsyntax-only -x c++ -Wall -Wextra -Werror \
			-I"$tmp/installed" "$tu" >"$log" 2>&1
		result $? "$h compiles alone as C++" "$log"
	else
		n=$((n + 1))
		echo "ok $n - $h compiles alone as C++ # SKIP no $CXX"
	fi

	head -n 1 "$uapi/$h" >"$log"
	grep -qx "/\\* $spdx_tag: GPL-2.0 WITH Linux-syscall-note \\*/" "$log"
	result $? "$h has the UAPI SPDX line" "$log"

	# Comments removed, what is left must not name a kernel option.
	$CC -fpreprocessed -dD -E -P -x c "$uapi/$h" 2>&1 |
		grep -n 'CONFIG_' >"$log"
	[ ! -s "$log" ]
	result $? "$h leaks no CONFIG_ symbol" "$log"
done

log="$tmp/log"
if printf '#include <linux/types.h>\n' |
	$CC -m32 -fsyntax-only -x c -idirafter /usr/include/x86_64-linux-gnu - \
		>/dev/null 2>&1; then
	$CC -m32 -fsyntax-only -Wall -Wextra -Werror -DUAPI_TEST_STATIC \
		-D__user= -idirafter /usr/include/x86_64-linux-gnu -I"$uapi" \
		"$here/uapi_test.c" >"$log" 2>&1
	result $? "i386 layouts and values (uapi_test.c, static)" "$log"
else
	n=$((n + 1))
	echo "ok $n - i386 layouts and values # SKIP $CC cannot target i386"
fi

[ "$failed" -eq 0 ] || echo "# $failed of $n checks failed"
[ "$failed" -eq 0 ]
