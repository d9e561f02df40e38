package dev.scion.versioning.merge;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.ops.BranchOp;
import dev.scion.versioning.testing.TestRepo;
import dev.scion.versioning.testing.TestRepoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Random;

import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Merge laws over randomly edited tables: merging an unchanged side is the identity, and when the two sides
 * touch disjoint rows the merge is the same whichever side is "ours".
 */
@ExtendWith(TestRepoExtension.class)
class RootMergerPropertiesTest {
    TestRepo t;
    Hash baseRoot;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
        t.createTable("main", "t", TestRepo.people(false));
        t.edit("main", "t", ed -> {
            for (long i = 0; i < 500; i++) {
                ed.insert(row(i, "n" + i, i));
            }
        });
        t.commitAll("main", "base");
        baseRoot = t.repo.workingSet("main").working();
        BranchOp.create(t.on("main"), "x", null, false);
        BranchOp.create(t.on("main"), "y", null, false);
    }

    /** Random inserts, updates and deletes on rows whose id % 2 == parity (so x and y never collide). */
    private Hash randomEdits(String branch, long seed, int parity) {
        Random rnd = new Random(seed);
        t.edit(branch, "t", ed -> {
            for (int n = 0; n < 60; n++) {
                long id = rnd.nextInt(300) * 2L + parity;
                Object[] old = ed.getByKey(ed.codec().keyFromKeyValues(new Object[] {id}));
                int op = rnd.nextInt(3);
                if (old == null) {
                    ed.insert(row(id, "new" + n, (long) n));
                } else if (op == 0) {
                    ed.delete(old);
                } else {
                    Object[] next = old.clone();
                    next[op] = op == 1 ? "upd" + n : (Object) (long) (n * 7);
                    ed.update(old, next);
                }
            }
        });
        return t.repo.workingSet(branch).working();
    }

    private RootValue root(Hash h) {
        return t.repo.readRoot(t.repo.chunks(), h);
    }

    @RepeatedTest(5)
    void mergingAnUnchangedSideIsTheIdentity(RepetitionInfo info) {
        Hash x = randomEdits("x", info.getCurrentRepetition(), info.getCurrentRepetition() % 2);
        ChunkBuffer buf = t.repo.newBuffer();
        RootMerger m = new RootMerger(t.repo, buf);
        assertEquals(root(x), m.merge(root(baseRoot), root(x), root(baseRoot)));
        assertEquals(root(x), m.merge(root(baseRoot), root(baseRoot), root(x)));
    }

    @RepeatedTest(5)
    void disjointChangesMergeSymmetrically(RepetitionInfo info) {
        Hash x = randomEdits("x", 100 + info.getCurrentRepetition(), 0);
        Hash y = randomEdits("y", 200 + info.getCurrentRepetition(), 1);
        ChunkBuffer buf = t.repo.newBuffer();
        RootMerger m = new RootMerger(t.repo, buf);
        RootValue xy = m.merge(root(baseRoot), root(x), root(y));
        RootValue yx = m.merge(root(baseRoot), root(y), root(x));
        assertEquals(xy, yx, "same table hashes, rows and indexes alike");
    }

    @Test
    void transactionMergeFailsOnAConflictingCell() {
        t.set("x", "t", 1, "qty", 1000L);
        t.set("y", "t", 1, "qty", 2000L);
        ChunkBuffer buf = t.repo.newBuffer();
        RootMerger m = new RootMerger(t.repo, buf);
        Hash x = t.repo.workingSet("x").working();
        Hash y = t.repo.workingSet("y").working();
        MergeConflictException e = assertThrows(MergeConflictException.class,
                () -> m.merge(root(baseRoot), root(x), root(y)));
        assertEquals("t", e.table());
        assertTrue(e.getMessage().contains("1 row(s)"));
    }
}
