package dev.scion.sql.plan;

import dev.scion.storage.prolly.ProllyMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import static dev.scion.sql.plan.SysbenchTable.allocatedBytes;
import static dev.scion.sql.plan.SysbenchTable.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chunks and bytes written, syncs and codecs built by one-row writes and CREATE TABLE.
 * Part of the counts regression check (see {@link SysbenchTable}).
 */
class WriteCountsTest {
    @RegisterExtension
    static final SysbenchTable db = new SysbenchTable();

    /**
     * Every write asks which foreign keys reference its table. A row write changes no schema, so the new root's
     * answer is carried over from the old root's; before, each statement (and each transaction starting from the
     * root the last one committed) diffed the two table maps to find that out.
     */
    @Test
    void rowWritesCarryTheForeignKeyIndexToTheirNewRoot() {
        var repo = db.repo();
        db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = 3000"); // the index of the current root exists from here
        long before = repo.foreignKeyIndexesComputed();
        for (int i = 1; i <= 20; i++) {
            db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = " + (3000 + i));
        }
        db.exec("BEGIN");
        db.exec("UPDATE sbtest1 SET c = 'fk' WHERE id = 3100");
        db.exec("DELETE FROM sbtest1 WHERE id = 3101");
        db.exec("INSERT INTO sbtest1 (id, k, c, pad) VALUES (3101, 1, 'fk', 'pad')");
        db.exec("COMMIT");
        long computed = repo.foreignKeyIndexesComputed() - before;
        figure("foreign-key indexes computed by 20 autocommit UPDATEs and a 3-write transaction", computed);
        assertEquals(0, computed);
    }

    @Test
    void aOneRowAutocommitUpdateWritesOnePathAndSyncsOnce() {
        int depth = db.rowTreeDepth();
        db.exec("UPDATE sbtest1 SET c = 'warm-up' WHERE id = 4000");
        // the new value keeps the row's length, so no node boundary moves: one node per level is rewritten
        long[] plain = db.writes("UPDATE sbtest1 SET c = '" + String.format(Locale.ROOT, "%011d", 77)
                + "-c' WHERE id = 4001");
        long[] indexed = db.writes("UPDATE sbtest1 SET k = k + 1 WHERE id = 4002");
        figure("chunks written by a one-row autocommit UPDATE of a non-indexed column (row tree depth " + depth + ")",
                plain[0]);
        figure("chunks written by a one-row autocommit UPDATE of an indexed column", indexed[0]);
        figure("synced writes per one-row autocommit UPDATE", plain[1]);
        figure("bytes written by a one-row autocommit UPDATE of a non-indexed column", plain[2]);
        figure("bytes written by a one-row autocommit UPDATE of an indexed column", indexed[2]);
        figure("RocksDB point reads by a one-row autocommit UPDATE, non-indexed / indexed column",
                plain[3] + " / " + indexed[3]);
        int tableBytes = db.tableChunkBytes("bench", "sbtest1");
        figure("bytes of the table value a row write re-encodes", tableBytes);
        var state = db.session().findDatabase("bench").orElseThrow();
        var root = state.repo().readRoot(state.repo().chunks(), state.repo().workingSet("main").working());
        figure("bytes of the same table value in format 1 (schema inline)", state.repo().readTable(
                state.repo().chunks(), root.tableHash("sbtest1")).encodeFormatOne().length);
        // the row tree's path (depth nodes), the table value, the root's header and its table map's one node
        // exactly: no unchanged chunk (the table's schema) is stored again
        assertEquals(depth + 3, plain[0], "wrote " + plain[0] + " chunks, depth " + depth);
        // plus the index tree's paths of the old and the new (k, id) entry (the index tree is no deeper)
        assertTrue(indexed[0] <= 3 * depth + 3, "wrote " + indexed[0] + " chunks, depth " + depth);
        // the table value names its schema chunk instead of holding the schema (4 columns, an index: 154 bytes
        // with the schema inline): what is left is the row and index tree roots, the counter and the index name
        assertTrue(tableBytes < 100, "the table value is " + tableBytes + " bytes");
        assertEquals(1, plain[1]);
        assertEquals(1, indexed[1]);
        // every chunk the write reads or checks is cached, and so is the branch's working-set ref that pinning
        // the snapshot, the row lock's current-read check, the commit queue and the compare-and-swap check read
        // (the store's ref cache): nothing reaches RocksDB (docs/performance.md, round 10)
        assertEquals(0, plain[3], plain[3] + " RocksDB point reads");
        assertEquals(0, indexed[3], indexed[3] + " RocksDB point reads");
    }

