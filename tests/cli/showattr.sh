#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# showattr against the booted kernel: the 9 characters for a barrier, a
# plain directory and a file; listing a directory (-d, -a, -R, the current
# directory by default); --json; errors; a guest stopped by the barrier
# while listing. Context 92.
. ./tap.sh
plan 24

d=/tmp/showattr
rm -rf $d
mkdir -p $d/b $d/s/deep
touch $d/f $d/.hidden $d/b/inner $d/s/t
setattr --barrier $d/b

run showattr -d $d/b
expect_eq "a barrier: B, the other bits not supported here" "----B---- $d/b" "$out"
expect_eq "... exits 0" 0 "$rc"
expect_eq "a directory without: b" "----b---- $d/s" "$(showattr -d $d/s)"
expect_eq "a file: nothing supported" "--------- $d/f" "$(showattr $d/f)"
expect_eq "a symlink is not followed" "--------- $d/l" "$(ln -s b $d/l && showattr $d/l; rm $d/l)"
expect_eq "/proc files: nothing supported either" "--------- /proc/uptime" "$(showattr /proc/uptime)"

run sh -c "cd $d && showattr"
expect_eq "no FILE: the current directory, then its entries by name" \
	"----b---- . ----B---- ./b --------- ./f ----b---- ./s" \
	"$(printf '%s\n' "$out" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "... each line 9 characters, a space, the name" "--------- ./f" \
	"$(printf '%s\n' "$out" | grep 'f$')"
run sh -c "cd $d && showattr -a"
expect_match "-a shows dot files too" "^--------- \./\.hidden$" "$out"
run showattr $d/s
expect_eq "a directory FILE is listed" "----b---- $d/s ----b---- $d/s/deep --------- $d/s/t" \
	"$(printf '%s\n' "$out" | tr '\n' ' ' | sed 's/ $//')"
run showattr -R $d/s/
expect_eq "-R: files first, then each subdirectory" \
	"----b---- $d/s/ --------- $d/s/t ----b---- $d/s/deep" \
	"$(printf '%s\n' "$out" | tr '\n' ' ' | sed 's/ $//')"

run showattr --json -d $d/b $d/f
expect_eq "--json: an array of objects" \
	"[
  {\"name\": \"$d/b\", \"attributes\": \"----B----\", \"set\": [\"barrier\"], \"supported\": [\"barrier\"]},
  {\"name\": \"$d/f\", \"attributes\": \"---------\", \"set\": [], \"supported\": []}
]" "$out"
run showattr --json -d $d/nope
expect_eq "--json with no readable file: []" "[] 1" "$out $rc"

run showattr -d $d/nope
expect_eq "a missing file exits 1" 1 "$rc"
expect_match "... naming it" "^showattr: cannot access $d/nope: No such file or directory$" "$err"
run showattr -d $d/nope $d/b
expect_eq "one missing of two: exit 1" 1 "$rc"
expect_eq "... the other shown all the same" "----B---- $d/b" "$out"

wait_for 5 gone 92
run vcontext --silent --create --xid 92 -- showattr $d/b
expect_eq "a guest sees the barrier itself" "----B---- $d/b" "$out"
expect_match "... but not what is in it (it cannot be listed)" "^showattr: cannot read the directory $d/b: Permission denied$" "$err"
expect_eq "... and exits 1" 1 "$rc"

run showattr -x $d
expect_eq "-x without -R is a usage error" 2 "$rc"
run showattr -R -d $d
expect_eq "-R with -d is a usage error" 2 "$rc"
run showattr --bogus
expect_eq "an unknown option exits 2" 2 "$rc"
run showattr --help
expect_match "--help prints usage and exits 0" "^Usage: showattr" "$out"

setattr --~barrier $d/b
done_testing
