# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
# Functions whose CFI exercises the unwinder's stop rules; the test places their code and a hand-made stack in a
# fake process.
        .text
        .globl  outermost
        .type   outermost, @function
outermost:
        .cfi_startproc
        .cfi_undefined %rip
        nop
        ret
        .cfi_endproc
        .size   outermost, .-outermost

        .globl  framed
        .type   framed, @function
framed:
        .cfi_startproc
        sub     $24, %rsp
        .cfi_def_cfa_offset 32
        .globl  framed_body
framed_body:
        nop
        add     $24, %rsp
        .cfi_def_cfa_offset 8
        ret
        .cfi_endproc
        .size   framed, .-framed

        .globl  no_growth
        .type   no_growth, @function
no_growth:
        .cfi_startproc
        .cfi_def_cfa_offset 0
        nop
        ret
        .cfi_endproc
        .size   no_growth, .-no_growth

        .globl  malformed
        .type   malformed, @function
malformed:
        .cfi_startproc
        .cfi_escape 0x3f
        nop
        ret
        .cfi_endproc
        .size   malformed, .-malformed
        .section .note.GNU-stack,"",@progbits
