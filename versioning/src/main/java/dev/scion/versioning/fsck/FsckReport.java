package dev.scion.versioning.fsck;

import java.util.List;

/**
 * What a check of one database found.
 *
 * @param refs how many refs (branches, tags, remote-tracking refs, working sets) were followed
 * @param chunks how many distinct chunks were read and verified by hash
 * @param bytes their total size
 * @param problemCount every problem found (may exceed {@code problems.size()})
 * @param problems the first problems found, at most the checker's limit
 */
public record FsckReport(int refs, long chunks, long bytes, long problemCount, List<FsckProblem> problems) {
    public FsckReport {
        problems = List.copyOf(problems);
    }

    public boolean isClean() {
        return problemCount == 0;
    }
}
