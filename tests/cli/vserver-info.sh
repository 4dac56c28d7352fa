#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# vserver-info against the booted kernel.
. ./tap.sh
plan 16

run vserver-info - APIVER
expect_eq "APIVER prints the interface version" "0x00020308" "$out"
expect_eq "APIVER exits 0" 0 "$rc"

run vserver-info --json - APIVER
expect_eq "APIVER --json" '{"apiver": "0x00020308"}' "$out"

run vserver-info - VCI
expect_eq "VCI matches /proc/virtual/info" \
	"0x$(awk '/^VCIKernel:/ {print $2}' /proc/virtual/info)" "$out"

run vserver-info - FEATURE MIGRATE
expect_eq "FEATURE MIGRATE is there (version >= 0x00010012)" 0 "$rc"
run vserver-info - FEATURE vstat
expect_eq "FEATURE VSTAT is not (only 0x00020103..0x00020305)" 1 "$rc"
run vserver-info - FEATURE DYNAMIC
expect_eq "FEATURE DYNAMIC is not (VCI NO_DYNAMIC)" 1 "$rc"
run vserver-info - FEATURE NOSUCH
expect_eq "unknown feature is a usage error" 2 "$rc"
expect_match "unknown feature names the feature" "unknown feature 'NOSUCH'" "$err"

run vserver-info - SYSINFO
expect_match "SYSINFO shows the API" "^VS-API: +0x00020308 \\(2\\.3\\.8\\)" "$out"

run vserver-info --json - SYSINFO
expect_match "SYSINFO --json is one object" '^\{"kernel": "6\.12\.[0-9]+.*", "apiver": "0x00020308", "vci": "0x[0-9a-f]{8}", "features": \[.*"MIGRATE".*\]\}$' "$out"

run vserver-info --help
expect_match "--help prints usage and exits 0" "^Usage: vserver-info" "$out"
expect_eq "--help exit status" 0 "$rc"

run vserver-info --bogus - APIVER
expect_eq "bad option exits 2" 2 "$rc"

run vserver-info - NOSUCHTAG
expect_match "unknown tag names it" "unknown tag 'NOSUCHTAG'" "$err"

run vserver-info
expect_eq "missing arguments exit 2" 2 "$rc"

done_testing
