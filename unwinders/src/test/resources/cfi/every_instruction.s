# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
# Functions whose CFI uses every call-frame instruction and augmentation x86_64 toolchains emit, for comparison
# with readelf's interpreted tables. .cfi_escape writes the instructions gas has no directive for.
        .text
        .globl  every_rule
        .type   every_rule, @function
every_rule:
        .cfi_startproc
        .cfi_personality 0x9b, DW.ref.personality
        .cfi_lsda 0x1b, .Llsda
        push    %rbp
        .cfi_def_cfa_offset 16
        .cfi_offset %rbp, -16
        mov     %rsp, %rbp
        .cfi_def_cfa_register %rbp
        push    %rbx
        .cfi_offset %rbx, -24
        .cfi_remember_state
        nop
        .cfi_register %r12, %rdx
        .cfi_undefined %r13
        .cfi_same_value %r14
        .cfi_val_offset %r15, -40
        .skip 300, 0x90
        .cfi_restore_state
        nop
        # DW_CFA_offset_extended r3, 2 ; DW_CFA_restore_extended r3 ; DW_CFA_nop
        .cfi_escape 0x05, 0x03, 0x02, 0x06, 0x03, 0x00
        nop
        # DW_CFA_def_cfa_sf rbp, -2 (x -8 = 16) ; DW_CFA_def_cfa_offset_sf -4 (= 32)
        .cfi_escape 0x12, 0x06, 0x7e, 0x13, 0x7c
        nop
        # DW_CFA_offset_extended_sf r14, -3 (= 24) ; DW_CFA_val_offset_sf r15, -1 (= 8)
        .cfi_escape 0x11, 0x0e, 0x7d, 0x15, 0x0f, 0x7f
        nop
        # DW_CFA_GNU_args_size 16 ; DW_CFA_GNU_negative_offset_extended r13, 2 (= +16)
        .cfi_escape 0x2e, 0x10, 0x2f, 0x0d, 0x02
        .skip 70000, 0x90
        # DW_CFA_expression rbx: breg7 +16 ; DW_CFA_val_expression r12: breg7 +32
        .cfi_escape 0x10, 0x03, 0x02, 0x77, 0x10, 0x16, 0x0c, 0x02, 0x77, 0x20
        nop
        # DW_CFA_def_cfa_expression: breg7 +8 ; deref
        .cfi_escape 0x0f, 0x03, 0x77, 0x08, 0x06
        nop
        .cfi_def_cfa %rsp, 8
        .cfi_restore %rbp
        .cfi_restore %rbx
        ret
        .cfi_endproc
        .size   every_rule, .-every_rule

        .globl  signal_like
        .type   signal_like, @function
        nop
signal_like:
        .cfi_startproc simple
        .cfi_signal_frame
        .cfi_def_cfa %rsp, 160
        .cfi_offset %rip, -8
        .cfi_undefined %rip
        nop
        ret
        .cfi_endproc
        .size   signal_like, .-signal_like

        .globl  personality
        .type   personality, @function
personality:
        ret
        .size   personality, .-personality

        .section .gcc_except_table,"a",@progbits
.Llsda:
        .byte   0xff, 0xff, 0x01, 0x00

        .hidden DW.ref.personality
        .weak   DW.ref.personality
        .section .data.rel.local.DW.ref.personality,"awG",@progbits,DW.ref.personality,comdat
        .align  8
        .type   DW.ref.personality, @object
        .size   DW.ref.personality, 8
DW.ref.personality:
        .quad   personality
        .section .note.GNU-stack,"",@progbits
