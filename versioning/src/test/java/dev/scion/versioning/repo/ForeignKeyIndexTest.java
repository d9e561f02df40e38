package dev.scion.versioning.repo;

import dev.scion.storage.Hash;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.testing.TestRepo;
import dev.scion.versioning.testing.TestRepoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

@ExtendWith(TestRepoExtension.class)
class ForeignKeyIndexTest {
    TestRepo t;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
    }

    /** people's columns plus a foreign key (qty) -> {@code parent}(id). */
    private static TableSchema childOf(String parent) {
        TableSchema p = TestRepo.people(false);
        return new TableSchema(p.columns(), p.primaryKey(), p.indexes(), List.of(), List.of(new ForeignKeyDef(
                "fk_" + parent, List.of("qty"), parent, List.of("id"), ForeignKeyDef.Action.RESTRICT,
                ForeignKeyDef.Action.RESTRICT)));
    }

    private List<String> children(String table) {
        Hash root = t.repo.workingSet("main").working();
        return t.repo.foreignKeys(t.repo.chunks(), root).childrenOf(table).stream()
                .map(ForeignKeyIndex.Reference::child).toList();
    }

    /** The index carried from root to root must equal one built from scratch by reading every table. */
    private void assertMatchesAFreshBuild(String... parents) {
        Hash rootHash = t.repo.workingSet("main").working();
        var root = t.repo.readRoot(t.repo.chunks(), rootHash);
        ForeignKeyIndex fresh = ForeignKeyIndex.build(root, h -> t.repo.readTable(t.repo.chunks(), h));
        ForeignKeyIndex carried = t.repo.foreignKeys(t.repo.chunks(), rootHash);
        for (String p : parents) {
            assertEquals(fresh.childrenOf(p), carried.childrenOf(p), p);
        }
    }

    @Test
    void theIndexFollowsCreateAlterDropAndRowWrites() {
        t.createTable("main", "Parent", TestRepo.people(false));
        t.createTable("main", "other", TestRepo.people(false));
        assertEquals(List.of(), children("parent"));
        t.createTable("main", "Kid", childOf("parent"));
        assertEquals(List.of("Kid"), children("PARENT"));

        // row writes change table values but not foreign keys: the index carried over is the same object
        ForeignKeyIndex before = t.repo.foreignKeys(t.repo.chunks(), t.repo.workingSet("main").working());
        t.insert("main", "Parent", row(1L, "p", 1L));
        t.insert("main", "Kid", row(1L, "k", 1L));
        assertSame(before, t.repo.foreignKeys(t.repo.chunks(), t.repo.workingSet("main").working()));

        t.createTable("main", "another_kid", childOf("Parent"));
        assertEquals(List.of("Kid", "another_kid"), children("parent"));
        assertMatchesAFreshBuild("parent", "other");

        t.alterTable("main", "Kid", childOf("other"));
        assertEquals(List.of("another_kid"), children("parent"));
        assertEquals(List.of("Kid"), children("other"));
        t.dropTable("main", "another_kid");
        assertEquals(List.of(), children("parent"));
        assertMatchesAFreshBuild("parent", "other");
    }

    @Test
    void aRootFarFromTheLastOneIsBuiltFromScratch() {
        t.createTable("main", "parent", TestRepo.people(false));
        Hash early = t.repo.workingSet("main").working();
        for (int i = 0; i < 70; i++) {
            t.createTable("main", "kid" + i, childOf("parent"));
        }
        assertEquals(70, children("parent").size());
        assertEquals(List.of(), t.repo.foreignKeys(t.repo.chunks(), early).childrenOf("parent"));
        assertMatchesAFreshBuild("parent");
    }
}
