#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# vserver NAME build|start|stop|restart|enter|exec|status|running|delete
# against the booted kernel, with busybox guests in /vservers. Contexts
# 110-119.
. ./tap.sh
plan 152

# the host's mounts, without the per-guest ones that must never show here
host_mounts() { cut -d' ' -f5 /proc/self/mountinfo | sort; }
# processes of context $1 anywhere on the host
ctx_procs() { grep -l "^VxID:[[:space:]]*$1\$" /proc/[0-9]*/status 2>/dev/null | wc -l; }

mounts_before=$(host_mounts)

# --- usage -------------------------------------------------------------------
run vserver
expect_eq "no arguments: usage error" 2 "$rc"
run vserver g1 frobnicate
expect_eq "an unknown command is a usage error" 2 "$rc"
expect_match "... naming it" "unknown command 'frobnicate'" "$err"
run vserver --help
expect_match "--help lists the commands" "build -m METHOD" "$out"
run vserver g1 build
expect_match "build without -m says what is missing" "build needs a method" "$err"
run vserver g1 build -m nosuch
expect_eq "an unknown method is a usage error" 2 "$rc"
run vserver ../etc status
expect_match "a bad guest name is refused" "is not a guest name" "$err"
run vserver nosuch status
expect_eq "status of an unknown guest fails" 1 "$rc"
expect_match "... and says how to create it" "no guest 'nosuch'.*vserver nosuch build" "$err"

# --- build -------------------------------------------------------------------
run vserver g1 build -m busybox --context 110
expect_eq "build -m busybox exits 0" 0 "$rc"
expect_match "... and reports progress" "Building guest 'g1' \(busybox\)" "$out"
check "... the root has busybox" test -x /vservers/g1/bin/busybox
check "... and its applets" test -L /vservers/g1/bin/sh
expect_eq "... the context file holds the id" 110 "$(cat /etc/vservers/g1/context)"
expect_eq "... vdir points at the root" /vservers/g1 "$(readlink /etc/vservers/g1/vdir)"
run vserver g1 build -m busybox --context 110
expect_eq "building over an existing guest fails" 1 "$rc"
expect_match "... without --force" "use --force" "$err"
run vserver g1 build -m skeleton --context 112
expect_match "... whatever the method" "use --force" "$err"
run vserver gx build -m busybox --context 110
expect_match "a context id another guest has is refused" "context 110 is taken" "$err"
VSERVER_FAIL_AT=build-fill vserver gx build -m busybox --context 118 >/dev/null 2>&1
check "a failed build leaves no configuration" test ! -e /etc/vservers/gx
check "... and no root" test ! -e /vservers/gx
VSERVER_BUSYBOX=/nonexistent vserver gx build -m busybox --context 118 >/dev/null 2>/tmp/vs.err
expect_match "a real failure names the file" "cannot open /nonexistent" "$(cat /tmp/vs.err)"
check "... and is undone too" test ! -e /vservers/gx

# --- status before start -------------------------------------------------------
run vserver g1 status
expect_eq "status of a stopped guest exits 3" 3 "$rc"
expect_eq "... and says so" "Vserver 'g1' is stopped" "$out"
run vserver g1 status --json
expect_match "status --json" '^\{"name":"g1","running":false,"xid":110,' "$out"
run vserver g1 running
expect_eq "running exits 1 when stopped" 1 "$rc"

# --- start ---------------------------------------------------------------------
sleep 4242 &
hostsleep=$!
run vserver g1 start
expect_eq "start exits 0" 0 "$rc"
expect_match "... and reports the context" "Guest 'g1' started: context 110" "$out"
expect_eq "... no error output" "" "$err"
run vserver g1 status
expect_eq "status of a running guest exits 0" 0 "$rc"
expect_match "... at its context" "is running at context '110'" "$out"
run vserver g1 running
expect_eq "running exits 0" 0 "$rc"
check "the context exists" test -d /proc/virtual/110
expect_eq "the run file holds the xid" 110 "$(cat /var/run/vservers/g1)"
expect_eq "the host's mounts are unchanged" "$mounts_before" "$(host_mounts)"
run vserver g1 start
expect_match "a second start is refused" "already running in context 110" "$err"
expect_eq "... with exit 1" 1 "$rc"

