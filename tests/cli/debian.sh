#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# make test-debian (plan "debian", not in make test: its image needs the
# network): a Debian guest that `vserver deb build -m debootstrap` made on
# the host (tests/debian/image.sh) comes in as the virtio disk /dev/vda.
# Mount it, put its configuration in place, start it with its own sysvinit,
# look inside with Debian's commands, enter it, stop it. Context 120.
# Lines "# time: ..." say how long the steps took.
. ./tap.sh
plan 52

mnt=/vservers-debian
cfg=/etc/vservers/deb
root=$mnt/deb

now() { cut -d' ' -f1 /proc/uptime; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# processes of context $1 anywhere on the host
ctx_procs() { grep -l "^VxID:[[:space:]]*$1\$" /proc/[0-9]*/status 2>/dev/null | wc -l; }
# in_guest CMD...: the guest's view, stdout only
in_guest() { vserver deb exec "$@" 2>/dev/null; }
# the guest has reached runlevel 2 and its rc script is done
booted() {
	in_guest runlevel | grep -q ' 2$' &&
		! in_guest ps -e -o args= | grep -q '^/bin/sh /etc/init.d/rc\|startpar'
}
# wait_booted SECONDS: poll once a second (each look is a few processes,
# which would slow the guest's boot under TCG if done more often)
wait_booted() {
	_t=$1
	until booted; do
		_t=$((_t - 1))
		[ "$_t" -gt 0 ] || return 1
		sleep 1
	done
}

echo "# time: the VM reached the test after $(now)s of uptime"

# --- the disk --------------------------------------------------------------------
check "the Debian image is the disk /dev/vda" test -b /dev/vda
mkdir -p $mnt
check "... it mounts as ext4" mount -t ext4 /dev/vda $mnt
check "... with the guest's root" test -x $root/sbin/init
check "... and the configuration vserver's build wrote" test -f $mnt/config/deb/context
mkdir -p /etc/vservers
cp -a $mnt/config/deb $cfg
ln -sfn $root $cfg/vdir
expect_eq "the build chose context 120" 120 "$(cat $cfg/context)"
expect_eq "... init style plain: the guest's own init is pid 1" plain \
	"$(cat $cfg/apps/init/style)"
check "the build installed sysvinit-core" \
	grep -qx 'Package: sysvinit-core' $root/var/lib/dpkg/status
check "... and procps, asked for with --include" \
	grep -qx 'Package: procps' $root/var/lib/dpkg/status
check "... and replaced debootstrap's /dev: no host console in the guest" \
	test ! -e $root/dev/console
check "... and commented out the gettys" \
	sh -c "! grep -q '^[0-9]*:[0-9]*:respawn:/sbin/getty' $root/etc/inittab"
expect_match "... and made Ctrl-Alt-Del halt" '^ca:.*shutdown .*-h now' \
	"$(grep '^ca:' $root/etc/inittab)"

run vserver deb status
expect_eq "status before start: stopped (exit 3)" 3 "$rc"

# --- start -----------------------------------------------------------------------
sleep 4242 &
hostsleep=$!
t0=$(now)
run vserver deb start
echo "# time: vserver deb start returned after $(since "$t0")s"
expect_eq "start exits 0" 0 "$rc"
expect_match "... in context 120" "Guest 'deb' started: context 120" "$out"
check "sysvinit reaches runlevel 2 and its rc scripts finish (120 s)" wait_booted 120
echo "# time: runlevel 2 with rc finished $(since "$t0")s after start"
run vserver deb status
expect_match "status: running at context 120" "is running at context '120'" "$out"

# --- inside ----------------------------------------------------------------------
expect_eq "pid 1 of the guest is init" init "$(in_guest ps -p 1 -o comm=)"
check "... the guest's /sbin/init" vserver deb exec sh -c 'test /proc/1/exe -ef /sbin/init'
expect_match "... which is sysvinit's" '^sysvinit-core: /sbin/init$' "$(in_guest dpkg -S /sbin/init)"
expect_match "... running the guest's runlevel 2" '^N 2$' "$(in_guest runlevel)"
run vserver deb exec cat /etc/debian_version
expect_match "a Debian command works inside: cat /etc/debian_version" '^12\.[0-9]+$' "$out"
run vserver deb exec apt-get --version
expect_match "... apt-get --version" '^apt 2\.' "$out"
run vserver deb exec apt-get check
expect_eq "... apt-get check (dpkg's database is sound)" 0 "$rc"
run vserver deb exec bash -c 'echo $BASH_VERSION'
expect_match "... bash" '^5\.' "$out"
run vserver deb exec ps -e -o pid=,comm=
expect_match "ps inside lists init as pid 1" '^ *1 init$' "$out"
expect_eq "... and not the host's processes" "" "$(printf '%s\n' "$out" | grep sleep)"
run vserver deb exec sh -c 'for s in /proc/[0-9]*/status; do sed -n "s/^VxID:[[:space:]]*//p" $s; done | sort -u'
expect_eq "every process the guest's /proc shows is of context 120" 120 "$out"
run vserver deb exec kill -0 $hostsleep
check "a host process cannot be signalled from inside" test "$rc" != 0
expect_eq "the guest's host name is its name" deb "$(in_guest hostname)"
expect_eq "... as uname says" deb "$(in_guest uname -n)"
expect_eq "... and /etc/hostname" deb "$(in_guest cat /etc/hostname)"
expect_eq "the host's name is untouched" vs-test "$(hostname)"
expect_eq "commands run in context 120" 120 \
	"$(in_guest sed -n 's/^VxID:[[:space:]]*//p' /proc/self/status)"
expect_eq "... bounded by the guest's capabilities" 00000000b44c04ff \
	"$(in_guest sed -n 's/^CapBnd:[[:space:]]*//p' /proc/self/status)"
run vserver deb exec sh -c 'mount -t tmpfs x /mnt'
check "guest root cannot mount" test "$rc" != 0
run vserver deb exec test -c /dev/console
check "... and has no console device (make test-debian checks the host's console)" \
	test "$rc" != 0
# vserver start grants the context capability SET_UTSNAME (vserver(8)), and
# Debian's hostname.sh sets the name at boot: guest root may, in its own uts
# namespace, without CAP_SYS_ADMIN.
run vserver deb exec hostname deb
expect_eq "guest root may set its host name (ccap SET_UTSNAME; Debian's hostname.sh)" \
	"0:" "$rc:$err"

# --- enter -----------------------------------------------------------------------
out=$(echo 'echo in-$(hostname); cat /etc/debian_version' | vserver deb enter 2>&1)
expect_match "enter without a terminal runs the guest's shell on stdin" '^in-deb$' "$out"
run ptyrun 'echo "in-$(hostname)-$(ps -p $$ -o comm=)"; tty; exit 5
' vserver deb enter
expect_match "enter on a terminal: Debian's shell in the guest" "in-deb-sh" "$out"
expect_match "... on a terminal of the guest's devpts" "^/dev/pts/[0-9]+" "$out"
expect_eq "... passing the shell's exit status" 5 "$rc"

# --- stop ------------------------------------------------------------------------
vwait 120 >/tmp/deb.vwait 2>&1 &
waiter=$!
t0=$(now)
run vserver deb stop
t=$(since "$t0")
echo "# time: vserver deb stop took ${t}s"
expect_eq "stop exits 0" 0 "$rc"
expect_match "... and says so" "Guest 'deb' stopped" "$out"
expect_eq "... by the guest's own shutdown (Ctrl-Alt-Del), no kill sequence" "" \
	"$(printf '%s\n' "$out" | grep 'Sending SIG')"
check "... within 40 s" awk -v t="$t" 'BEGIN { exit !(t < 40) }'
wait $waiter
expect_match "vwait saw the context end" "^FINISHED " "$(cat /tmp/deb.vwait)"
echo "# vwait: $(cat /tmp/deb.vwait)"
# sysvinit records runlevels in /run/utmp (on the guest's disk: it may not
# mount a tmpfs on /run): read it with the guest's own runlevel.
expect_eq "... after its init went through runlevel 0 (shutdown -h, rc 0, halt)" "2 0" \
	"$(chroot $root /sbin/runlevel 2>&1)"
check "the context is gone" gone 120
expect_eq "no process of the guest is left" 0 "$(ctx_procs 120)"
check "the run file is gone" test ! -e /var/run/vservers/deb
run vserver deb status
expect_eq "status after stop: stopped (exit 3)" 3 "$rc"
kill $hostsleep
check "the disk unmounts: nothing of the guest holds it" umount $mnt
done_testing
