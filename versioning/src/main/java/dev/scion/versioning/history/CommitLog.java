package dev.scion.versioning.history;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.repo.Repository;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Walks history newest first: a commit is emitted only after every commit above it that reaches it, ordered by
 * height then committer time. Streams; it never loads the whole graph.
 */
public final class CommitLog implements Iterator<CommitLog.Entry> {

    public record Entry(Hash hash, Commit commit) {
    }

    private final Repository repo;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            Comparator.<Entry>comparingLong(e -> e.commit().height()).reversed()
                    .thenComparing(Comparator.<Entry>comparingLong(e -> e.commit().committer().timeMillis()).reversed())
                    .thenComparing(Entry::hash));
    private final Set<Hash> seen = new HashSet<>();

    public CommitLog(Repository repo, Hash start) {
        this.repo = repo;
        push(start);
    }

    /**
     * The history of several starting commits at once, leaving out {@code excluded} commits (the caller passes
     * everything reachable from the revisions it excludes, as git's {@code ^rev} does); their parents are not
     * walked either, since they are excluded too.
     */
    public CommitLog(Repository repo, Collection<Hash> starts, Set<Hash> excluded) {
        this.repo = repo;
        seen.addAll(excluded);
        starts.forEach(this::push);
    }

    private void push(Hash h) {
        if (seen.add(h)) {
            queue.add(new Entry(h, repo.readCommit(h)));
        }
    }

    @Override
    public boolean hasNext() {
        return !queue.isEmpty();
    }

    @Override
    public Entry next() {
        Entry e = queue.poll();
        if (e == null) {
            throw new NoSuchElementException();
        }
        e.commit().parents().forEach(this::push);
        return e;
    }
}
