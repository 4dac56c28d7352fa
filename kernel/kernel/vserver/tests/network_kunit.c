// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the address entries of network contexts: when two
 * entries cover a common address, which decides whether two guests'
 * wildcard sockets may share a port.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <kunit/test.h>
#include <linux/inet.h>
#include <linux/vserver/network.h>

#include "../network.h"

static struct nx_addr4 v4(const u16 type, const char *const ip,
			  const char *const ip2, const char *const mask)
{
	struct nx_addr4 e = { .type = type };

	e.ip = in_aton(ip);
	e.ip2 = ip2 ? in_aton(ip2) : 0;
	e.mask = in_aton(mask ? mask : "255.255.255.255");
	return e;
}

static struct nx_addr6 v6(const u16 type, const char *const ip,
			  const unsigned int prefix)
{
	struct nx_addr6 e = { .type = type, .prefix = prefix };
	unsigned int i;

	in6_pton(ip, -1, e.ip.s6_addr, -1, NULL);
	for (i = 0; i < prefix; i++)
		e.mask.s6_addr[i / 8] |= 0x80 >> (i % 8);
	return e;
}

/* Both orders, so that the relation is checked to be symmetric. */
static void expect4(struct kunit *const test, const struct nx_addr4 a,
		    const struct nx_addr4 b, const bool meet)
{
	KUNIT_EXPECT_EQ_MSG(test, nx_addr4_meet(&a, &b), meet, "%pI4 %pI4",
			    &a.ip, &b.ip);
	KUNIT_EXPECT_EQ_MSG(test, nx_addr4_meet(&b, &a), meet, "%pI4 %pI4",
			    &b.ip, &a.ip);
}

static void test_addr4_single(struct kunit *const test)
{
	const struct nx_addr4 one = v4(NXA_TYPE_ADDR, "10.0.0.1", NULL, NULL);

	expect4(test, one, one, true);
	expect4(test, one, v4(NXA_TYPE_ADDR, "10.0.0.2", NULL, NULL), false);
	/* An ADDR entry's netmask is not a network: 10.0.0.1/24 is one address. */
	expect4(test, v4(NXA_TYPE_ADDR, "10.0.0.1", NULL, "255.255.255.0"),
		v4(NXA_TYPE_ADDR, "10.0.0.2", NULL, "255.255.255.0"), false);
}

static void test_addr4_networks(struct kunit *const test)
{
	const struct nx_addr4 net = v4(NXA_TYPE_MASK, "10.0.0.0", NULL, "255.255.255.0");

	expect4(test, net, v4(NXA_TYPE_ADDR, "10.0.0.200", NULL, NULL), true);
	expect4(test, net, v4(NXA_TYPE_ADDR, "10.0.1.1", NULL, NULL), false);
	/* Nested networks, and host bits in a network's address. */
	expect4(test, net, v4(NXA_TYPE_MASK, "10.0.0.128", NULL, "255.255.255.128"), true);
	expect4(test, net, v4(NXA_TYPE_MASK, "10.0.1.7", NULL, "255.255.255.0"), false);
	/* 0.0.0.0/0 ("any") meets everything. */
	expect4(test, v4(NXA_TYPE_MASK, "0.0.0.0", NULL, "0.0.0.0"),
		v4(NXA_TYPE_ADDR, "192.0.2.1", NULL, NULL), true);
}

static void test_addr4_ranges(struct kunit *const test)
{
	const struct nx_addr4 r = v4(NXA_TYPE_RANGE, "10.0.0.1", "10.0.0.3", NULL);

	/* The end of a range is not in it. */
	expect4(test, r, v4(NXA_TYPE_ADDR, "10.0.0.2", NULL, NULL), true);
	expect4(test, r, v4(NXA_TYPE_ADDR, "10.0.0.3", NULL, NULL), false);
	expect4(test, r, v4(NXA_TYPE_RANGE, "10.0.0.3", "10.0.0.9", NULL), false);
	expect4(test, r, v4(NXA_TYPE_RANGE, "10.0.0.2", "10.0.0.9", NULL), true);
	expect4(test, r, v4(NXA_TYPE_MASK, "10.0.0.0", NULL, "255.255.255.252"), true);
	/* An empty range covers nothing. */
	expect4(test, v4(NXA_TYPE_RANGE, "10.0.0.5", "10.0.0.5", NULL),
		v4(NXA_TYPE_MASK, "0.0.0.0", NULL, "0.0.0.0"), false);
	/* Host order: the ranges are compared as numbers, not bytes. */
	expect4(test, v4(NXA_TYPE_RANGE, "10.0.0.250", "10.0.1.5", NULL),
		v4(NXA_TYPE_ADDR, "10.0.1.1", NULL, NULL), true);
}

static void expect6(struct kunit *const test, const struct nx_addr6 a,
		    const struct nx_addr6 b, const bool meet)
{
	KUNIT_EXPECT_EQ_MSG(test, nx_addr6_meet(&a, &b), meet, "%pI6c/%u %pI6c/%u",
			    &a.ip, a.prefix, &b.ip, b.prefix);
	KUNIT_EXPECT_EQ_MSG(test, nx_addr6_meet(&b, &a), meet, "%pI6c/%u %pI6c/%u",
			    &b.ip, b.prefix, &a.ip, a.prefix);
}

static void test_addr6(struct kunit *const test)
{
	const struct nx_addr6 one = v6(NXA_TYPE_ADDR, "fd77::1", 128);
	const struct nx_addr6 net = v6(NXA_TYPE_MASK, "fd77::", 64);

	expect6(test, one, one, true);
	expect6(test, one, v6(NXA_TYPE_ADDR, "fd77::2", 128), false);
	expect6(test, net, one, true);
	expect6(test, net, v6(NXA_TYPE_ADDR, "fd77:0:0:1::1", 128), false);
	expect6(test, net, v6(NXA_TYPE_MASK, "fd00::", 8), true);
	expect6(test, net, v6(NXA_TYPE_MASK, "fe80::", 10), false);
	expect6(test, one, v6(NXA_TYPE_MASK, "::", 0), true);
}

static struct kunit_case vserver_network_test_cases[] = {
	KUNIT_CASE(test_addr4_single),
	KUNIT_CASE(test_addr4_networks),
	KUNIT_CASE(test_addr4_ranges),
	KUNIT_CASE(test_addr6),
	{}
};

static struct kunit_suite vserver_network_test_suite = {
	.name = "vserver_network",
	.test_cases = vserver_network_test_cases,
};

kunit_test_suite(vserver_network_test_suite);
