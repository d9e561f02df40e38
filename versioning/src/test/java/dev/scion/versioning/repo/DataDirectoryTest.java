package dev.scion.versioning.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.model.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class DataDirectoryTest {
    private static final Signature WHO = new Signature("t", "t@example.com", 0L);

    @TempDir
    Path root;

    @Test
    void discoversTheDirectoryItselfAndOneLevelBelow() {
        Repository.init(root.resolve("a"), WHO, "main", StoreOptions.defaults()).close();
        Repository.init(root.resolve("a").resolve("nested"), WHO, "main", StoreOptions.defaults()).close();
        try (DataDirectory d = new DataDirectory(root, StoreOptions.defaults())) {
            assertEquals(List.of("a"), d.names());
        }
        try (DataDirectory d = new DataDirectory(root.resolve("a"), StoreOptions.defaults())) {
            assertEquals(List.of("a", "nested"), d.names());
        }
    }

    @Test
    void dropMovesToTheTrashAndUndropBringsBackTheLatest() throws Exception {
        try (DataDirectory d = new DataDirectory(root, StoreOptions.defaults())) {
            Repository first = d.create("db", WHO);
            first.createBranch("feature", first.branchHead("main").orElseThrow());
            long before = d.generation();
            Path trashed = d.drop("db");
            assertTrue(d.generation() > before, "a drop is visible to sessions holding the database");
            assertFalse(d.isServing("db", first));
            assertTrue(trashed.startsWith(root.resolve(DataDirectory.TRASH_DIR)));
            assertFalse(Files.exists(root.resolve("db")));
            assertEquals(List.of(), d.names());

            d.create("DB", WHO);
            d.drop("DB");
            assertEquals(List.of("DB", "db"), d.droppedNames());

            assertEquals("DB", d.undrop("db"), "the latest drop of that name, matched case-insensitively");
            VersioningException exists = assertThrows(VersioningException.class, () -> d.undrop("db"));
            assertEquals(VersioningException.Reason.ALREADY_EXISTS, exists.reason());
            d.drop("DB");
            assertEquals(2, d.purgeDropped());
            assertEquals(List.of(), d.droppedNames());
            VersioningException gone = assertThrows(VersioningException.class, () -> d.undrop("db"));
            assertEquals(VersioningException.Reason.NOT_FOUND, gone.reason());
        }
    }

    /**
     * A dropped database goes to the trash, to be undropped or purged: draining its nursery at the drop would write
     * live young chunks to RocksDB for nothing. They stay in its redo log, and an open after undrop replays them.
     */
    @Test
    void dropWritesNoYoungChunkToRocksDbAndUndropReplaysThemFromTheLog() {
        try (DataDirectory d = new DataDirectory(root, StoreOptions.defaults().withNursery(true))) {
            Repository r = d.create("db", WHO);
            Hash head = r.branchHead("main").orElseThrow();
            r.createBranch("feature", head);
            RocksChunkStore store = r.store();
            assertTrue(store.nurseryChunks() > 0, "the initial commit's chunks are young");
            long drains = store.drains();
            long toRocks = store.chunksToRocks();

            d.drop("db");

            assertEquals(0, store.drains() - drains, "no drain at a drop");
            assertEquals(0, store.chunksToRocks() - toRocks, "no chunk written to RocksDB at a drop");

            d.undrop("db");
            Repository back = d.open("db").orElseThrow();
            assertTrue(back.store().recordsReplayedAtOpen() > 0, "the young chunks came back from the log");
            assertEquals(head, back.branchHead("main").orElseThrow());
            assertNotNull(back.chunks().get(head), "the head commit's chunk is there");
            assertEquals(List.of("feature", "main"), back.branches().stream().sorted().toList());
        }
    }

    /** The counterpart: a normal close still drains, and writes the live young chunks to RocksDB. */
    @Test
    void closeDrainsTheNurseryAndWritesItsLiveChunks() {
        RocksChunkStore store;
        long drains;
        long toRocks;
        try (DataDirectory d = new DataDirectory(root, StoreOptions.defaults().withNursery(true))) {
            Repository r = d.create("db", WHO);
            store = r.store();
            assertTrue(store.nurseryChunks() > 0, "the initial commit's chunks are young");
            drains = store.drains();
            toRocks = store.chunksToRocks();
        }
        assertEquals(1, store.drains() - drains, "the close drained once");
        assertTrue(store.chunksToRocks() - toRocks > 0, "the live young chunks went to RocksDB");
    }

    @Test
    void undropRestoresBranchesAndHistory() {
        try (DataDirectory d = new DataDirectory(root, StoreOptions.defaults())) {
            Repository r = d.create("hist", WHO);
            r.createBranch("feature", r.branchHead("main").orElseThrow());
            var head = r.branchHead("main").orElseThrow();
            d.drop("hist");
            d.undrop("hist");
            Repository back = d.open("hist").orElseThrow();
            assertNotSame(r, back);
            assertEquals(head, back.branchHead("main").orElseThrow());
            assertEquals(List.of("feature", "main"), back.branches().stream().sorted().toList());
        }
        // and it is found again after a restart
        try (DataDirectory d = new DataDirectory(root, StoreOptions.defaults())) {
            assertEquals(List.of("hist"), d.names());
        }
    }

    @Test
    void seesDatabasesAnotherProcessMadeWithoutARestart() throws Exception {
        try (DataDirectory d = new DataDirectory(root, StoreOptions.defaults())) {
            assertEquals(List.of(), d.names());
            // made behind the data directory's back, as 'scion init' in a new subdirectory would
            Repository.init(root.resolve("later"), WHO, "main", StoreOptions.defaults()).close();
            assertTrue(d.exists("later"), "an unknown name is looked up on disk before the answer is no");
            assertTrue(d.open("later").isPresent());

            Files.createDirectories(root.resolve("copied"));
            Repository.init(root.resolve("copied"), WHO, "main", StoreOptions.defaults()).close();
            assertEquals(java.util.Optional.of("copied"), d.canonicalName("copied"));
            assertEquals(List.of("copied", "later"), d.names());

            Repository.init(root.resolve("listed"), WHO, "main", StoreOptions.defaults()).close();
            assertEquals(List.of("copied", "later", "listed"), d.names(), "a new directory changes the root, "
                    + "which makes the listing look again");

            Files.createDirectories(root.resolve("plain"));
            assertFalse(d.exists("plain"), "a directory without a store is no database");
            assertFalse(d.exists("../outside"));
            VersioningException exists = assertThrows(VersioningException.class, () -> d.create("later", WHO));
            assertEquals(VersioningException.Reason.ALREADY_EXISTS, exists.reason());
        }
    }
}
