package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;
import dev.scion.versioning.encoding.ObjectKind;

/**
 * The mutable state of one branch besides its head: the working root, the staged root and, while a merge is
 * in progress, the commit being merged in and the {@link MergeState} (conflicts, violations, how to abort).
 * {@code mergeSource} is the merge commit's second parent; cherry-pick and revert record a merge state without
 * one.
 */
public record WorkingSet(Hash working, Hash staged, Hash mergeSource, MergeState mergeState) {

    /** Format 2 appends the merge state; format 1 (no trailing byte) had none. */
    private static final int FORMAT_WITH_MERGE_STATE = 2;

    public WorkingSet(Hash working, Hash staged, Hash mergeSource) {
        this(working, staged, mergeSource, null);
    }

    public static WorkingSet clean(Hash root) {
        return new WorkingSet(root, root, null, null);
    }

    public WorkingSet withWorking(Hash root) {
        return new WorkingSet(root, staged, mergeSource, mergeState);
    }

    public WorkingSet withStaged(Hash root) {
        return new WorkingSet(working, root, mergeSource, mergeState);
    }

    public WorkingSet withMergeState(MergeState state) {
        return new WorkingSet(working, staged, state == null ? null : state.source(), state);
    }

    /** True while a merge, cherry-pick or revert waits for its commit (or abort). */
    public boolean isMerging() {
        return mergeSource != null || mergeState != null;
    }

    public byte[] encode() {
        BinaryWriter w = new BinaryWriter().kind(ObjectKind.WORKING_SET).hash(working).hash(staged)
                .nullableHash(mergeSource);
        if (mergeState != null) {
            w.varInt(FORMAT_WITH_MERGE_STATE);
            mergeState.write(w);
        }
        return w.toByteArray();
    }

    public static WorkingSet decode(byte[] bytes) {
        BinaryReader r = new BinaryReader(bytes).expect(ObjectKind.WORKING_SET);
        Hash working = r.hash();
        Hash staged = r.hash();
        Hash source = r.nullableHash();
        MergeState state = null;
        if (r.hasMore() && r.varInt() == FORMAT_WITH_MERGE_STATE) {
            state = MergeState.read(r);
        }
        return new WorkingSet(working, staged, source, state);
    }
}
