// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
// A C++ spinner: a member function of a class template in a namespace, so that its mangled name
// (_ZN5probe7SpinnerIiE4spinEdl) exercises nested names and template arguments. Built with g++ without exceptions or
// RTTI, so that the extension needs no C++ runtime library.
#include "probe.h"

namespace probe {

template <typename Count>
class Spinner {
public:
    explicit Spinner(int *running) : running_(running) {
    }

    __attribute__((noinline)) void spin(double seconds, long nap_ms) {
        PROBE_SPIN(running_, seconds, nap_ms);
        __asm__ volatile("" ::: "memory");  // keeps this call from becoming a tail call
    }

private:
    int *running_;
};

}  // namespace probe

extern "C" __attribute__((noinline)) void probe_spin_cpp(int *running, double seconds, long nap_ms)
{
    probe::Spinner<int> spinner(running);
    spinner.spin(seconds, nap_ms);
    __asm__ volatile("" ::: "memory");
}
