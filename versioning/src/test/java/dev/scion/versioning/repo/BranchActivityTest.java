package dev.scion.versioning.repo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.model.WorkingSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class BranchActivityTest {
    private static final Signature WHO = new Signature("t", "t@example.com", 0L);

    @TempDir
    Path dir;

    @Test
    void refUpdatesAreWritesAndDeletingForgetsTheBranch() {
        try (Repository repo = Repository.init(dir, WHO, "main", StoreOptions.defaults())) {
            BranchActivity activity = repo.branchActivity();
            Hash head = repo.branchHead("main").orElseThrow();
            assertFalse(activity.lastWrite("main").isPresent(), "opening the database writes nothing");

            repo.createBranch("feature", head);
            assertTrue(activity.lastWrite("feature").isPresent());
            assertFalse(activity.lastRead("feature").isPresent());

            WorkingSet ws = repo.workingSet("main");
            repo.updateWorkingSet("main", ws, ws.withStaged(ws.working()), repo.newBuffer());
            assertTrue(activity.lastWrite("main").isPresent(), "a working-set update is a write");

            activity.read("feature");
            repo.renameBranch("feature", "renamed", false);
            assertTrue(activity.lastRead("renamed").isPresent(), "a rename carries the times over");
            assertFalse(activity.lastRead("feature").isPresent());

            repo.deleteBranch("renamed");
            assertFalse(activity.lastWrite("renamed").isPresent());
            repo.createBranch("renamed", head);
            assertFalse(activity.lastRead("renamed").isPresent(), "a new branch of a deleted one's name starts fresh");
        }
    }
}
