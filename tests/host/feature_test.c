// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host test of libvserver's feature decisions (vc_feature_check), against
 * util-vserver's thresholds as the ABI document lists them (§2.1).
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <vserver.h>

static int n, failed;

static void check(int cond, const char *what)
{
	n++;
	if (!cond)
		failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", n, what);
}

#define NEWEST 0x00020308
#define VCI_NEWEST ((1U << VCI_KCBIT_NO_DYNAMIC) | (1U << VCI_KCBIT_SPACES) | \
		    (1U << VCI_KCBIT_NETV2) | (1U << VCI_KCBIT_PPTAG))

int main(void)
{
	unsigned int i;

	printf("1..21\n");
	check(vc_feature_check("COMPAT", 0, 0) == 1, "COMPAT always");
	check(vc_feature_check("migrate", NEWEST, 0) == 1, "names are case-insensitive");
	check(vc_feature_check("MIGRATE", 0x00010011, 0) == 0, "MIGRATE needs >= 0x00010012");
	check(vc_feature_check("VSHELPER0", 0x0001000f, 0) == 1, "VSHELPER0 below 0x00010010");
	check(vc_feature_check("VSHELPER0", NEWEST, 0) == 0, "VSHELPER0 not on 2.3");
	check(vc_feature_check("VSHELPER", NEWEST, 0) == 1, "VSHELPER on 2.3");
	check(vc_feature_check("VWAIT", 0x00010024, 0) == 0, "VWAIT needs >= 0x00010025");
	check(vc_feature_check("VSTAT", 0x00020305, 0) == 1, "VSTAT up to 0x00020305");
	check(vc_feature_check("VSTAT", 0x00020306, 0) == 0, "VSTAT gone at 0x00020306");
	check(vc_feature_check("PIVOT_ROOT", 0x00020303, 0) == 0, "PIVOT_ROOT needs 0x00020304");
	check(vc_feature_check("MEMCG", NEWEST, 0) == 0, "MEMCG needs the VCI bit");
	check(vc_feature_check("MEMCG", NEWEST, 1U << VCI_KCBIT_MEMCG) == 1, "MEMCG with the bit");
	check(vc_feature_check("MEMCG", 0x00020305, 1U << VCI_KCBIT_MEMCG) == 0,
	      "MEMCG needs 0x00020306 too");
	check(vc_feature_check("SPACES", NEWEST, VCI_NEWEST) == 1, "SPACES from the VCI bit");
	check(vc_feature_check("SPACES", NEWEST, 0) == 0, "no SPACES without the bit");
	check(vc_feature_check("DYNAMIC", NEWEST, VCI_NEWEST) == 0, "no DYNAMIC with NO_DYNAMIC");
	check(vc_feature_check("DYNAMIC", 0x00020205, VCI_NEWEST) == 1, "DYNAMIC before 2.3");
	check(vc_feature_check("PIDSPACE", NEWEST, ~0U) == 0, "PIDSPACE never");
	errno = 0;
	check(vc_feature_check("NOSUCH", NEWEST, 0) == -1 && errno == EINVAL, "unknown: EINVAL");
	check(vc_feature_check(NULL, NEWEST, 0) == -1 && errno == EINVAL, "NULL: EINVAL");
	for (i = 0; vc_feature_name(i); i++)
		if (vc_feature_check(vc_feature_name(i), NEWEST, VCI_NEWEST) < 0)
			break;
	check(i > 20 && !vc_feature_name(i), "every listed name is known");
	return failed ? 1 : 0;
}