    /**
     * Round 12 (docs/performance.md): a repeated one-row UPDATE resolves no table (the fast path remembers it for
     * the root the previous write left), builds no row or index codecs (they are kept per schema chunk), patches
     * the row tree's bytes in place when the new row has the old row's length (no node rebuilt, no key re-hashed),
     * and allocates a bounded amount on the executing thread, commit included.
     */
    @Test
    void aRepeatedOneRowUpdateBuildsNoCodecsAndPatchesItsRowInPlace() {
        IntFunction<String> plain = i -> "UPDATE sbtest1 SET c = '" + String.format(Locale.ROOT, "%011d", 500 + i)
                + "-c' WHERE id = " + (3000 + i);
        for (int i = 0; i < 200; i++) {
            db.exec(plain.apply(i)); // warm up
        }
        var targets = db.session().findDatabase("bench").orElseThrow().writeTargets();
        long resolved = targets.hits();
        long codecs = dev.scion.versioning.table.SchemaCodecs.built();
        long patched = ProllyMap.editsPatchedInPlace();
        long before = allocatedBytes();
        for (int i = 0; i < 500; i++) {
            db.exec(plain.apply(i + 200));
        }
        long perUpdate = (allocatedBytes() - before) / 500;
        long built = dev.scion.versioning.table.SchemaCodecs.built() - codecs;
        long remembered = targets.hits() - resolved;
        long patches = ProllyMap.editsPatchedInPlace() - patched;
        long indexPatches = ProllyMap.editsPatchedInPlace();
        db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = 3100");
        indexPatches = ProllyMap.editsPatchedInPlace() - indexPatches;
        figure("row and index codecs built by 500 repeated one-row UPDATEs", built);
        figure("tree edits patched in place by 500 same-length one-row UPDATEs", patches);
        figure("bytes allocated per one-row autocommit UPDATE (engine side, commit included)", perUpdate);
        figure("of 500 repeated one-row UPDATEs, those that found their table resolved for their root", remembered);
        assertEquals(0, built, built + " codecs built");
        // each autocommit UPDATE starts from the root the one before wrote: no table-map, trigger or FK lookup
        assertEquals(500, remembered);
        // per UPDATE two same-length edits: the row and the table's slot in the root's table map (a new table
        // address); the entry of index k_1 the statement deleted and put back is no change, so since round 20 the
        // COMMIT's replay does not edit the index at all
        assertEquals(2 * 500, patches, "the edits of each UPDATE are same-length value replacements");
        // an indexed column's UPDATE patches its row and the table map, and rebuilds the index path (an entry moves)
        assertEquals(2, indexPatches);
        assertTrue(perUpdate < ALLOCATED_PER_UPDATE_BOUND, "allocated " + perUpdate + " bytes per UPDATE");
    }

    private static final long ALLOCATED_PER_UPDATE_BOUND = 32 * 1024;

    /**
     * Round 21 (docs/performance.md): the COMMIT of a deferred one-row write lists what it changes in the snapshot's
     * table by comparing each pending row and index entry with the snapshot. The row is the one the statement read
     * (an INSERT checked its key was free, an UPDATE read the row), and the entries follow from it, so the list
     * needs no lookup in the snapshot's trees; before, it made one per row and per index entry (2 for an INSERT or
     * a non-indexed UPDATE of sbtest1, 3 for an indexed UPDATE).
     */
    @Test
    void aOneRowAutocommitWriteListsItsChangesWithoutLookingUpItsRowAgain() {
        db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = 4100"); // warm up
        String[] writes = {
            "INSERT INTO sbtest1 (k, c, pad) VALUES (7, 'inserted', 'pad')",
            "UPDATE sbtest1 SET c = 'changed' WHERE id = 4101",
            "UPDATE sbtest1 SET k = k + 1 WHERE id = 4102",
            "DELETE FROM sbtest1 WHERE id = 4103",
        };
        long before = dev.scion.versioning.table.TableEditor.baseLookups();
        for (String sql : writes) {
            db.exec(sql);
        }
        long lookups = dev.scion.versioning.table.TableEditor.baseLookups() - before;
        figure("snapshot-tree lookups to list the changes of an autocommit INSERT, UPDATE (plain, indexed) and DELETE",
                lookups);
        assertEquals(0, lookups);
    }

