package dev.scion.sql.dolt;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.repo.Repository;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/** Visits every commit reachable from any branch or tag once, reading commits as the caller asks for them. */
final class CommitGraphWalk {
    private final Repository repo;
    private final Deque<Hash> pending = new ArrayDeque<>();
    private final Set<Hash> seen = new HashSet<>();

    record Visited(Hash hash, Commit commit) {
    }

    CommitGraphWalk(Repository repo) {
        this.repo = repo;
        for (String b : repo.branches()) {
            repo.branchHead(b).ifPresent(this::push);
        }
        for (String t : repo.tags()) {
            repo.tagRef(t).map(h -> repo.readTagObject(h).map(x -> x.target()).orElse(h)).ifPresent(this::push);
        }
    }

    private void push(Hash h) {
        if (seen.add(h)) {
            pending.add(h);
        }
    }

    /** The next commit, or null when every reachable commit was visited. */
    Visited next() {
        Hash h = pending.poll();
        if (h == null) {
            return null;
        }
        Commit c = repo.readCommit(h);
        c.parents().forEach(this::push);
        return new Visited(h, c);
    }
}
