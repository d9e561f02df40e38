package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code tag}: list, create (lightweight, or annotated with a message) and delete tags. */
public final class TagOp {
    private TagOp() {
    }

    /** One tag: its name, the commit it names and, for an annotated tag, the tag object. */
    public record TagInfo(String name, Hash commit, Optional<Tag> annotation) {
    }

    public static void create(BranchContext ctx, String name, String revision, String message, Signature tagger,
                              boolean force) {
        Hash commit = ctx.resolve(revision == null ? "HEAD" : revision);
        Tag annotation = message == null ? null : new Tag(name, commit, tagger, message);
        ctx.repo().createTag(name, commit, annotation, force);
    }

    public static void delete(BranchContext ctx, String name) {
        ctx.repo().deleteTag(name);
    }

    public static List<TagInfo> list(BranchContext ctx) {
        List<TagInfo> out = new ArrayList<>();
        for (String name : ctx.repo().tags()) {
            Hash ref = ctx.repo().tagRef(name).orElseThrow();
            Optional<Tag> t = ctx.repo().readTagObject(ref);
            out.add(new TagInfo(name, t.map(Tag::target).orElse(ref), t));
        }
        return out;
    }
}
