package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.repo.Repository;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The best common ancestor of two commits: walk both histories together, highest commit first, marking which
 * side reaches each commit; the first commit reached from both is a lowest common ancestor. Height ordering
 * means the walk never goes below the answer's height.
 */
public final class MergeBase {
    private static final int LEFT = 1;
    private static final int RIGHT = 2;

    private MergeBase() {
    }

    public static Optional<Hash> find(Repository repo, Hash a, Hash b) {
        if (a.equals(b)) {
            return Optional.of(a);
        }
        Map<Hash, Integer> marks = new HashMap<>();
        PriorityQueue<Hash> queue = new PriorityQueue<>(
                Comparator.<Hash>comparingLong(h -> repo.readCommit(h).height()).reversed().thenComparing(h -> h));
        marks.put(a, LEFT);
        marks.put(b, RIGHT);
        queue.add(a);
        queue.add(b);
        while (!queue.isEmpty()) {
            Hash h = queue.poll();
            int m = marks.get(h);
            if (m == (LEFT | RIGHT)) {
                return Optional.of(h);
            }
            Commit c = repo.readCommit(h);
            for (Hash p : c.parents()) {
                Integer prev = marks.get(p);
                int next = (prev == null ? 0 : prev) | m;
                if (prev == null || prev != next) {
                    marks.put(p, next);
                    queue.remove(p);
                    queue.add(p);
                }
            }
        }
        return Optional.empty();
    }

    /** True when {@code ancestor} is {@code commit} or reachable from it. */
    public static boolean isAncestor(Repository repo, Hash ancestor, Hash commit) {
        return find(repo, ancestor, commit).map(ancestor::equals).orElse(false);
    }
}
