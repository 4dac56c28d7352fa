// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Socket accounting of contexts (sock_stat, cacct)
 *
 * Every message a task of a context sends or receives through a socket is
 * counted in its context, by the socket's family class (ABI §3.3
 * sock_stat): a receive with its bytes, a send with its bytes, or a failed
 * send with the bytes it asked for. The counters belong to the context of
 * the task that sends or receives, whoever created the socket; kernel
 * threads and host tasks count nowhere. sock_sendmsg_nosec() and
 * sock_recvmsg_nosec() call in (patches/0028): every send and receive path
 * of the socket layer goes through them (send, sendto, sendmsg, sendmmsg,
 * write, splice, and their receive twins).
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/atomic.h>
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

static void account(struct vx_info *const vxi, const struct socket *const sock,
		    const unsigned int what, const u64 bytes)
{
	struct vx_sock_acct *const a = &vxi->cacct[family_class(sock)];

	atomic_long_inc(&a->count[what]);
	atomic64_add(bytes, &a->total[what]);
}

/**
 * vs_sock_send - Count a send of current's on @sock
 * @sock: the socket
 * @size: the bytes asked to be sent
 * @ret: what the protocol returned: bytes sent, or an error
 */
void vs_sock_send(const struct socket *const sock, const size_t size,
		  const int ret)
{
	struct vx_info *const vxi = vs_cred(current_cred())->vxi;

	if (likely(!vxi))
		return;
	if (ret >= 0)
		account(vxi, sock, VXA_SOCK_SEND, ret);
	else
		account(vxi, sock, VXA_SOCK_FAIL, size);
}

/**
 * vs_sock_recv - Count a receive of current's on @sock
 * @sock: the socket
 * @ret: what the protocol returned: bytes received, or an error (not
 *       counted: nothing was received)
 */
void vs_sock_recv(const struct socket *const sock, const int ret)
{
	struct vx_info *const vxi = vs_cred(current_cred())->vxi;

	if (likely(!vxi) || ret < 0)
		return;
	account(vxi, sock, VXA_SOCK_RECV, ret);
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
	const struct vx_sock_acct *a;
	unsigned int i;

	if (d->field >= VXA_SOCK_NR)
		return -EINVAL;
	a = &call->vxi->cacct[d->field];
	for (i = 0; i < ARRAY_SIZE(d->count); i++) {
		d->count[i] = (u32)atomic_long_read(&a->count[i]);
		d->total[i] = atomic64_read(&a->total[i]);
	}
	return 0;
}
