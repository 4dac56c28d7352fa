// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host test of libvserver's limit wrappers (lib/limit.c) against a fake
 * kernel: a seccomp filter traps the vserver system call, and the SIGSYS
 * handler records the command word, the id and the bytes of the structure
 * it was given, writes the answer a kernel with limits would write and
 * returns it. So the wrappers' command words, ids and structure layouts
 * (x86_64, ABI §3.2: rlimit_v0 32 bytes, id at 0, minimum at 8, soft at
 * 16, maximum at 24) are tested here, before any kernel implements them;
 * the test kernel still answers ENOSYS (tests/cli/vlimit.sh).
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <ucontext.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include <vserver.h>

static int n, failed;

static void ok(int cond, const char *what)
{
	n++;
	if (!cond)
		failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", n, what);
}

/* What the fake kernel saw, and what it answers. */
static struct {
	unsigned long cmd, id;
	void *data;
	unsigned char in[32];	/* the structure as the call passed it */
	unsigned char out[32];	/* written over it when ret is 0 */
	size_t len;		/* the structure's size */
	bool write;		/* write out over it (when ret is 0) */
	long ret;		/* 0, or -errno */
} k;

static void fake_kernel(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;
	greg_t *r = uc->uc_mcontext.gregs;

	(void)sig;
	(void)si;
	k.cmd = (unsigned long)r[REG_RDI];
	k.id = (unsigned long)r[REG_RSI];
	k.data = (void *)r[REG_RDX];
	if (k.data)
		memcpy(k.in, k.data, k.len);
	if (k.data && k.ret == 0 && k.write)
		memcpy(k.data, k.out, k.len);
	r[REG_RAX] = k.ret;
}

static int trap_vserver(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, VSERVER_SYSCALL_X86_64, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fake_kernel;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGSYS, &sa, NULL) < 0 || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
}

/*
 * The next call passes a structure of @len bytes (recorded in k.in) and
 * gets @ret; with @out, a successful call gets @out written over it.
 */
static void answer(long ret, size_t len, const void *out)
{
	memset(&k, 0, sizeof(k));
	k.ret = ret;
	k.len = len;
	k.write = out != NULL;
	if (out)
		memcpy(k.out, out, len);
}

static uint32_t in32(size_t off)
{
	uint32_t v;

	memcpy(&v, k.in + off, sizeof(v));
	return v;
}

static uint64_t in64(size_t off)
{
	uint64_t v;

	memcpy(&v, k.in + off, sizeof(v));
	return v;
}

static void put32(unsigned char *b, size_t off, uint32_t v)
{
	memcpy(b + off, &v, sizeof(v));
}

static void put64(unsigned char *b, size_t off, uint64_t v)
{
	memcpy(b + off, &v, sizeof(v));
}

static void test_set(void)
{
	const struct vc_rlimit lim = { 1, 200, VC_LIM_KEEP };

	answer(0, 32, NULL);
	ok(vc_set_rlimit(42, 6, &lim) == 0, "set_rlimit: 0 when the kernel says 0");
	ok(k.cmd == VCMD_set_rlimit && k.id == 42, "set_rlimit: its command word, xid as id");
	ok(in32(0) == 6 && in64(8) == 1 && in64(16) == 200 && in64(24) == VC_LIM_KEEP,
	   "set_rlimit: resource at 0, minimum at 8, soft at 16, hard at 24");
	answer(-ENOSYS, 32, NULL);
	errno = 0;
	ok(vc_set_rlimit(42, 6, &lim) == -1 && errno == ENOSYS, "set_rlimit: -1 and ENOSYS");
}

static void test_get(void)
{
	unsigned char out[32] = { 0 };
	struct vc_rlimit l = { 7, 7, 7 };

	put32(out, 0, 17);
	put64(out, 8, 0);
	put64(out, 16, 1000);
	put64(out, 24, VC_LIM_INFINITY);
	answer(0, 32, out);
	ok(vc_get_rlimit(43, 17, &l) == 0 && k.cmd == VCMD_get_rlimit && k.id == 43,
	   "get_rlimit: its command word, xid as id");
	ok(in32(0) == 17, "get_rlimit: the resource at 0");
	ok(l.min == 0 && l.soft == 1000 && l.hard == VC_LIM_INFINITY,
	   "get_rlimit: minimum, soft and hard read from 8, 16, 24");
	answer(-EINVAL, 32, out);
	l = (struct vc_rlimit){ 7, 7, 7 };
	ok(vc_get_rlimit(43, 3, &l) == -1 && errno == EINVAL && l.min == 7 && l.soft == 7 &&
		   l.hard == 7,
	   "get_rlimit: EINVAL, nothing written");
}

static void test_mask(void)
{
	unsigned char out[12];
	struct vc_rlimit_mask m = { 9, 9, 9 };

	put32(out, 0, 0);
	put32(out, 4, 0x20);
	put32(out, 8, 0x004B14C0);
	answer(0, 12, out);
	ok(vc_get_rlimit_mask(44, &m) == 0 && k.cmd == VCMD_get_rlimit_mask,
	   "get_rlimit_mask: its command word");
	ok(m.min == 0 && m.soft == 0x20 && m.hard == 0x004B14C0,
	   "get_rlimit_mask: minimum, soft, hard at 0, 4, 8");
	answer(-ENOSYS, 12, NULL);
	m = (struct vc_rlimit_mask){ 9, 9, 9 };
	ok(vc_get_rlimit_mask(44, &m) == -1 && errno == ENOSYS && m.hard == 9,
	   "get_rlimit_mask: ENOSYS, nothing written");
}

static void test_stat(void)
{
	unsigned char out[32];
	struct vc_rlimit_stat st = { 0, 0, 0, 0 };

	put32(out, 0, 6);
	put32(out, 4, 3);
	put64(out, 8, 12);
	put64(out, 16, 2);
	put64(out, 24, 40);
	answer(0, 32, out);
	ok(vc_rlimit_stat(45, 6, &st) == 0 && k.cmd == VCMD_rlimit_stat && k.id == 45,
	   "rlimit_stat: its command word, xid as id");
	ok(in32(0) == 6, "rlimit_stat: the resource at 0");
	ok(st.hits == 3 && st.value == 12 && st.minimum == 2 && st.maximum == 40,
	   "rlimit_stat: hits at 4, value, minimum, maximum at 8, 16, 24");
}

static void test_reset(void)
{
	answer(0, 0, NULL);
	ok(vc_reset_minmax(46) == 0 && k.cmd == VCMD_reset_minmax && k.id == 46 && !k.data,
	   "reset_minmax: its command word, xid as id, no data");
}

int main(void)
{
	if (trap_vserver() < 0) {
		printf("1..0 # SKIP cannot install a seccomp filter: %s\n", strerror(errno));
		return 0;
	}
	test_set();
	test_get();
	test_mask();
	test_stat();
	test_reset();
	printf("1..%d\n", n);
	return failed != 0;
}
