package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;
import dev.scion.versioning.encoding.ObjectKind;

/**
 * An annotated tag object: a name bound to a commit with who tagged it, when and why. A lightweight tag has no
 * object; its ref points straight at the commit.
 */
public record Tag(String name, Hash target, Signature tagger, String message) {

    public byte[] encode() {
        BinaryWriter w = new BinaryWriter().kind(ObjectKind.TAG);
        w.string(name).hash(target);
        w.string(tagger.name()).string(tagger.email()).varLong(tagger.timeMillis());
        return w.string(message).toByteArray();
    }

    public static Tag decode(byte[] chunk) {
        BinaryReader r = new BinaryReader(chunk).expect(ObjectKind.TAG);
        String name = r.string();
        Hash target = r.hash();
        Signature tagger = new Signature(r.string(), r.string(), r.varLong());
        return new Tag(name, target, tagger, r.string());
    }

    /** True when the chunk is a tag object rather than a commit. */
    public static boolean isTagChunk(byte[] chunk) {
        return chunk != null && chunk.length > 0 && chunk[0] == ObjectKind.TAG.tag();
    }
}
