package dev.scion.sql.session;

import dev.scion.sql.catalog.BranchSnapshot;
import dev.scion.versioning.repo.Repository;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The branch snapshots of one session's open transaction, one per database it touched. Only a transaction that
 * spans statements (START TRANSACTION, or autocommit off) keeps one: an autocommit statement reads each branch
 * once anyway, and should not pay for listing every branch. START TRANSACTION takes the snapshot of the current
 * database at once (Dolt's transactions begin there); another database's is taken when the transaction first
 * touches it.
 */
final class TransactionBranches implements BranchSnapshot.Source {
    private final Map<Repository, BranchSnapshot> taken = new IdentityHashMap<>(2);
    private final BooleanSupplier spansStatements;

    TransactionBranches(BooleanSupplier spansStatements) {
        this.spansStatements = spansStatements;
    }

    @Override
    public Optional<BranchSnapshot> of(Repository repo) {
        if (!taken.containsKey(repo) && !spansStatements.getAsBoolean()) {
            return Optional.empty();
        }
        return Optional.of(taken.computeIfAbsent(repo, BranchSnapshot::take));
    }

    /** Takes the snapshot of {@code repo} now unless the transaction has one. */
    void takeNow(Repository repo) {
        taken.computeIfAbsent(repo, BranchSnapshot::take);
    }

    /**
     * Forgets every snapshot: at the end of the transaction, and after a version procedure, which may have moved
     * or made branches that the rest of the transaction should see (bindings already begun keep their own pins).
     */
    void release() {
        if (taken.isEmpty()) {
            return;
        }
        taken.values().forEach(BranchSnapshot::close);
        taken.clear();
    }
}
