#!/bin/sh
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
#
# Builds the nativeprobe test extension for one interpreter:
#   build.sh SOURCE_DIR OUTPUT_DIR -I<python include dir> [-I<more include dirs>...]
# writes OUTPUT_DIR/nativeprobe.so (import it with OUTPUT_DIR on sys.path) and OUTPUT_DIR/libprobehidden.so, which
# nativeprobe.so links to (found through its $ORIGIN run path). libprobehidden.so is stripped and carries its static
# functions' symbols in MiniDebugInfo, the xz-compressed .gnu_debugdata section, made the way distributions make it.
set -eu
src=$(cd "$1" && pwd)
out=$2
shift 2
mkdir -p "$out"
cd "$out"

# The stripped library with MiniDebugInfo.
gcc -fPIC -O1 -Wall -shared -Wl,-soname,libprobehidden.so -o libprobehidden.so "$src/hidden.c"
nm -D --format=posix --defined-only libprobehidden.so | awk '{ print $1 }' | sort > dynamic-symbols
nm --format=posix --defined-only libprobehidden.so | awk '$2 == "T" || $2 == "t" { print $1 }' | sort > function-symbols
# MiniDebugInfo holds the functions the dynamic symbol table does not name.
comm -13 dynamic-symbols function-symbols > kept-symbols
grep -qx hidden_spin kept-symbols
objcopy --only-keep-debug libprobehidden.so full-debug
objcopy -S --remove-section .gdb_index --remove-section .comment --keep-symbols=kept-symbols full-debug mini-debuginfo
rm -f mini-debuginfo.xz
xz mini-debuginfo
strip --strip-all --remove-section .comment libprobehidden.so
objcopy --add-section .gnu_debugdata=mini-debuginfo.xz libprobehidden.so
rm -f full-debug mini-debuginfo.xz dynamic-symbols function-symbols kept-symbols

# The extension: C, one C++ file, and one file built without frame pointers.
gcc -c -fPIC -O1 -Wall -fno-strict-aliasing "$@" -o nativeprobe.o "$src/nativeprobe.c"
g++ -c -fPIC -O1 -Wall -fno-exceptions -fno-rtti -o spinner.o "$src/spinner.cpp"
gcc -c -fPIC -O2 -fomit-frame-pointer -Wall -o cfi_only.o "$src/cfi_only.c"
gcc -shared -o nativeprobe.so nativeprobe.o spinner.o cfi_only.o -L. -lprobehidden -Wl,-rpath,'$ORIGIN' -lpthread
rm -f nativeprobe.o spinner.o cfi_only.o
