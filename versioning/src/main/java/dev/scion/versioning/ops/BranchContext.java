package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.history.RevisionResolver;
import dev.scion.versioning.merge.RowConstraintChecker;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;

/**
 * A repository seen from one checked-out branch: what every operation needs to read the head, the working set
 * and revisions. Holds no state of its own beyond the names; every read goes to the ref store.
 */
public final class BranchContext {
    private final Repository repo;
    private final String branch;
    private final RowConstraintChecker constraintChecker;
    private final Hash detachedAt;

    public BranchContext(Repository repo, String branch) {
        this(repo, branch, RowConstraintChecker.NONE);
    }

    private BranchContext(Repository repo, String branch, RowConstraintChecker constraintChecker) {
        this.repo = repo;
        this.branch = branch;
        this.constraintChecker = constraintChecker;
        this.detachedAt = null;
        if (repo.branchHead(branch).isEmpty()) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "branch '" + branch + "' not found");
        }
    }

    /**
     * The same branch, with an evaluator for CHECK constraints that merge, cherry-pick, revert and
     * verify-constraints apply to the rows they change (the SQL layer supplies it; without one, checks are not
     * re-evaluated).
     */
    public BranchContext withConstraintChecker(RowConstraintChecker checker) {
        if (detachedAt != null) {
            return this; // read-only: nothing it could check
        }
        return new BranchContext(repo, branch, checker);
    }

    public RowConstraintChecker constraintChecker() {
        return constraintChecker;
    }

    private BranchContext(Repository repo, Hash commit) {
        this.repo = repo;
        this.branch = null;
        this.detachedAt = commit;
        this.constraintChecker = RowConstraintChecker.NONE;
        if (!repo.chunks().has(commit)) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "fatal: HEAD is detached at "
                    + commit + ", which no longer exists; switch to a branch with 'scion checkout <branch>'");
        }
    }

    /**
     * A detached HEAD (git's term): the repository seen from one commit rather than a branch. Read-only: its
     * working and staged roots are the commit's root, and {@link #branch()} is null, so operations that write a
     * branch's working set or head must not be given one (the CLI refuses them first).
     */
    public static BranchContext detached(Repository repo, Hash commit) {
        return new BranchContext(repo, commit);
    }

    public boolean isDetached() {
        return detachedAt != null;
    }

    public Repository repo() {
        return repo;
    }

    public String branch() {
        return branch;
    }

    public Hash head() {
        if (detachedAt != null) {
            return detachedAt;
        }
        return repo.branchHead(branch).orElseThrow(() -> new VersioningException(
                VersioningException.Reason.NOT_FOUND, "branch '" + branch + "' not found"));
    }

    public Commit headCommit() {
        return repo.readCommit(head());
    }

    public WorkingSet workingSet() {
        if (detachedAt != null) {
            return WorkingSet.clean(headCommit().root());
        }
        return repo.workingSet(branch);
    }

    public RootValue root(Hash h) {
        return repo.readRoot(repo.chunks(), h);
    }

    public RootValue root(ChunkBuffer buf, Hash h) {
        return repo.readRoot(buf, h);
    }

    public TableValue table(Hash h) {
        return repo.readTable(repo.chunks(), h);
    }

    /** The commit a revision names, or a NOT_FOUND error in git's words. */
    public Hash resolve(String revision) {
        return new RevisionResolver(repo).resolve(revision, head()).map(RevisionResolver.Resolved::commit)
                .orElseThrow(() -> new VersioningException(VersioningException.Reason.NOT_FOUND,
                        "fatal: bad revision '" + revision + "'"));
    }

    /** The root a revision names; besides commits, WORKING and STAGED name the working set's roots. */
    public Hash resolveRoot(String revision) {
        if (revision.equalsIgnoreCase("WORKING")) {
            return workingSet().working();
        }
        if (revision.equalsIgnoreCase("STAGED")) {
            return workingSet().staged();
        }
        return repo.readCommit(resolve(revision)).root();
    }

    /** Fails if a merge, cherry-pick or revert waits to be committed or aborted. */
    public void requireNotMerging(String what) {
        if (workingSet().isMerging()) {
            throw new VersioningException(VersioningException.Reason.MERGE_STATE,
                    "error: cannot " + what + " while a merge is in progress; commit or abort it first");
        }
    }

    /** Fails if the working or staged root differs from the head's. */
    public void requireClean(String what) {
        WorkingSet ws = workingSet();
        Hash headRoot = headCommit().root();
        if (!ws.working().equals(headRoot) || !ws.staged().equals(headRoot)) {
            throw new VersioningException(VersioningException.Reason.DIRTY_WORKING_SET,
                    "error: your local changes would be overwritten by " + what
                            + "; commit them or reset --hard first");
        }
    }
}
