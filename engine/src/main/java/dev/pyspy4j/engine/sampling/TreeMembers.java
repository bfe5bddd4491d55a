// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.engine.sampling.TreeMember.State;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The processes of a tree, kept current: finds new descendants at every rescan, opens them in the background,
 * notices execs and exits, and labels each process with its chain of ancestors. The root need not be Python, nor
 * any process between it and the Python ones. Confined to the sampler's thread.
 */
final class TreeMembers {
    private final long rootPid;
    private final ProcessTree tree;
    private final ProcessSourceOpener opener;
    private final Executor background;
    private final TreeNotices notices;
    private final Map<Long, TreeMember> members = new LinkedHashMap<>();
    private final Map<Long, ProcessInfo> labels = new HashMap<>();
    private final List<ProcessTally> finished = new ArrayList<>();
    private final Set<Long> unreachable = new HashSet<>();
    private boolean rootGone;

    /**
     * @throws SpyException PROCESS_NOT_FOUND, PROCESS_EXITED or PERMISSION_DENIED when the root cannot be attached
     */
    TreeMembers(long rootPid, ProcessTree tree, ProcessSourceOpener opener, Executor background,
                Consumer<String> warnings, long now) {
        this.rootPid = rootPid;
        this.tree = tree;
        this.opener = opener;
        this.background = background;
        this.notices = new TreeNotices(warnings);
        TargetProcess watch = opener.watch(rootPid);
        try {
            members.put(rootPid, new TreeMember(rootPid, 0, watch, Fingerprint.of(watch), now));
        } catch (RuntimeException | Error e) {
            watch.close();
            throw e;
        }
        relabel();
    }

    /** Finds new descendants and rechecks the processes that are not sampled. */
    void rescan(long now) {
        Map<Long, Long> found = discover();
        unreachable.retainAll(found.keySet());
        found.forEach((pid, parent) -> {
            if (!members.containsKey(pid) && !unreachable.contains(pid)) {
                join(pid, parent, now);
            }
        });
        for (TreeMember member : members.values()) {
            if (member.state() == State.NOT_SAMPLED) {
                recheck(member, now);
            }
        }
        relabel();
    }

    /**
     * The descendants of the root and, once a process's parent has exited and it was adopted elsewhere (by init or
     * a subreaper), its own: it still belongs to the tree, and so do its children.
     */
    private Map<Long, Long> discover() {
        Map<Long, Long> found = new LinkedHashMap<>();
        TreeMember root = members.get(rootPid);
        if (root != null && root.watch().isAlive()) {
            found.putAll(tree.descendantsOf(rootPid));
        } else if (root != null) {
            root.exited();
        }
        for (TreeMember member : members.values()) {
            if (member.pid() != rootPid && !found.containsKey(member.pid())) {
                if (member.watch().isAlive()) {
                    found.putAll(tree.descendantsOf(member.pid()));
                } else {
                    member.exited();
                }
            }
        }
        return found;
    }

    private void join(long pid, long parent, long now) {
        TargetProcess watch;
        try {
            watch = opener.watch(pid);
        } catch (SpyException e) {
            if (e.kind() == FailureKind.PERMISSION_DENIED) {
                unreachable.add(pid);
                notices.notSampled(pid, e);
            }
            return;
        }
        try {
            members.put(pid, new TreeMember(pid, parent, watch, Fingerprint.of(watch), now));
        } catch (SpyException e) {
            // It exited between the scan and now.
            watch.close();
        }
    }

    /** A process that was not Python is looked at again once it runs another program (py-spy never looks again). */
    private static void recheck(TreeMember member, long now) {
        Optional<Fingerprint> current = member.currentFingerprint();
        if (current.isEmpty()) {
            member.exited();
        } else if (!current.get().equals(member.fingerprint())) {
            member.execed(current.get(), now);
        }
    }

    /** Starts the attempts that are due and takes in those that finished. */
    void advanceOpening(long now) {
        for (TreeMember member : members.values()) {
            if (member.wantsAttempt(now) && member.prepareAttempt()) {
                member.attemptStarted(CompletableFuture.supplyAsync(
                        () -> opener.open(member.pid(), OpenPatience.once(), new StopSignal()), background));
            }
        }
        boolean changed = false;
        for (TreeMember member : members.values()) {
            if (member.harvest(now)) {
                changed = true;
                notices.changed(member);
            }
        }
        if (changed) {
            relabel();
        }
    }

    /**
     * After a failed read: whether the process exec'd another program, in which case the failure is no fault of
     * the read and it is opened afresh; a process found gone is let go of.
     */
    boolean execedInstead(TreeMember member, long now) {
        Optional<Fingerprint> current = member.currentFingerprint();
        if (current.isEmpty()) {
            member.exited();
            return true;
        }
        if (current.get().equals(member.fingerprint())) {
            return false;
        }
        member.execed(current.get(), now);
        relabel();
        return true;
    }

    /** Lets go of the processes that are gone, keeping the tally of those that were read. */
    void retireGone() {
        List<TreeMember> gone = members.values().stream().filter(m -> m.state() == State.GONE).toList();
        for (TreeMember member : gone) {
            members.remove(member.pid());
            if (!member.tally().isEmpty()) {
                finished.add(member.tally().snapshot(member.info()));
            }
            rootGone |= member.pid() == rootPid;
            member.retire();
        }
    }

    private void relabel() {
        for (TreeMember member : members.values()) {
            ProcessInfo parent = member.parentPid() == 0 ? null : labels.get(member.parentPid());
            ProcessInfo info = new ProcessInfo(member.pid(), member.fingerprint().joinedCommandLine(), parent);
            if (!info.equals(member.info())) {
                member.label(info);
            }
            labels.put(member.pid(), member.info());
        }
    }

    long rootPid() {
        return rootPid;
    }

    List<TreeMember> sampled() {
        return members.values().stream().filter(m -> m.state() == State.SAMPLED).toList();
    }

    Optional<TreeMember> member(long pid) {
        return Optional.ofNullable(members.get(pid));
    }

    /** Whether no process is left to sample or to open, and none can appear: the root has exited. */
    boolean exhausted() {
        return rootGone && members.values().stream()
                .noneMatch(m -> m.state() == State.SAMPLED || m.state() == State.OPENING);
    }

    boolean attemptRunning() {
        return members.values().stream().anyMatch(TreeMember::attemptRunning);
    }

    /** Every process read at least once, in pid order. */
    List<ProcessTally> tallies() {
        List<ProcessTally> all = new ArrayList<>(finished);
        members.values().stream().filter(m -> !m.tally().isEmpty()).forEach(m -> all.add(m.tally().snapshot(m.info())));
        all.sort((a, b) -> Long.compare(a.process().pid(), b.process().pid()));
        return all;
    }

    /** Why nothing could be sampled: a failure other than "not Python" if some process had one. */
    SpyException nothingSampled() {
        if (rootGone && members.isEmpty()) {
            return new SpyException(FailureKind.PROCESS_EXITED, "process " + rootPid
                    + " and its subprocesses exited before any could be sampled");
        }
        return members.values().stream().map(TreeMember::lastFailure)
                .filter(f -> f != null && f.kind() != FailureKind.NOT_PYTHON)
                .findFirst()
                .orElseGet(() -> new SpyException(FailureKind.NOT_PYTHON, "no python processes found in process "
                        + rootPid + " or any of its subprocesses"));
    }

    /** Lets go of every process; the first failure to do so is thrown once all were tried. */
    void close() {
        List<TreeMember> all = List.copyOf(members.values());
        members.clear();
        RuntimeException first = null;
        for (TreeMember member : all) {
            try {
                member.retire();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
