# SPDX-License-Identifier: GPL-2.0-or-later
# bash completion for vserver(8) and vserver-autostart(8)
#
# Guests are the directories of the configuration root (VSERVER_CONFDIR,
# default /etc/vservers) not starting with '.'; groups are the words found
# in their apps/init/mark. Installed as .../bash-completion/completions/vserver,
# with vserver-autostart a symbolic link to it. Needs only bash, not the
# bash-completion package's helpers.

_vserver_confdir()
{
	printf '%s\n' "${VSERVER_CONFDIR:-/etc/vservers}"
}

# Add to COMPREPLY each argument that starts with $cur.
_vserver_add()
{
	local w
	for w in "$@"; do
		[[ $w == "$cur"* ]] && COMPREPLY+=("$w")
	done
}

# The guests' names, one per line, in the glob's order.
_vserver_guests()
{
	local root d
	root=$(_vserver_confdir)
	for d in "$root"/*/; do
		[[ -d $d ]] || continue
		d=${d%/}
		d=${d##*/}
		[[ $d == .* ]] || printf '%s\n' "$d"
	done
}

# The marks of the guests, each once: the first line of apps/init/mark,
# trimmed, when it is one word (as vserver-autostart reads it).
_vserver_marks()
{
	local root f m rest
	root=$(_vserver_confdir)
	for f in "$root"/*/apps/init/mark; do
		[[ -f $f && -r $f ]] || continue
		m='' rest=''
		IFS=$' \t' read -r m rest <"$f"
		[[ -n $m && -z $rest ]] && printf '%s\n' "$m"
	done | LC_ALL=C sort -u
}

_vserver_build()
{
	case $prev in
	-m)
		_vserver_add skeleton busybox debootstrap template
		return
		;;
	--context | --hostname)
		return
		;;
	--rootdir)
		compopt -o dirnames 2>/dev/null
		return
		;;
	esac
	_vserver_add -m --force --context --hostname --rootdir --help
}

_vserver()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local g IFS=$'\n'
	COMPREPLY=()

	if ((COMP_CWORD == 1)); then
		if [[ $cur == -* ]]; then
			_vserver_add --help --version
		else
			for g in $(_vserver_guests); do _vserver_add "$g"; done
		fi
		return
	fi
	[[ ${COMP_WORDS[1]} == -* ]] && return
	if ((COMP_CWORD == 2)); then
		_vserver_add build start stop restart enter exec status running delete
		return
	fi
	case ${COMP_WORDS[2]} in
	build)
		_vserver_build
		;;
	stop)
		[[ $prev == --timeout ]] || _vserver_add --timeout
		;;
	status)
		_vserver_add --json
		;;
	delete)
		_vserver_add --force
		;;
	exec)
		# vserver NAME exec COMMAND [ARG]...: a command, then bash's
		# default (files). compopt fails outside a completion: ignored.
		if ((COMP_CWORD == 3)); then
			mapfile -t COMPREPLY < <(compgen -c -- "$cur")
		else
			compopt -o default 2>/dev/null
		fi
		;;
	esac
}

_vserver_autostart()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local i g action='' IFS=$'\n'
	COMPREPLY=()

	[[ $prev == -j || $prev == --parallel ]] && return
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-j | --parallel) ((i++)) ;;
		-*) ;;
		*) action=${COMP_WORDS[i]} && break ;;
		esac
	done
	if [[ $cur == -* ]]; then
		_vserver_add --dry-run --parallel --help --version
	elif [[ -z $action ]]; then
		_vserver_add start stop
	else
		for g in $(_vserver_marks); do _vserver_add "$g"; done
	fi
}

complete -F _vserver vserver
complete -F _vserver_autostart vserver-autostart
