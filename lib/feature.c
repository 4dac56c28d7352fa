// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libvserver - feature names, decided as util-vserver decides them
 *
 * util-vserver chooses its code paths from the interface version and the
 * VCI bits (ABI §2.1); `vserver-info - FEATURE X` answers the same question
 * for scripts, so the thresholds here are util-vserver's, not ours.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <strings.h>

#include "vserver.h"

struct feature {
	const char *name;
	int min;	/* lowest version, inclusive */
	int below;	/* first version without it, 0 for none */
	int vci_bit;	/* VCI bit that must be set, -1 for none */
	int never;
};

/* clang-format off */
static const struct feature features[] = {
	{ "COMPAT",	0,		0,		-1, 0 },
	{ "VSHELPER0",	0x00010000,	0x00010010,	-1, 0 },
	{ "VSHELPER",	0x00010000,	0,		-1, 0 },
	{ "VKILL",	0x00010004,	0,		-1, 0 },
	{ "RLIMIT",	0x00010004,	0,		-1, 0 },
	{ "VINFO",	0x00010010,	0,		-1, 0 },
	{ "VHI",	0x00010010,	0,		-1, 0 },
	{ "IATTR",	0x00010011,	0,		-1, 0 },
	{ "MIGRATE",	0x00010012,	0,		-1, 0 },
	{ "NAMESPACE",	0x00010012,	0,		-1, 0 },
	{ "VWAIT",	0x00010025,	0,		-1, 0 },
	{ "SCHED",	0x00020000,	0,		-1, 0 },
	{ "VNET",	0x00020001,	0,		-1, 0 },
	{ "PERSISTENT",	0x00020002,	0,		-1, 0 },
	{ "VSTAT",	0x00020103,	0x00020306,	-1, 0 },
	{ "PIVOT_ROOT",	0x00020304,	0,		-1, 0 },
	{ "MEMCG",	0x00020306,	0,		VCI_KCBIT_MEMCG, 0 },
	{ "SPACES",	0,		0,		VCI_KCBIT_SPACES, 0 },
	{ "PPTAG",	0,		0,		VCI_KCBIT_PPTAG, 0 },
	{ "DYNAMIC",	0,		0,		-1, 0 },	/* special */
	{ "PIDSPACE",	0,		0,		-1, 1 },
	{ "BME",	0,		0,		-1, 1 },	/* kernels < 2.6.26 */
};
/* clang-format on */

#define N_FEATURES (sizeof(features) / sizeof(features[0]))

int vc_feature_check(const char *name, int version, uint32_t vci)
{
	const struct feature *f = NULL;
	unsigned int i;

	for (i = 0; i < N_FEATURES; i++)
		if (name && !strcasecmp(name, features[i].name))
			f = &features[i];
	if (!f) {
		errno = EINVAL;
		return -1;
	}
	if (f->never)
		return 0;
	if (!strcasecmp(f->name, "DYNAMIC"))
		return version < 0x00020300 || !(vci & (1U << VCI_KCBIT_NO_DYNAMIC));
	if (version < f->min || (f->below && version >= f->below))
		return 0;
	return f->vci_bit < 0 || (vci & (1U << f->vci_bit)) != 0;
}

int vc_feature_supported(const char *name)
{
	int version = vc_get_version();
	int64_t vci;

	if (version < 0)
		return -1;
	vci = vc_get_vci();
	if (vci < 0)
		return -1;
	return vc_feature_check(name, version, (uint32_t)vci);
}

const char *vc_feature_name(unsigned int i)
{
	return i < N_FEATURES ? features[i].name : NULL;
}
