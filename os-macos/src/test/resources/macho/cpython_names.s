# What a macOS CPython exports under the names Mach-O gives C symbols (a leading underscore each): the runtime state
# _PyRuntime (stored as __PyRuntime) in its own __DATA,PyRuntime section, Py_Version (stored as _Py_Version), and
# a zero-fill __DATA,__bss. Assembled by the tests with llvm-mc for x86_64 and arm64.
        .section __DATA,PyRuntime
        .globl __PyRuntime
        .p2align 3
__PyRuntime:
        .ascii "xdebugpy"
        .space 1016

        .section __TEXT,__const
        .globl _Py_Version
        .p2align 2
_Py_Version:
        .long 0x030c04f0

        .zerofill __DATA,__bss,_scratch,256,3
