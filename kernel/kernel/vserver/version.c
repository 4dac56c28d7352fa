// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Interface version and configuration bits
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/bits.h>
#include <linux/vserver/switch.h>

#include "switch.h"

/**
 * vs_vci - The configuration bits reported by get_vci and /proc/virtual/info
 *
 * Only what this kernel really does is reported: util-vserver picks its code
 * paths from these bits, so a bit set ahead of its feature would make the
 * tools call commands that do not exist yet. Dynamic context ids are never
 * allocated (NO_DYNAMIC), as in the newest VServer kernels; contexts keep
 * namespaces (SPACES); network contexts take the v1 and v2 address commands
 * (NETV2).
 *
 * Return: the VCI bitmap; bit 31 (MORE) stays clear so that the value is
 * never mistaken for an error by callers that read it as an int.
 */
u32 vs_vci(void)
{
	return BIT(VCI_KCBIT_NO_DYNAMIC) | BIT(VCI_KCBIT_SPACES) |
	       BIT(VCI_KCBIT_NETV2);
}

long vs_get_version(struct vs_call *const call)
{
	return VCI_VERSION;
}

long vs_get_vci(struct vs_call *const call)
{
	return vs_vci();
}
