package dev.scion.sql.catalog;

import dev.scion.sql.EngineFixture;
import dev.scion.versioning.repo.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A snapshot lists the branches as they are, and reuses the last listing only while no ref changed. */
class BranchSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void reusesTheListingUntilARefChanges() {
        try (EngineFixture db = new EngineFixture(dir)) {
            db.exec("CREATE DATABASE d");
            db.exec("USE d");
            db.exec("CREATE TABLE t (id INT PRIMARY KEY)");
            Repository repo = db.session().current().repo();
            try (BranchSnapshot first = BranchSnapshot.take(repo); BranchSnapshot again = BranchSnapshot.take(repo)) {
                assertSame(first.tips(), again.tips(), "no ref changed: the listing is reused");

                db.exec("INSERT INTO t VALUES (1)");
                try (BranchSnapshot afterWrite = BranchSnapshot.take(repo)) {
                    assertNotSame(first.tips(), afterWrite.tips());
                    assertNotEquals(first.tip("main").orElseThrow().workingSet(),
                            afterWrite.tip("main").orElseThrow().workingSet(), "the write shows");
                    assertEquals(List.of("main"), List.copyOf(first.tips().keySet()));
                }

                db.exec("CALL dolt_branch('b1')");
                try (BranchSnapshot afterBranch = BranchSnapshot.take(repo)) {
                    assertEquals(List.of("b1", "main"), List.copyOf(afterBranch.tips().keySet()));
                    assertEquals(List.of("main"), List.copyOf(first.tips().keySet()), "the first keeps its view");
                }
            }
        }
    }
}
