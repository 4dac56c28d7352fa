// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Socket accounting of contexts (sock_stat, cacct)
 *
 * Every message a task of a context sends or receives through a socket is
 * counted in its context, by the socket's family class (ABI §3.3
 * sock_stat): a receive with its bytes, a send with its bytes, or a failed
 * send with the bytes it asked for. The counters belong to the context of
 * the task that sends or receives, whoever created the socket, and are per
 * CPU; kernel threads and host tasks count nowhere, and are told apart
 * inline (<linux/vserver.h>) without calling in. sock_sendmsg_nosec() and
 * sock_recvmsg_nosec() call in (patches/0028): every send and receive path
 * of the socket layer goes through them (send, sendto, sendmsg, sendmmsg,
 * write, splice, and their receive twins).
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/percpu.h>
#include <linux/net.h>
#include <linux/socket.h>
#include <linux/vserver.h>
#include <linux/vserver/network.h>
#include <linux/vserver/switch.h>
#include <net/sock.h>

#include "common.h"
#include "context.h"
#include "cred.h"
#include "switch.h"

static unsigned int family_class(const struct socket *const sock)
{
	switch (sock->sk ? sock->sk->sk_family : AF_UNSPEC) {
	case AF_UNSPEC:
		return VXA_SOCK_UNSPEC;
	case AF_UNIX:
		return VXA_SOCK_UNIX;
	case AF_INET:
		return VXA_SOCK_INET;
	case AF_INET6:
		return VXA_SOCK_INET6;
	case AF_PACKET:
		return VXA_SOCK_PACKET;
	}
	return VXA_SOCK_OTHER;
}

DEFINE_STATIC_KEY_FALSE(vs_vx_used);
unsigned int vs_cred_blob __ro_after_init;

/**
 * vs_vx_start - Turn the accounting of <linux/vserver.h> on
 *
 * Called before the first context exists: until then no task can be in
 * one. Never turned off again.
 *
 * Context: process context, may sleep (static_branch_enable()).
 */
void vs_vx_start(void)
{
	if (!static_key_enabled(&vs_vx_used))
		static_branch_enable(&vs_vx_used);
}

void __init vs_cacct_init(void)
{
	/* <linux/vserver.h> reads a cred's vxi at the start of our blob. */
	BUILD_BUG_ON(offsetof(struct vs_cred, vxi) != 0);
	vs_cred_blob = vs_blob_sizes.lbs_cred;
}

static void account(struct vx_info *const vxi, const struct socket *const sock,
		    const unsigned int what, const u64 bytes)
{
	struct vx_sock_acct __percpu *const a = vxi->cacct + family_class(sock);

	this_cpu_inc(a->count[what]);
	this_cpu_add(a->total[what], bytes);
}

/**
 * vx_sock_acct_sum - The socket counters of one family class, all CPUs'
 * @vxi: the context (a reference held)
 * @class: VXA_SOCK_*
 * @sum: the totals
 *
 * Not a snapshot: counts of other CPUs move while they are added up.
 */
void vx_sock_acct_sum(const struct vx_info *const vxi, const unsigned int class,
		      struct vx_sock_acct *const sum)
{
	unsigned int cpu, i;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		const struct vx_sock_acct *const a =
			per_cpu_ptr(vxi->cacct, cpu) + class;

		for (i = 0; i < ARRAY_SIZE(sum->count); i++) {
			sum->count[i] += READ_ONCE(a->count[i]);
			sum->total[i] += READ_ONCE(a->total[i]);
		}
	}
}

/**
 * __vs_sock_send - Count a send of current's on @sock
 * @sock: the socket
 * @size: the bytes asked to be sent
 * @ret: what the protocol returned: bytes sent, or an error
 *
 * Called through vs_sock_send() for a task in a context.
 */
void __vs_sock_send(const struct socket *const sock, const size_t size,
		    const int ret)
{
	struct vx_info *const vxi = vs_cred(current_cred())->vxi;

	if (ret >= 0)
		account(vxi, sock, VXA_SOCK_SEND, ret);
	else
		account(vxi, sock, VXA_SOCK_FAIL, size);
}

/**
 * __vs_sock_recv - Count a receive of current's on @sock
 * @sock: the socket
 * @ret: what the protocol returned: bytes received, or an error (not
 *       counted: nothing was received)
 *
 * Called through vs_sock_recv() for a task in a context.
 */
void __vs_sock_recv(const struct socket *const sock, const int ret)
{
	if (ret >= 0)
		account(vs_cred(current_cred())->vxi, sock, VXA_SOCK_RECV, ret);
}

/**
 * vs_sock_stat - The socket counters of one family class (sock_stat)
 * @call: call->vxi = the context; data = struct vcmd_sock_stat_v0 with
 *        @field set
 *
 * The counts are the low 32 bits of the context's counters (the ABI's
 * width); the byte totals are whole.
 *
 * Return: 0, or -EINVAL for a @field beyond VXA_SOCK_OTHER.
 */
long vs_sock_stat(struct vs_call *const call)
{
	struct vcmd_sock_stat_v0 *const d = (void *)call->buf;
	struct vx_sock_acct sum;
	unsigned int i;

	if (d->field >= VXA_SOCK_NR)
		return -EINVAL;
	vx_sock_acct_sum(call->vxi, d->field, &sum);
	for (i = 0; i < ARRAY_SIZE(d->count); i++) {
		d->count[i] = (u32)sum.count[i];
		d->total[i] = sum.total[i];
	}
	return 0;
}