# --- inside ------------------------------------------------------------------------
run vserver g1 exec cat /proc/1/cmdline
expect_eq "pid 1 of the guest is its init" "init" "$(printf '%s' "$out" | tr '\0' ' ' | sed 's/ $//')"
run vserver g1 exec ps -o pid,comm
expect_match "ps inside shows init as pid 1" "^ *1 init" "$out"
expect_eq "... and only the guest's processes (init and ps)" 3 "$(printf '%s\n' "$out" | wc -l)"
run vserver g1 exec sh -c "kill -0 $hostsleep"
expect_eq "a host process cannot be signalled from inside" 1 "$rc"
run vserver g1 exec hostname
expect_eq "the guest's host name is its name" g1 "$out"
expect_eq "the host's name is untouched" vs-test "$(hostname)"
run vserver g1 exec sed -n 's/^VxID:[[:space:]]*//p' /proc/self/status
expect_eq "commands run in context 110" 110 "$out"
run vserver g1 exec sed -n 's/^CapBnd:[[:space:]]*//p' /proc/self/status
expect_eq "... bounded by the guest's capabilities" 00000000b44c04ff "$out"
run vserver g1 exec sh -c 'echo $PATH:$HOME:$container'
expect_eq "... with a clean environment" \
	"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/root:vserver" "$out"
exec 7</etc/passwd
run vserver g1 exec ls /proc/self/fd
exec 7<&-
expect_eq "no host descriptor reaches the command" "0 1 2 3" "$(echo $out)"
run vserver g1 exec sh -c 'grep -c " /proc proc" /proc/mounts'
expect_eq "the guest has its own /proc from the fstab" 1 "$out"
run vserver g1 exec ls /
expect_match "the guest's root is its directory" "^bin$" "$out"
run vserver g1 exec ls /vservers
expect_eq "the host's files are not there" 1 "$rc"
run vcontext --silent --create --xid 119 -- ls /vservers/g1
expect_match "a barrier stops guests at /vservers" "Permission denied" "$err"
run vserver g1 exec sh -c 'mknod /tmp/sda b 8 0 || exit 1'
expect_eq "guest root cannot make a block device" 1 "$rc"
run vserver g1 exec sh -c 'mount -t tmpfs x /tmp || exit 1'
expect_eq "guest root cannot mount" 1 "$rc"
run vserver g1 exec nosuchcommand
expect_eq "exec of a missing command exits 127" 127 "$rc"
run vserver g1 exec sh -c 'exit 7'
expect_eq "exec passes the command's exit status on" 7 "$rc"
run vserver g1 exec
expect_eq "exec without a command is a usage error" 2 "$rc"

# --- enter -----------------------------------------------------------------------
out=$(echo 'echo in-$(hostname)-$(sed -n "s/^VxID:[[:space:]]*//p" /proc/self/status)' |
	vserver g1 enter 2>&1)
expect_eq "enter without a terminal runs the shell on stdin" "in-g1-110" "$out"
run ptyrun 'tty; echo xid=$(sed -n "s/^VxID:[[:space:]]*//p" /proc/self/status); exit 5
' vserver g1 enter
expect_match "enter on a terminal: a terminal of the guest's devpts" "^/dev/pts/[0-9]+" "$out"
expect_match "... in the guest" "xid=110" "$out"
expect_eq "... passing the shell's exit status" 5 "$rc"
run vserver g1 enter extra
expect_eq "enter takes no arguments" 2 "$rc"

# --- listing tools ------------------------------------------------------------------
run vserver-stat
expect_match "vserver-stat lists the guest by name" "110 .* g1$" "$out"
run vps ax
expect_match "vps shows its init with the guest's name" "110 +g1 .*init" "$out"
run vserver-stat --json
expect_match "vserver-stat --json has it" '\{"xid": 110, "procs": 1, "name": "g1"\}' "$out"
run vps --json
expect_match "vps --json has its init" '"xid": 110, "context": "g1", "cmd": "[^"]*init' "$out"

# --- a second guest at once ---------------------------------------------------------
vserver g2 build -m busybox --context 111 >/dev/null 2>&1
run vserver g2 start
expect_eq "a second guest starts" 0 "$rc"
run vserver g2 exec ps -o pid,comm
expect_eq "... and sees only its own processes" 3 "$(printf '%s\n' "$out" | wc -l)"
run vserver-stat
expect_match "vserver-stat shows both" "111 .* g2" "$out"
run vserver g1 running
expect_eq "the first still runs" 0 "$rc"

