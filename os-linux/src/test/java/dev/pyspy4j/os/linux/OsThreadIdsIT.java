// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Mapping a real process's pthread_t handles to kernel thread ids, as CPython's threading module reports them. */
@EnabledOnOs(OS.LINUX)
class OsThreadIdsIT {
    private final LinuxProcessAccessProvider provider = new LinuxProcessAccessProvider();
    private PythonProcess python;
    private LinuxTargetProcess target;

    @AfterEach
    void stop() {
        if (target != null) {
            target.close();
        }
        if (python != null) {
            python.close();
        }
    }

    @Test
    void mapsEveryThreadHandleToItsKernelThreadId() throws Exception {
        Map<Long, Long> expected = startPythonWithThreads(3);

        Map<Long, Long> found = target.osThreadIds(new ArrayList<>(expected.keySet()));

        assertThat(found).isEqualTo(expected).hasSize(4);
        assertThat(found.values()).contains(python.pid());
    }

    @Test
    void mapsASubsetLaterWithTheOffsetFoundFirst() throws Exception {
        Map<Long, Long> expected = startPythonWithThreads(2);
        List<Long> handles = new ArrayList<>(expected.keySet());
        target.osThreadIds(handles);

        Map<Long, Long> one = target.osThreadIds(List.of(handles.get(2)));

        assertThat(one).containsExactly(Map.entry(handles.get(2), expected.get(handles.get(2))));
    }

    @Test
    void leavesOutWhatIsNoThreadHandle() throws Exception {
        startPythonWithThreads(1);
        long unmapped = 0x10L;

        assertThat(target.osThreadIds(List.of(unmapped))).isEmpty();
        assertThat(target.osThreadIds(List.of())).isEmpty();
    }

    private Map<Long, Long> startPythonWithThreads(int count) throws Exception {
        python = PythonProcess.start("thread_handles.py", Integer.toString(count));
        target = (LinuxTargetProcess) provider.attach(python.pid());
        Map<Long, Long> expected = new LinkedHashMap<>();
        for (String pair : python.readyArguments()) {
            String[] parts = pair.split(":");
            expected.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
        return expected;
    }
}
