// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.dump;

import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code dump --subprocesses}: the process and its descendants, depth first with siblings in pid order (so that
 * each process comes right after its parent's subtree began), each read once and let go of before the next.
 * Every stack carries its process and ancestors ({@code process_info} in JSON).
 */
final class TreeDump {
    private final DumpSession session;
    private final ProcessTree processTree;
    private final Map<Long, ProcessInfo> labels = new HashMap<>();
    private final List<DumpedProcess> dumped = new ArrayList<>();

    TreeDump(DumpSession session, ProcessTree processTree) {
        this.session = session;
        this.processTree = processTree;
    }

    List<DumpedProcess> dump(DumpRequest request) {
        long root = request.pid();
        // Attached first, so that a pid that names no process fails as it does without --subprocesses.
        TargetProcess rootTarget = session.access().attach(root);
        Map<Long, List<Long>> children = childrenByParent(processTree.descendantsOf(root));
        visit(rootTarget, 0, request);
        visitChildren(root, children, request);
        if (dumped.stream().noneMatch(process -> process.dump() != null)) {
            throw nothingRead(root);
        }
        return dumped;
    }

    private void visitChildren(long parent, Map<Long, List<Long>> children, DumpRequest request) {
        for (long child : children.getOrDefault(parent, List.of())) {
            attachAndVisit(child, parent, request);
            visitChildren(child, children, request);
        }
    }

    private static Map<Long, List<Long>> childrenByParent(Map<Long, Long> parents) {
        Map<Long, List<Long>> children = new TreeMap<>();
        parents.forEach((child, parent) -> children.computeIfAbsent(parent, key -> new ArrayList<>()).add(child));
        children.values().forEach(list -> list.sort(null));
        return children;
    }

    private void attachAndVisit(long pid, long parent, DumpRequest request) {
        TargetProcess target;
        try {
            target = session.access().attach(pid);
        } catch (SpyException e) {
            if (e.kind() != FailureKind.PROCESS_NOT_FOUND && e.kind() != FailureKind.PROCESS_EXITED) {
                dumped.add(DumpedProcess.failed(label(pid, "", parent), "", e));
            }
            return;
        }
        visit(target, parent, request);
    }

    /** Reads one attached process and lets go of it; one that exited meanwhile is left out. */
    private void visit(TargetProcess target, long parent, DumpRequest request) {
        try (target) {
            ProcessInfo info = label(target.pid(), String.join(" ", target.commandLine()), parent);
            String executable = target.executablePath();
            try {
                ProcessDump dump = session.read(target, request);
                dumped.add(DumpedProcess.read(info, withProcess(dump, info)));
            } catch (SpyException e) {
                if (target.isAlive()) {
                    dumped.add(DumpedProcess.failed(info, executable, e));
                }
            }
        } catch (SpyException e) {
            // Its command line or program could not be read: it exited between the scan and now.
        }
    }

    private ProcessInfo label(long pid, String commandLine, long parent) {
        ProcessInfo info = new ProcessInfo(pid, commandLine, labels.get(parent));
        labels.put(pid, info);
        return info;
    }

    private static ProcessDump withProcess(ProcessDump dump, ProcessInfo info) {
        return new ProcessDump(dump.pid(), dump.namespacePid(), dump.commandLine(), dump.executable(),
                dump.version(), dump.warnings(),
                dump.traces().stream().map(trace -> trace.withProcessInfo(info)).toList(), dump.asyncio());
    }

    private SpyException nothingRead(long root) {
        if (dumped.isEmpty()) {
            return new SpyException(FailureKind.PROCESS_EXITED, "process " + root
                    + " and its subprocesses exited before they could be read");
        }
        return dumped.stream().map(DumpedProcess::failure)
                .filter(failure -> failure.kind() != FailureKind.NOT_PYTHON)
                .findFirst()
                .orElseGet(() -> new SpyException(FailureKind.NOT_PYTHON, "no python processes found in process "
                        + root + " or any of its subprocesses"));
    }
}