# --- stop and restart ----------------------------------------------------------------
run vserver g1 stop
expect_eq "stop exits 0" 0 "$rc"
expect_match "... and says so" "Guest 'g1' stopped" "$out"
check "the context is gone" gone 110
check "the run file is gone" test ! -e /var/run/vservers/g1
expect_eq "no process of the guest is left" 0 "$(ctx_procs 110)"
run vserver g1 status
expect_eq "status says stopped" 3 "$rc"
run vserver g1 stop
expect_eq "stopping a stopped guest is fine" 0 "$rc"
expect_match "... and said" "is not running" "$out"
run vserver g1 exec true
expect_match "exec in a stopped guest is refused" "'g1' is not running" "$err"
run vserver g2 restart
expect_eq "restart exits 0" 0 "$rc"
run vserver g2 running
expect_eq "... and the guest runs again" 0 "$rc"
run vserver g2 exec cat /proc/1/cmdline
expect_eq "... with init as pid 1" "init" "$(printf '%s' "$out" | tr '\0' ' ' | sed 's/ $//')"
vserver g2 stop >/dev/null 2>&1
check "g2 stopped" gone 111
kill $hostsleep

# --- a guest that ignores the shutdown: the kill sequence -----------------------------
sed -i '/ctrlaltdel/d' /vservers/g1/etc/inittab
echo 9 >/etc/vservers/g1/apps/init/killseq
vserver g1 start >/dev/null 2>&1
run vserver g1 stop --timeout 1
expect_match "an init ignoring SIGINT gets the kill sequence" "Sending SIGKILL" "$out"
expect_eq "... and the guest stops" 0 "$rc"
check "... completely" gone 110
rm /etc/vservers/g1/apps/init/killseq

# --- sysv style: rc scripts and a pid 1 of ours ---------------------------------------
echo sysv >/etc/vservers/g1/apps/init/style
cat >/vservers/g1/etc/init.d/rc <<'EOF'
#!/bin/sh
echo "rc $1" >>/tmp/rc.log
[ "$1" = 3 ] && sleep 9999 &
exit 0
EOF
chmod 755 /vservers/g1/etc/init.d/rc
run vserver g1 start
expect_eq "a sysv guest starts" 0 "$rc"
check "... its rc ran the start runlevel" wait_for 5 vserver g1 exec grep -q "rc 3" /tmp/rc.log
run vserver g1 exec ps -o pid,comm
expect_match "... pid 1 is vserver's init" "^ *1 vserver-init" "$out"
run vserver g1 stop
expect_match "stop runs the stop runlevel" "Running '/etc/init.d/rc 6'" "$out"
check "... and the guest ends" gone 110
echo plain >/etc/vservers/g1/apps/init/style

# --- network: each guest its own address on the shared stack ------------------------
iface() { # NAME ADDR
	mkdir -p "/etc/vservers/$1/interfaces/0"
	echo "$2" >"/etc/vservers/$1/interfaces/0/ip"
	echo lo >"/etc/vservers/$1/interfaces/0/dev"
	echo 32 >"/etc/vservers/$1/interfaces/0/prefix"
}
has_addr() { ip -4 addr show dev lo | grep -q "inet $1/"; }
iface g1 10.99.0.1
iface g2 10.99.0.2
run vserver g1 start
expect_eq "a guest with an interface starts" 0 "$rc"
check "... its address is on the host device" has_addr 10.99.0.1
run vserver g1 exec sed -n 's/^NxID:[[:space:]]*//p' /proc/self/status
expect_eq "... its processes are in network context 110" 110 "$out"
run vserver g1 exec cat /proc/virtnet/110/info
expect_match "... which holds the address" "\[10\.99\.0\.1-" "$out"
vserver g2 start >/dev/null 2>&1
vserver g1 exec sh -c 'nc -ll -p 8080 -e echo hi-g1 </dev/null >/dev/null 2>&1 &'
vserver g2 exec sh -c 'nc -ll -p 8080 -e echo hi-g2 </dev/null >/dev/null 2>&1 &'
# busybox nc listens on :: (dual stack), which takes IPv4 too.
check "both guests listen on the wildcard of port 8080" wait_for 5 sh -c \
	'[ "$(netstat -ltn | grep -c " :::8080 ")" = 2 ]'
