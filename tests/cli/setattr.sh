#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# setattr against the booted kernel: a barrier on a directory stops guests
# and is cleared again; what is refused (a barrier on a file, a guest
# changing one, a missing file); the attributes this kernel does not keep;
# -R; the command line. Contexts 90 and 91.
. ./tap.sh
plan 37

d=/tmp/setattr
rm -rf $d
mkdir -p $d/vs/g1/sub
touch $d/file

# in_guest XID CMD: run the shell command CMD in a new context XID.
in_guest() {
	wait_for 5 gone "$1"
	vcontext --silent --create --xid "$1" -- sh -c "$2"
}

run in_guest 90 "cd $d/vs/g1/sub"
expect_eq "without a barrier a guest walks through $d/vs" 0 "$rc"

run setattr --barrier $d/vs
expect_eq "--barrier on a directory exits 0" 0 "$rc"
expect_eq "... silently" "" "$err"
expect_eq "showattr shows it set (B)" "----B---- $d/vs" "$(showattr -d $d/vs)"
run in_guest 90 "cd $d/vs/g1/sub"
expect_eq "a guest cannot walk through the barrier" 2 "$rc"
expect_match "... refused with EACCES" "can't cd to $d/vs/g1/sub: Permission denied" "$err"
run in_guest 90 "ls $d/vs/g1"
expect_match "... nor look inside it" "$d/vs/g1: Permission denied" "$err"
run sh -c "cd $d/vs/g1/sub"
expect_eq "the host still walks through" 0 "$rc"

run setattr --~barrier $d/vs
expect_eq "--~barrier exits 0" 0 "$rc"
expect_eq "showattr shows it clear (b)" "----b---- $d/vs" "$(showattr -d $d/vs)"
run in_guest 90 "cd $d/vs/g1/sub"
expect_eq "the guest walks through again" 0 "$rc"
setattr --barrier $d/vs
run setattr '--!barrier' $d/vs
expect_eq "--!barrier clears it too" "0 ----b---- $d/vs" "$rc $(showattr -d $d/vs)"
run setattr --barrier --~barrier $d/vs
expect_eq "set and cleared in one command: cleared" "0 ----b---- $d/vs" "$rc $(showattr -d $d/vs)"

run setattr --barrier $d/file
expect_eq "a barrier on a file fails" 1 "$rc"
expect_match "... with the kernel's EINVAL, naming the file" \
	"^setattr: cannot set the attributes of $d/file: Invalid argument$" "$err"
expect_match "... explained" "^Hint: only a directory can be a barrier\.$" "$err"

run setattr --barrier $d/nope
expect_eq "a missing file fails" 1 "$rc"
expect_match "... naming it" \
	"^setattr: cannot access $d/nope: No such file or directory$" "$err"
run setattr --barrier $d/nope $d/vs
expect_eq "one failing file of two: exit 1" 1 "$rc"
expect_eq "... the other is changed all the same" "----B---- $d/vs" "$(showattr -d $d/vs)"

run in_guest 91 "setattr --~barrier $d/vs"
expect_eq "a guest cannot clear a barrier" 1 "$rc"
expect_match "... EPERM, naming the file" \
	"^setattr: cannot set the attributes of $d/vs: Operation not permitted$" "$err"
expect_match "... with the hint" "^Hint: this command needs root on the host" "$err"
expect_eq "... and the barrier stays" "----B---- $d/vs" "$(showattr -d $d/vs)"
setattr --~barrier $d/vs
run in_guest 91 "setattr --barrier $d/vs/g1"
expect_eq "a guest cannot set one either" \
	"1 ----b---- $d/vs/g1" "$rc $(showattr -d $d/vs/g1)"

run setattr --iunlink $d/file
expect_eq "--iunlink on a file exits 0" 0 "$rc"
expect_match "... warning that this kernel leaves it alone" \
	"^setattr: warning: $d/file: this kernel does not keep iunlink,immutable there; left unchanged$" "$err"
expect_eq "... and indeed nothing is set" "--------- $d/file" "$(showattr $d/file)"
run setattr --write $d/file
expect_eq "--write (util-vserver's, not the kernel's) is no warning" "0 " "$rc $err"

run setattr -R --barrier $d/vs
expect_eq "-R sets every directory below" \
	"----B---- $d/vs ----B---- $d/vs/g1 ----B---- $d/vs/g1/sub" \
	"$(showattr -R $d/vs | tr '\n' ' ' | sed 's/ $//')"
run setattr -R --~barrier $d/vs
expect_eq "-R --~barrier clears them" \
	"----b---- $d/vs ----b---- $d/vs/g1 ----b---- $d/vs/g1/sub" \
	"$(showattr -R $d/vs | tr '\n' ' ' | sed 's/ $//')"

run setattr $d/vs
expect_eq "no attribute is a usage error" 2 "$rc"
run setattr --barrier
expect_eq "no file is a usage error" 2 "$rc"
run setattr -x --barrier $d/vs
expect_eq "-x without -R is a usage error" 2 "$rc"
run setattr --bogus $d/vs
expect_eq "an unknown option exits 2" 2 "$rc"
run setattr --help
expect_match "--help prints usage and exits 0" "^Usage: setattr" "$out"
run setattr --version
expect_match "--version names the tools" "^setattr \(vserver tools\) " "$out"

done_testing
