package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;
import dev.scion.versioning.encoding.ObjectKind;

import java.util.ArrayList;
import java.util.List;

/** An immutable commit. Height is 1 for a root commit and 1 + the highest parent otherwise. */
public record Commit(Hash root, List<Hash> parents, Signature author, Signature committer, String message, long height) {

    public Commit {
        parents = List.copyOf(parents);
    }

    public byte[] encode() {
        BinaryWriter w = new BinaryWriter().kind(ObjectKind.COMMIT);
        w.hash(root).varInt(parents.size());
        parents.forEach(w::hash);
        writeSignature(w, author);
        writeSignature(w, committer);
        w.string(message).varLong(height);
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
        return new Commit(root, parents, author, committer, r.string(), r.varLong());
    }

    private static void writeSignature(BinaryWriter w, Signature s) {
        w.string(s.name()).string(s.email()).varLong(s.timeMillis());
    }

    private static Signature readSignature(BinaryReader r) {
        return new Signature(r.string(), r.string(), r.varLong());
    }
}