expect_eq "a connection to g1's address reaches g1" hi-g1 "$(nc -w 2 10.99.0.1 8080 </dev/null)"
expect_eq "... and to g2's reaches g2" hi-g2 "$(nc -w 2 10.99.0.2 8080 </dev/null)"
run vserver g1 exec sh -c 'nc -l -p 8181 & p=$!; sleep 0.3; netstat -ltn; kill $p'
expect_match "a wildcard listener in g1 stays on the wildcard" " :::8181 " "$out"
expect_eq "guest to guest works" hi-g2 "$(vserver g1 exec nc -w 2 10.99.0.2 8080 </dev/null)"
vserver g2 stop >/dev/null 2>&1
run vserver g1 stop
expect_eq "a guest with an interface stops" 0 "$rc"
check "... and its address leaves the host device" sh -c '! ip -4 addr show dev lo | grep -q "inet 10.99.0.1/"'
check "... g2's too" sh -c '! ip -4 addr show dev lo | grep -q "inet 10.99.0.2/"'
check "the network context is gone" test ! -e /proc/virtnet/110
VSERVER_FAIL_AT=addresses vserver g1 start >/dev/null 2>&1
check "a failure adding the address leaves none" sh -c '! ip -4 addr show dev lo | grep -q "inet 10.99.0.1/"'
VSERVER_FAIL_AT=network vserver g1 start >/dev/null 2>&1
check "a failure in the network step removes the address again" \
	sh -c '! ip -4 addr show dev lo | grep -q "inet 10.99.0.1/"'
check "... and leaves no network context" test ! -e /proc/virtnet/110
rm -r /etc/vservers/g1/interfaces /etc/vservers/g2/interfaces

# --- a guest with its own network namespace (spaces/net) -------------------------------
mkdir -p /etc/vservers/g2/spaces && : >/etc/vservers/g2/spaces/net
run vserver g2 start
expect_eq "a guest with spaces/net starts" 0 "$rc"
run vserver g2 exec cat /proc/net/dev
expect_eq "... it has its own network devices: lo only" 1 "$(printf '%s\n' "$out" | grep -c ':')"
run vserver g2 exec ip -o link
expect_match "... and lo is up" "lo: <LOOPBACK,UP" "$out"
nc -l -p 8383 -e echo host >/dev/null 2>&1 &
hostnc=$!
vserver g2 exec sh -c 'nc -ll -p 8383 -e echo g2 </dev/null >/dev/null 2>&1 &'
expect_eq "... so the guest and the host each have their own 127.0.0.1:8383" g2 \
	"$(vserver g2 exec nc -w 2 127.0.0.1 8383 </dev/null)"
kill $hostnc 2>/dev/null
vserver g2 stop >/dev/null 2>&1

# --- a guest with a network context and its own network namespace ---------------------
iface g2 10.99.0.3
run vserver g2 start
expect_eq "a guest with spaces/net and an interface starts" 0 "$rc"
check "... its address is not on the host's lo" sh -c '! ip -4 addr show dev lo | grep -q "inet 10.99.0.3/"'
run vserver g2 exec ip -o -4 addr
expect_match "... but on its own lo" "lo +inet 10\.99\.0\.3/32" "$out"
expect_eq "... and that is the one address it sees (HIDE_NETIF: not its 127.0.0.1)" 1 \
	"$(printf '%s\n' "$out" | grep -c inet)"
vserver g2 exec sh -c 'nc -ll -p 8484 -e echo hi-g2 </dev/null >/dev/null 2>&1 &'
check "... its wildcard listener is up" wait_for 5 sh -c \
	'vserver g2 exec netstat -ltn | grep -q " :::8484 "'
expect_eq "... and answers there, in the guest's namespace" hi-g2 \
	"$(vserver g2 exec nc -w 2 10.99.0.3 8484 </dev/null)"
check "... the host's stack does not have it" sh -c '! nc -w 1 10.99.0.3 8484 </dev/null'
expect_eq "... and at its 127.0.0.1, which is its own loopback address (LBACK_REMAP)" hi-g2 \
	"$(vserver g2 exec nc -w 2 127.0.0.1 8484 </dev/null)"