    /**
     * Round 24 (docs/performance.md): a one-row write reads its row's path and nothing else. Its editor (one per
     * statement) loaded the root node of every index tree when it was made, though the write takes its old index
     * entries from the row it read and reads no index tree.
     */
    @Test
    void aOneRowWriteReadsOnlyItsRowsPath() {
        int depth = db.rowTreeDepth();
        db.exec("BEGIN");
        try {
            var state = db.session().findDatabase("bench").orElseThrow();
            db.exec("SELECT c FROM sbtest1 WHERE id = 4400"); // the transaction's buffer, read by what follows
            var buffer = state.buffer();
            long before = buffer.reads();
            db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = 4401");
            long update = buffer.reads() - before;
            db.exec("ROLLBACK");
            db.exec("BEGIN");
            db.exec("SELECT c FROM sbtest1 WHERE id = 4400");
            buffer = state.buffer();
            before = buffer.reads();
            db.exec("DELETE FROM sbtest1 WHERE id = 4402");
            long delete = buffer.reads() - before;
            figure("chunks read by a one-row UPDATE of an indexed column / a DELETE, the transaction's first write to "
                    + "the table (row tree depth " + depth + ")", update + " / " + delete);
            assertEquals(depth, update, "the UPDATE read more than its row's path");
            assertEquals(depth, delete, "the DELETE read more than its row's path");
        } finally {
            db.exec("ROLLBACK");
        }
    }

    /**
     * Round 24 (docs/performance.md): a prepared one-row write that the write fast path runs is not turned back into
     * text. Each execution bound its values into the statement's text (quoting, escaping, a new string) that only the
     * general path reads, about 5% of a prepared INSERT's CPU; the text is now made when the fast path declines.
     */
    @Test
    void aPreparedOneRowWriteMakesNoText() {
        var update = db.engine().prepare(db.session(), "UPDATE sbtest1 SET k = k + 1 WHERE id = ?");
        var insert = db.engine().prepare(db.session(), "INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, ?, ?, ?)");
        long before = dev.scion.sql.PreparedQuery.writeTextsMade();
        for (int i = 0; i < 100; i++) {
            update.execute(db.session(), new Object[] {(long) (1 + i * 37 % SysbenchTable.ROWS)}, r -> { });
            insert.execute(db.session(), new Object[] {(long) (700_000 + i), (long) i, "it's " + i, "pad"}, r -> { });
        }
        long made = dev.scion.sql.PreparedQuery.writeTextsMade() - before;
        figure("bound texts made by 100 prepared one-row UPDATEs and 100 INSERTs", made);
        assertEquals(0, made);
        assertEquals(List.of("it's 99|pad"), db.lines("SELECT c, pad FROM sbtest1 WHERE id = 700099"));
        db.exec("DELETE FROM sbtest1 WHERE id >= 700000"); // the other tests' table as it was (history-independent)

        // the fast path declines a table with a generated column: the general path runs the bound text
        db.exec("CREATE TABLE gen (id INT PRIMARY KEY, a INT, b INT AS (a + 1))");
        try {
            db.exec("INSERT INTO gen (id, a) VALUES (1, 1)");
            var generated = db.engine().prepare(db.session(), "UPDATE gen SET a = ? WHERE id = ?");
            before = dev.scion.sql.PreparedQuery.writeTextsMade();
            generated.execute(db.session(), new Object[] {41L, 1L}, r -> { });
            assertEquals(1, dev.scion.sql.PreparedQuery.writeTextsMade() - before);
            assertEquals(List.of("41|42"), db.lines("SELECT a, b FROM gen"));
        } finally {
            db.exec("DROP TABLE gen");
        }
    }

    /**
     * Round 22 (docs/performance.md): the COMMIT's replay of a deferred one-row write edits the snapshot's trees
     * with changes the editor listed by comparing them with those very trees, so it tells the tree edit so
     * ({@code MapEdits.knownToChange}), which then neither walks to each key to find out whether the edit changes
     * anything nor walks to it again to find out whether it replaces a value with one of the same length. What is
     * left is the probe of the root's table map (the table's new address replaces its old one).
     */
    @Test
    void aOneRowAutocommitWriteEditsItsTreesWithoutLookingItsKeysUp() {
        db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = 4200"); // warm up
        String[] writes = {
            "INSERT INTO sbtest1 (k, c, pad) VALUES (7, 'inserted', 'pad')",
            "UPDATE sbtest1 SET c = 'changed' WHERE id = 4201",
            "UPDATE sbtest1 SET k = k + 1 WHERE id = 4202",
            "DELETE FROM sbtest1 WHERE id = 4203",
        };
        long before = ProllyMap.editLookups();
        for (String sql : writes) {
            db.exec(sql);
        }
        long lookups = ProllyMap.editLookups() - before;
        figure("tree-edit lookups (does an edit change the tree, is it a same-length replacement) by an autocommit "
                + "INSERT, UPDATE (plain, indexed) and DELETE", lookups);
        assertTrue(lookups <= writes.length, lookups + " lookups: more than the table map's probe per write");
    }

