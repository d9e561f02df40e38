package dev.scion.versioning.history;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.repo.Repository;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * History in the order git draws its --graph (its --topo-order): no commit before all of its children, and the
 * lines of history not intermixed: a commit becomes ready once its last child was shown, and the most recently
 * readied commit goes first, so after a merge its later parent's line is shown down to the fork before the first
 * parent's line continues. Needs every reachable commit's child count, so it walks the whole history first
 * (once, on the first call); {@link CommitLog} streams instead and serves the plain log.
 */
public final class GraphOrder implements Iterator<CommitLog.Entry> {
    private final Repository repo;
    private final Hash start;
    private Map<Hash, Commit> commits;
    private Map<Hash, Integer> children;
    private final Deque<Hash> ready = new ArrayDeque<>();

    public GraphOrder(Repository repo, Hash start) {
        this.repo = repo;
        this.start = start;
    }

    private void load() {
        commits = new HashMap<>();
        children = new HashMap<>();
        CommitLog all = new CommitLog(repo, start);
        while (all.hasNext()) {
            CommitLog.Entry e = all.next();
            commits.put(e.hash(), e.commit());
            e.commit().parents().stream().distinct().forEach(p -> children.merge(p, 1, Integer::sum));
        }
        ready.push(start);
    }

    @Override
    public boolean hasNext() {
        if (commits == null) {
            load();
        }
        return !ready.isEmpty();
    }

    @Override
    public CommitLog.Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Hash h = ready.pop();
        Commit c = commits.get(h);
        c.parents().stream().distinct().forEach(p -> {
            if (children.merge(p, -1, Integer::sum) == 0) {
                ready.push(p);
            }
        });
        return new CommitLog.Entry(h, c);
    }
}