vserver g2 stop >/dev/null 2>&1
rm -r /etc/vservers/g2/spaces /etc/vservers/g2/interfaces

# --- every start step fails cleanly -------------------------------------------------------
for step in running barrier clone mount-private mount-root mount-fstab network chdir-root context \
	spaces uts attributes pivot-root spaces-root env end-setup init runfile; do
	VSERVER_FAIL_AT=$step vserver g1 start >/tmp/vs.out 2>/tmp/vs.err
	r=$?
	left=""
	[ "$r" = 1 ] || left="$left exit=$r"
	grep -q "$step\|injected\|Input/output" /tmp/vs.err || left="$left no-message"
	[ -e /proc/virtual/110 ] && left="$left context"
	[ -e /var/run/vservers/g1 ] && left="$left runfile"
	[ "$(ctx_procs 110)" = 0 ] || left="$left processes"
	[ "$(host_mounts)" = "$mounts_before" ] || left="$left mounts"
	expect_eq "a failure at step $step leaves nothing behind" "" "$left"
done

# --- bad configurations: reported before anything changes --------------------------------
echo abc >/etc/vservers/g1/context
run vserver g1 start
expect_match "a bad context file names file, line and value" \
	"/etc/vservers/g1/context:1: 'abc' is not a number" "$err"
echo 110 >/etc/vservers/g1/context
echo minit >/etc/vservers/g1/apps/init/style
run vserver g1 start
expect_match "an init style not supported yet is named" "apps/init/style: 'minit' is not supported" "$err"
echo plain >/etc/vservers/g1/apps/init/style
echo "none /nonexistent tmpfs defaults 0 0" >>/etc/vservers/g1/fstab
run vserver g1 start
expect_match "a missing mount point names the fstab line" \
	"step mount-fstab: /etc/vservers/g1/fstab:[0-9]+: mount point /nonexistent" "$err"
check "... and nothing is left" gone 110
sed -i '/nonexistent/d' /etc/vservers/g1/fstab
run vserver g1 start
expect_eq "with the mistakes mended it starts again" 0 "$rc"

# --- hook scripts (scripts/ACTION and scripts/ACTION.d/*) ------------------------------
vserver g1 stop >/dev/null 2>&1
rm -f /tmp/hooks.log
mkdir -p /etc/vservers/g1/scripts/pre-start.d
for a in pre-start post-start pre-stop post-stop pre-start.d/10-more; do
	printf '#!/bin/sh\necho "%s $1 $2" >>/tmp/hooks.log\n' "$a" >/etc/vservers/g1/scripts/$a
	chmod 755 /etc/vservers/g1/scripts/$a
done
vserver g1 start >/dev/null 2>&1
vserver g1 stop >/dev/null 2>&1
expect_eq "hooks run on the host in order, with action and name" \
	"pre-start pre-start g1
pre-start.d/10-more pre-start g1
post-start post-start g1
pre-stop pre-stop g1
post-stop post-stop g1" "$(cat /tmp/hooks.log)"
printf '#!/bin/sh\nexit 3\n' >/etc/vservers/g1/scripts/pre-start.d/20-fail
chmod 755 /etc/vservers/g1/scripts/pre-start.d/20-fail
run vserver g1 start
expect_eq "a failing pre-start hook stops the start" 1 "$rc"
expect_match "... and says so" "stopped by its hook script" "$err"
check "... before anything started" gone 110
rm -r /etc/vservers/g1/scripts
vserver g1 start >/dev/null 2>&1

# --- delete ---------------------------------------------------------------------------------
run vserver g1 delete --force
expect_match "a running guest is not deleted" "is running: stop it first" "$err"
vserver g1 stop >/dev/null 2>&1
run vserver g1 delete </dev/null
expect_eq "delete without --force and no terminal refuses" 1 "$rc"
check "... and keeps the guest" test -d /vservers/g1
run vserver g1 delete --force
expect_eq "delete --force exits 0" 0 "$rc"
check "... the root is gone" test ! -e /vservers/g1
check "... the configuration is gone" test ! -e /etc/vservers/g1
vserver g2 delete --force >/dev/null 2>&1
done_testing
