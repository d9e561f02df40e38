package dev.scion.versioning.ops;

import dev.scion.versioning.model.Signature;

/**
 * How to commit. {@code stageTracked} is {@code -a} (stage changes to tables the staged root knows),
 * {@code stageAll} is {@code -A} (also new tables). {@code author} defaults to the committer; a null message
 * with {@code amend} keeps the amended commit's message.
 */
public record CommitOptions(String message, boolean stageTracked, boolean stageAll, boolean amend, boolean allowEmpty,
                            Signature author, Signature committer) {

    public static CommitOptions of(String message, Signature who) {
        return new CommitOptions(message, false, false, false, false, null, who);
    }

    public CommitOptions withAll() {
        return new CommitOptions(message, stageTracked, true, amend, allowEmpty, author, committer);
    }

    public CommitOptions withAllowEmpty() {
        return new CommitOptions(message, stageTracked, stageAll, amend, true, author, committer);
    }

    public CommitOptions withAmend() {
        return new CommitOptions(message, stageTracked, stageAll, true, allowEmpty, author, committer);
    }

    public CommitOptions withAuthor(Signature a) {
        return new CommitOptions(message, stageTracked, stageAll, amend, allowEmpty, a, committer);
    }
}
