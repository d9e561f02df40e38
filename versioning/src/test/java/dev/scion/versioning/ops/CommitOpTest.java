package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.testing.TestRepo;
import dev.scion.versioning.testing.TestRepoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static dev.scion.versioning.testing.TestRepo.ALICE;
import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestRepoExtension.class)
class CommitOpTest {
    TestRepo t;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
    }

    @Test
    void statusShowsUntrackedThenStagedThenClean() {
        t.createTable("main", "people", TestRepo.people(false));
        Status s = StatusOp.run(t.on("main"));
        assertEquals(List.of("people"), s.untracked().stream().map(TableDelta::name).toList());
        AddOp.add(t.on("main"), List.of("PEOPLE"));
        s = StatusOp.run(t.on("main"));
        assertEquals(TableDelta.Kind.ADDED, s.staged().get(0).kind());
        assertTrue(s.untracked().isEmpty());
        t.insert("main", "people", row(1L, "a", 1L));
        s = StatusOp.run(t.on("main"));
        assertEquals(TableDelta.Kind.MODIFIED, s.unstaged().get(0).kind());
        assertTrue(s.unstaged().get(0).dataChanged());
        assertFalse(s.unstaged().get(0).schemaChanged());
        CommitOp.run(t.on("main"), CommitOptions.of("add people", ALICE).withAll());
        assertTrue(StatusOp.run(t.on("main")).isClean());
    }

    @Test
    void commitRecordsParentsHeightAuthorCommitterAndMessage() {
        Hash init = t.on("main").head();
        t.createTable("main", "people", TestRepo.people(false));
        AddOp.addAll(t.on("main"));
        Signature bob = new Signature("Bob", "bob@example.com", 42_000L);
        Hash c = CommitOp.run(t.on("main"), CommitOptions.of("first", ALICE).withAuthor(bob));
        Commit commit = t.repo.readCommit(c);
        assertEquals(List.of(init), commit.parents());
        assertEquals(2, commit.height());
        assertEquals(bob, commit.author());
        assertEquals(ALICE, commit.committer());
        assertEquals("first", commit.message());
        assertEquals(c, t.on("main").head());
    }

    @Test
    void nothingToCommitUnlessAllowEmpty() {
        VersioningException e = assertThrows(VersioningException.class,
                () -> CommitOp.run(t.on("main"), CommitOptions.of("x", ALICE)));
        assertEquals(VersioningException.Reason.NOTHING_TO_COMMIT, e.reason());
        Hash c = CommitOp.run(t.on("main"), CommitOptions.of("empty", ALICE).withAllowEmpty());
        assertEquals(t.repo.readCommit(c).root(), t.repo.readCommit(t.repo.readCommit(c).parents().get(0)).root());
    }

    @Test
    void stagedOnlyUnlessDashAOrDashCapitalA() {
        t.createTable("main", "people", TestRepo.people(false));
        t.commitAll("main", "people");
        t.insert("main", "people", row(1L, "a", 1L));
        t.createTable("main", "extra", TestRepo.people(false));
        CommitOp.run(t.on("main"), new CommitOptions("tracked only", true, false, false, false, null, ALICE));
        Status s = StatusOp.run(t.on("main"));
        assertTrue(s.unstaged().isEmpty());
        assertEquals("extra", s.untracked().get(0).name(), "-a leaves new tables alone");
        assertEquals(1, t.rows(t.repo.readCommit(t.on("main").head()).root(), "people").size());
    }

    @Test
    void amendReplacesTheHeadKeepingItsParentAndAuthor() {
        t.createTable("main", "people", TestRepo.people(false));
        Hash first = t.commitAll("main", "first");
        Hash parent = t.repo.readCommit(first).parents().get(0);
        t.insert("main", "people", row(1L, "a", 1L));
        AddOp.addAll(t.on("main"));
        Signature later = new Signature("Carol", "c@example.com", 9L);
        Hash amended = CommitOp.run(t.on("main"), new CommitOptions(null, false, false, true, false, null, later));
        Commit c = t.repo.readCommit(amended);
        assertEquals(List.of(parent), c.parents());
        assertEquals("first", c.message());
        assertEquals(ALICE, c.author());
        assertEquals(later, c.committer());
        assertEquals(1, t.rows(c.root(), "people").size());
    }

    @Test
    void logWalksAllParentsOrFirstParentsOnly() {
        t.createTable("main", "people", TestRepo.people(false));
        t.commitAll("main", "a");
        BranchOp.create(t.on("main"), "side", null, false);
        t.insert("side", "people", row(1L, "x", 1L));
        t.commitAll("side", "side work");
        t.insert("main", "people", row(2L, "y", 2L));
        t.commitAll("main", "main work");
        MergeOp.merge(t.on("main"), "side", MergeOptions.defaults(ALICE));
        List<String> all = new ArrayList<>();
        LogOp.walk(t.repo, t.on("main").head(), false).forEachRemaining(e -> all.add(e.commit().message()));
        List<String> first = new ArrayList<>();
        LogOp.walk(t.repo, t.on("main").head(), true).forEachRemaining(e -> first.add(e.commit().message()));
        assertEquals(5, all.size());
        assertTrue(all.contains("side work"));
        assertEquals(List.of("Merge branch 'side' into main", "main work", "a", "Initialize data repository"), first);
    }
}
