package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;
import dev.scion.versioning.encoding.ObjectKind;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable commit. Height is 1 for a root commit and 1 + the highest parent otherwise. {@code artifacts}, null
 * for almost every commit, is the address of the conflicts and constraint violations a forced commit recorded
 * ({@link CommitArtifacts}): it is written after the other fields only when present, so commits without it
 * encode (and hash) as they always did.
 */
public record Commit(Hash root, List<Hash> parents, Signature author, Signature committer, String message, long height,
                     Hash artifacts) {

    public Commit {
        parents = List.copyOf(parents);
    }

    public Commit(Hash root, List<Hash> parents, Signature author, Signature committer, String message, long height) {
        this(root, parents, author, committer, message, height, null);
    }

    public byte[] encode() {
        BinaryWriter w = new BinaryWriter().kind(ObjectKind.COMMIT);
        w.hash(root).varInt(parents.size());
        parents.forEach(w::hash);
        writeSignature(w, author);
        writeSignature(w, committer);
        w.string(message).varLong(height);
        if (artifacts != null) {
            w.hash(artifacts);
        }
        return w.toByteArray();
    }

    public static Commit decode(byte[] chunk) {
        BinaryReader r = new BinaryReader(chunk).expect(ObjectKind.COMMIT);
        Hash root = r.hash();
        int n = r.varInt();
        List<Hash> parents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parents.add(r.hash());
        }
        Signature author = readSignature(r);
        Signature committer = readSignature(r);
        String message = r.string();
        long height = r.varLong();
        return new Commit(root, parents, author, committer, message, height, r.hasMore() ? r.hash() : null);
    }

    private static void writeSignature(BinaryWriter w, Signature s) {
        w.string(s.name()).string(s.email()).varLong(s.timeMillis());
    }

    private static Signature readSignature(BinaryReader r) {
        return new Signature(r.string(), r.string(), r.varLong());
    }
}
