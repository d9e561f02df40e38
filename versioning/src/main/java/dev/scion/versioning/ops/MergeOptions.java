package dev.scion.versioning.ops;

import dev.scion.versioning.model.Signature;

/** {@code merge} flags: --no-ff, --squash, --no-commit, -m, and who is merging. */
public record MergeOptions(boolean noFastForward, boolean squash, boolean noCommit, String message, Signature who) {

    public static MergeOptions defaults(Signature who) {
        return new MergeOptions(false, false, false, null, who);
    }
}
