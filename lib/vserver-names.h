/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libvserver - names of flags, capabilities and namespace bits
 *
 * The text forms util-vserver accepts in its configuration files and on
 * its command lines (ABI §4.1-4.3, 4.6, 4.7, 4.12): names are
 * case-insensitive, may carry the kernel prefix of their table (vxf_, vxc_,
 * cap_, nxf_, nxc_), and every table also knows "^N" (bit N, 0..63), a
 * plain number (its value as a bit mask, as strtoull(..., 0) reads it),
 * "all" (alias "any") and "none".
 *
 * Self-contained: needs only <stdint.h> and <stddef.h>.
 *
 * Copyright (C) 2026 The vserver authors
 */
#ifndef VSERVER_NAMES_H
#define VSERVER_NAMES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Which name table: the bits of which kernel word. */
enum vc_names {
	VC_NAMES_CFLAGS,	/* context flags, VXF_* */
	VC_NAMES_CCAPS,		/* context capabilities, VXC_* */
	VC_NAMES_BCAPS,		/* bounding capabilities: Linux caps + CONTEXT (63) */
	VC_NAMES_NFLAGS,	/* network flags, NXF_* */
	VC_NAMES_NCAPS,		/* network capabilities, NXC_* */
	VC_NAMES_UMASK,		/* namespaces a guest may unshare, CLONE_* */
};

/*
 * A change to a 64-bit word: the bits in @mask are set to their value in
 * @value, the others are left alone (the kernel's flagword/mask pairs).
 */
struct vc_mask64 {
	uint64_t value;
	uint64_t mask;
};

/**
 * vc_name_to_bits - the bits one name stands for
 * @t: the table
 * @name: the name, not necessarily NUL-terminated
 * @len: its length in bytes
 * @ret_bits: where to store the bits
 *
 * Accepts the names above, the pseudo names of the table (cflags "default"
 * and "secure"), "^N", a number, "all" (the table's known bits; for bcaps
 * every bit) and "none" (no bit). Returns 0, or -1 with errno EINVAL for an
 * unknown name or table.
 */
int vc_name_to_bits(enum vc_names t, const char *name, size_t len, uint64_t *ret_bits);

/**
 * vc_bit_to_name - the canonical name of bit @bit of table @t
 *
 * Returns a static string, or NULL with errno ENOENT when the bit has no
 * name, EINVAL for a bad table or a bit above 63. Bounding capabilities
 * are named as util-vserver names them: upper case, without "CAP_".
 */
const char *vc_bit_to_name(enum vc_names t, unsigned int bit);

/**
 * vc_parse_list - parse a list of names into a change
 * @t: the table
 * @text: NUL-terminated list
 * @ret: the change, written only on success
 * @ret_bad_off: offset of the bad token in @text, written only on failure
 * @ret_bad_len: its length, written only on failure (either may be NULL)
 *
 * Tokens are separated by commas, spaces, tabs and newlines; '#' starts a
 * comment that runs to the end of the line. A token sets its bits (value
 * and mask 1); with a leading '!' or '~' it clears them (value 0, mask 1).
 * "none" clears every bit (mask all ones, value 0); "all" sets every known
 * bit of the table. Later tokens override earlier ones. An empty list
 * gives {0, 0}.
 *
 * Returns 0, or -1 with errno EINVAL (a bad token: the whole token,
 * including its '!', is reported).
 */
int vc_parse_list(enum vc_names t, const char *text, struct vc_mask64 *ret,
		  size_t *ret_bad_off, size_t *ret_bad_len);

/**
 * vc_format_bits - write @bits as a list of names
 * @t: the table
 * @bits: the bits
 * @buf: where to write the NUL-terminated list
 * @size: size of @buf
 *
 * Canonical names in bit order, separated by commas; a bit without a name
 * is written as "^N". No bits give "". Returns 0, or -1 with errno ENOSPC
 * when @size is too small (then @buf is not written), EINVAL for a bad
 * table.
 */
int vc_format_bits(enum vc_names t, uint64_t bits, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* VSERVER_NAMES_H */
