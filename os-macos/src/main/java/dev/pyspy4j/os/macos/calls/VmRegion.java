// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.calls;

/**
 * What {@code mach_vm_region} reports about one region: where it starts, how long it is, and the raw
 * {@code vm_region_basic_info_64} it filled in.
 */
public record VmRegion(long address, long size, byte[] basicInfo) {
}
