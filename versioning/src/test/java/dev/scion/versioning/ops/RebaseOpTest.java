package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.RebaseState;
import dev.scion.versioning.model.RebaseStep;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.testing.TestRepo;
import dev.scion.versioning.testing.TestRepoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.scion.versioning.testing.TestRepo.ALICE;
import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestRepoExtension.class)
class RebaseOpTest {
    TestRepo t;
    Hash mainHead;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
        t.commitPeople("people", "people");
        t.repo.createBranch("feature", t.on("main").head());
        for (long id = 1; id <= 3; id++) {
            t.insert("feature", "people", row(id, "p" + id, id));
            t.commitAll("feature", "feature " + id);
        }
        t.insert("main", "people", row(10L, "ten", 10L));
        mainHead = t.commitAll("main", "main 10");
    }

    @Test
    void planListsTheBranchCommitsOldestFirstAndSurvivesEncoding() {
        String working = RebaseOp.start(t.on("feature"), mainHead, true, false);
        assertEquals("dolt_rebase_feature", working);
        assertEquals(mainHead, t.on(working).head());
        RebaseState st = RebaseOp.state(t.repo, working).orElseThrow();
        assertEquals(List.of("feature 1", "feature 2", "feature 3"),
                st.plan().stream().map(RebaseStep::message).toList());
        assertEquals(st, RebaseState.decode(st.encode()));
        assertThrows(VersioningException.class, () -> RebaseOp.start(t.on("feature"), mainHead, true, false));
    }

    @Test
    void replaysTheEditedPlanAndMovesTheBranch() {
        String working = RebaseOp.start(t.on("feature"), mainHead, true, false);
        RebaseState st = RebaseOp.state(t.repo, working).orElseThrow();
        List<RebaseStep> plan = new ArrayList<>();
        plan.add(st.plan().get(0));
        RebaseStep two = st.plan().get(1);
        plan.add(new RebaseStep(two.order(), "drop", two.commit(), two.message()));
        RebaseStep three = st.plan().get(2);
        plan.add(new RebaseStep(new BigDecimal("0.50"), "reword", three.commit(), "three first"));
        RebaseOp.replacePlan(t.repo, working, st, plan);

        RebaseOp.Progress p = RebaseOp.proceed(t.on(working), ALICE, true);
        assertEquals(RebaseOp.Kind.FINISHED, p.kind());
        assertEquals("feature", p.branch());
        assertTrue(t.repo.branchHead(working).isEmpty());
        assertTrue(RebaseOp.state(t.repo, working).isEmpty());
        Hash head = t.on("feature").head();
        assertEquals("feature 1", t.repo.readCommit(head).message());
        Hash previous = t.repo.readCommit(head).parents().get(0);
        assertEquals("three first", t.repo.readCommit(previous).message());
        assertEquals(mainHead, t.repo.readCommit(previous).parents().get(0));
        assertEquals(List.of(1L, 3L, 10L), t.workingRows("feature", "people").stream().map(r -> r.get(0)).toList());
    }

    @Test
    void aMovedBranchAbortsTheRebase() {
        String working = RebaseOp.start(t.on("feature"), mainHead, true, false);
        t.insert("feature", "people", row(4L, "p4", 4L));
        t.commitAll("feature", "feature 4");
        VersioningException e = assertThrows(VersioningException.class,
                () -> RebaseOp.proceed(t.on(working), ALICE, true));
        assertEquals("rebase aborted due to changes in branch feature", e.getMessage());
        assertTrue(t.repo.branchHead(working).isEmpty());
        assertFalse(RebaseOp.state(t.repo, working).isPresent());
    }

    @Test
    void gcKeepsWhatTheStateNames() {
        String working = RebaseOp.start(t.on("feature"), mainHead, true, false);
        RebaseState st = RebaseOp.state(t.repo, working).orElseThrow();
        t.repo.gc();
        for (RebaseStep s : st.plan()) {
            assertEquals(s.message(), t.repo.readCommit(s.commit()).message());
        }
        assertEquals(RebaseOp.Kind.FINISHED, RebaseOp.proceed(t.on(working), ALICE, true).kind());
    }
}