    /**
     * Round 22: each COMMIT of a deferred one-row write replays it onto the root the branch's previous COMMIT
     * installed, and read that root back (header chunk, table map's root node) as it found it undecoded; the
     * COMMIT now leaves the root it installed decoded for the next one.
     */
    @Test
    void consecutiveOneRowAutocommitWritesDecodeNoRoot() {
        db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = 4300"); // warm up
        long before = dev.scion.versioning.repo.Repository.rootsDecoded();
        for (int i = 1; i <= 10; i++) {
            db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = " + (4300 + i));
            db.exec("INSERT INTO sbtest1 (k, c, pad) VALUES (" + i + ", 'inserted', 'pad')");
        }
        long decoded = dev.scion.versioning.repo.Repository.rootsDecoded() - before;
        figure("root values decoded by 20 consecutive one-row autocommit writes", decoded);
        assertEquals(0, decoded);
    }

    /**
     * A table value made in memory (CREATE TABLE, ALTER) did not know its schema chunk's address, and the
     * repository cached that very object: every later row write derived from it encoded, hashed and stored the
     * unchanged schema chunk again (5 chunks per one-row UPDATE of this two-row table instead of 4).
     */
    @Test
    void aRowWriteToANewlyCreatedTableDoesNotStoreItsSchemaAgain() {
        db.exec("CREATE TABLE fresh_schema (id INT PRIMARY KEY, c VARCHAR(20))");
        db.exec("INSERT INTO fresh_schema VALUES (1, 'a'), (2, 'b')");
        long[] first = db.writes("UPDATE fresh_schema SET c = 'x' WHERE id = 1");
        long[] second = db.writes("UPDATE fresh_schema SET c = 'y' WHERE id = 1");
        figure("chunks written by a one-row UPDATE of a newly created two-row table", first[0]);
        // the row tree's single leaf, the table value, the root's header and its table map's node
        assertEquals(4, first[0]);
        assertEquals(4, second[0]);
    }

    /**
     * sqllogictest's createtable1 creates 4,575 tables in one database; when the root listed every table inline,
     * each CREATE decoded and re-encoded all of them. Now a CREATE rewrites one path of the root's table map.
     */
    @Test
    void aCreateTableAmongAThousandTablesWritesOnePathOfTheCatalog() {
        db.exec("CREATE DATABASE catalog_scale");
        try {
            db.exec("USE catalog_scale");
            for (int i = 0; i < 1000; i++) {
                db.exec("CREATE TABLE a_table_with_a_fairly_long_name_" + i + " (a INT PRIMARY KEY, b INT)");
            }
            var store = db.session().findDatabase("catalog_scale").orElseThrow().repo().store();
            long chunks = store.chunksCommitted();
            long bytes = store.bytesCommitted();
            db.exec("CREATE TABLE one_more (a INT PRIMARY KEY, b INT)");
            long written = store.chunksCommitted() - chunks;
            long writtenBytes = store.bytesCommitted() - bytes;
            figure("chunks written by CREATE TABLE with 1,000 tables in the database", written);
            figure("bytes written by CREATE TABLE with 1,000 tables in the database", writtenBytes);
            var r = db.session().findDatabase("catalog_scale").orElseThrow().repo();
            var root = r.readRoot(r.chunks(), r.workingSet("main").working());
            figure("bytes the format 1 root (every table inline) of those 1,001 tables would take",
                    dev.scion.versioning.model.RootValue.encodeFormatOne(root.tables()).length);
            // the root's header, one path of its table map (depth 2 here), the table value, its schema and the
            // empty row tree; the inline root alone was ~46 KB at 1,000 such names. A prolly node is at most 16 KiB.
            assertTrue(written <= 7, "wrote " + written + " chunks");
            assertTrue(writtenBytes < 20 * 1024, "wrote " + writtenBytes + " bytes");
            assertEquals(List.of("1001"), db.lines("SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE table_schema = 'catalog_scale'"));
            db.exec("INSERT INTO A_TABLE_WITH_A_FAIRLY_LONG_NAME_500 VALUES (1, 2)");
            assertEquals(List.of("2"), db.lines("SELECT b FROM a_table_with_a_fairly_long_name_500"));
        } finally {
            db.exec("USE bench");
            db.exec("DROP DATABASE catalog_scale");
        }
    }
}
