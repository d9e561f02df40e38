package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;
import dev.scion.versioning.encoding.ObjectKind;

/**
 * The mutable state of one branch besides its head: the working root, the staged root and, while a merge is
 * in progress, the commit being merged in.
 */
public record WorkingSet(Hash working, Hash staged, Hash mergeSource) {

    public static WorkingSet clean(Hash root) {
        return new WorkingSet(root, root, null);
    }

    public WorkingSet withWorking(Hash root) {
        return new WorkingSet(root, staged, mergeSource);
    }

    public WorkingSet withStaged(Hash root) {
        return new WorkingSet(working, root, mergeSource);
    }

    public byte[] encode() {
        return new BinaryWriter().kind(ObjectKind.WORKING_SET).hash(working).hash(staged).nullableHash(mergeSource)
                .toByteArray();
    }

    public static WorkingSet decode(byte[] bytes) {
        BinaryReader r = new BinaryReader(bytes).expect(ObjectKind.WORKING_SET);
        return new WorkingSet(r.hash(), r.hash(), r.nullableHash());
    }
}
