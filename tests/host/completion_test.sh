#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# completion/vserver.bash: it parses, registers itself for vserver and
# vserver-autostart, and completes guests, commands, build options and
# groups from a configuration root built here (COMP_WORDS/COMP_CWORD set
# as bash sets them, the function called, COMPREPLY compared).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/host/tap.sh"
file=$top/completion/vserver.bash
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vs-completion.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$tmp/etc

guest() {
	mkdir -p "$root/$1/apps/init"
	[ $# -lt 2 ] || printf '%s\n' "$2" >"$root/$1/apps/init/mark"
}
guest alpha default
guest albert web
guest beta "  web  "
guest gamma "two words"
guest delta
guest .hidden secret
echo "not a guest" >"$root/README"

check "bash -n parses it" bash -n "$file"

# comp WORD...: complete the last WORD of the command line WORD... in a
# fresh bash that sourced the file; prints COMPREPLY sorted, space-separated.
comp() {
	VSERVER_CONFDIR=$root bash --norc --noprofile -c '
		. "$1" || exit 1
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE="$*" COMP_POINT=${#COMP_LINE}
		f=$(complete -p "$1" | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
		[ -n "$f" ] || { echo "no completion for $1"; exit 1; }
		"$f" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort | paste -sd" "' \
		comp "$file" "$@"
}

reg=$(bash --norc --noprofile -c '. "$1" && complete -p vserver vserver-autostart' x "$file" 2>&1)
like "registers a function for vserver" '^complete -F _[a-z_]+ vserver$' "$reg"
like "registers a function for vserver-autostart" '^complete -F _[a-z_]+ vserver-autostart$' "$reg"

is "vserver <TAB>: the guests, no dot dirs or files" "albert alpha beta delta gamma" \
	"$(comp vserver '')"
is "vserver al<TAB>" "albert alpha" "$(comp vserver al)"
is "vserver -<TAB>" "--help --version" "$(comp vserver -)"
is "vserver NAME <TAB>: the commands" \
	"build delete enter exec restart running start status stop" "$(comp vserver alpha '')"
is "vserver NAME st<TAB>" "start status stop" "$(comp vserver alpha st)"
is "vserver NAME build -<TAB>" "--context --force --help --hostname --rootdir -m" \
	"$(comp vserver alpha build -)"
is "vserver NAME build --<TAB>" "--context --force --help --hostname --rootdir" \
	"$(comp vserver alpha build --)"
is "vserver NAME stop <TAB>" "--timeout" "$(comp vserver alpha stop '')"
is "vserver NAME status <TAB>" "--json" "$(comp vserver alpha status '')"
is "vserver NAME delete <TAB>" "--force" "$(comp vserver alpha delete '')"
is "vserver NAME build -m <TAB>: the methods" "busybox debootstrap skeleton template" \
	"$(comp vserver alpha build -m '')"
is "vserver NAME build -m de<TAB>" "debootstrap" "$(comp vserver alpha build -m de)"
is "vserver NAME build --force -m s<TAB>" "skeleton" \
	"$(comp vserver alpha build --force -m s)"
is "vserver NAME build --hostname <TAB>: nothing" "" "$(comp vserver alpha build --hostname '')"
is "vserver NAME build --context <TAB>: nothing" "" "$(comp vserver alpha build --context '')"
like "vserver NAME exec <TAB>: commands" '(^| )bash( |$)' "$(comp vserver alpha exec ba)"
is "vserver NAME start <TAB>: nothing" "" "$(comp vserver alpha start '')"
is "vserver --help <TAB>: nothing" "" "$(comp vserver --help '')"
is "a missing configuration root: no guests" "" \
	"$(root=$tmp/none; comp vserver '')"

is "vserver-autostart <TAB>" "start stop" "$(comp vserver-autostart '')"
is "vserver-autostart -<TAB>" "--dry-run --help --parallel --version" \
	"$(comp vserver-autostart -)"
is "vserver-autostart start <TAB>: the marks, trimmed, once, one-word only" "default web" \
	"$(comp vserver-autostart start '')"
is "vserver-autostart --dry-run stop w<TAB>" "web" "$(comp vserver-autostart --dry-run stop w)"
is "vserver-autostart -j 2 start d<TAB>" "default" "$(comp vserver-autostart -j 2 start d)"
is "vserver-autostart start web <TAB>: more groups" "default web" \
	"$(comp vserver-autostart start web '')"
is "vserver-autostart --parallel <TAB>: nothing (a number)" "" \
	"$(comp vserver-autostart --parallel '')"
is "vserver-autostart -j 2 <TAB>: the actions" "start stop" "$(comp vserver-autostart -j 2 '')"

done_testing
