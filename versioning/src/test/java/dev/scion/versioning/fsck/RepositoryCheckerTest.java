package dev.scion.versioning.fsck;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.model.Tag;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.testing.TestRepo;
import dev.scion.versioning.testing.TestRepoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.scion.versioning.testing.TestRepo.ALICE;
import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestRepoExtension.class)
class RepositoryCheckerTest {
    TestRepo t;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
        t.createTable("main", "people", TestRepo.people(true));
        for (int i = 0; i < 400; i++) {
            t.insert("main", "people", row((long) i, "name" + i, (long) i));
        }
        Hash first = t.commitAll("main", "people");
        t.repo.createBranch("feature", first);
        t.set("feature", "people", 7, "qty", 700L);
        Hash feature = t.commitAll("feature", "feature edit");
        t.repo.createTag("v1", feature, new Tag("v1", feature, ALICE, "release"), false);
        t.set("main", "people", 8, "qty", 800L); // left uncommitted: reachable only from the working set
    }

    @Test
    void aHealthyDatabaseIsClean() {
        FsckReport r = new RepositoryChecker(t.repo.store()).check();
        assertTrue(r.isClean(), () -> "problems: " + r.problems());
        // refs/heads/main, refs/heads/feature, refs/tags/v1 and the two working sets
        assertEquals(5, r.refs());
        assertTrue(r.chunks() > 10, "history, tables and row trees were read: " + r);
        assertTrue(r.bytes() > 400 * 10, "400 rows take room: " + r);
    }

    @Test
    void aMissingChunkOfUncommittedWorkIsReportedFromItsWorkingSet() {
        Hash rows = t.workingTable("main", "people").rows();
        t.repo.store().drainNursery(true); // with a chunk nursery (-Dscion.test.nursery), the damage is done on disk
        assertEquals(1, t.repo.store().deleteUnlessRecorded(List.of(rows)));

        FsckReport r = new RepositoryChecker(t.repo.store()).check();
        assertFalse(r.isClean());
        assertEquals(1, r.problemCount(), () -> "only the one row tree root: " + r.problems());
        FsckProblem p = r.problems().get(0);
        assertEquals(FsckProblem.Type.MISSING, p.type());
        assertEquals(rows, p.address());
        assertEquals("workingSets/heads/main", p.ref());
    }

    @Test
    void aChunkWhoseBytesChangedOnDiskIsCorrupt() throws Exception {
        Hash commit = t.repo.branchHead("feature").orElseThrow();
        TableValue table = t.workingTable("feature", "people");
        Hash index = table.indexes().values().iterator().next();
        t.close(); // the extension's second close does nothing
        overwrite(t.path, commit, "not a commit".getBytes(StandardCharsets.UTF_8));
        byte[] indexBytes;
        try (Repository repo = Repository.open(t.path, StoreOptions.defaults())) {
            indexBytes = repo.store().readUncached(index).clone();
        }
        indexBytes[indexBytes.length / 2] ^= 0x20; // one flipped bit in the middle of an index node
        overwrite(t.path, index, indexBytes);

        try (Repository repo = Repository.open(t.path, StoreOptions.defaults())) {
            FsckReport r = new RepositoryChecker(repo.store()).check();
            List<FsckProblem.Type> types = r.problems().stream().map(FsckProblem::type).toList();
            assertEquals(List.of(FsckProblem.Type.CORRUPT, FsckProblem.Type.CORRUPT), types, r.problems()::toString);
            assertEquals(List.of(commit, index).stream().sorted().toList(),
                    r.problems().stream().map(FsckProblem::address).sorted().toList());
        }
    }

    @Test
    void aRefThatIsNotAnAddressIsReported() throws Exception {
        t.close(); // the extension's second close does nothing
        try (RawRocks raw = new RawRocks(t.path)) {
            raw.db.put(raw.handle("refs"), "refs/heads/broken".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});
        }
        try (Repository repo = Repository.open(t.path, StoreOptions.defaults())) {
            FsckReport r = new RepositoryChecker(repo.store()).check();
            assertEquals(1, r.problemCount());
            assertEquals(FsckProblem.Type.BAD_REF, r.problems().get(0).type());
            assertEquals("refs/heads/broken", r.problems().get(0).ref());
        }
    }

    @Test
    void theReportListsAtMostItsLimitButCountsEverything() {
        List<Hash> roots = List.of(t.workingTable("main", "people").rows(),
                t.workingTable("feature", "people").rows());
        t.repo.store().drainNursery(true);
        assertEquals(2, t.repo.store().deleteUnlessRecorded(roots));
        FsckReport r = new RepositoryChecker(t.repo.store(), 1).check();
        assertEquals(1, r.problems().size());
        assertTrue(r.problemCount() >= 2, r::toString);
    }

    /** Writes bytes under an address straight into RocksDB, as disk corruption would. */
    private static void overwrite(Path db, Hash address, byte[] bytes) throws Exception {
        // The store was closed cleanly, so RocksDB's tables hold everything; without the redo log the next open
        // does not replay the chunk's original bytes over the ones written here.
        Path log = db.resolve(".scion").resolve("store").resolve(RocksChunkStore.REDO_LOG_DIRECTORY);
        try (var files = Files.walk(log)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (RawRocks raw = new RawRocks(db)) {
            raw.db.put(raw.handle("chunks"), address.bytes(), bytes);
        }
    }

    /** The store's RocksDB opened directly, bypassing the chunk store's hashing. */
    private static final class RawRocks implements AutoCloseable {
        final RocksDB db;
        final List<ColumnFamilyHandle> handles = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final DBOptions options = new DBOptions();

        RawRocks(Path repo) throws Exception {
            String path = repo.resolve(".scion").resolve("store").toString();
            List<ColumnFamilyDescriptor> cfs = new ArrayList<>();
            try (Options o = new Options()) {
                for (byte[] name : RocksDB.listColumnFamilies(o, path)) {
                    cfs.add(new ColumnFamilyDescriptor(name));
                    names.add(new String(name, StandardCharsets.UTF_8));
                }
            }
            db = RocksDB.open(options, path, cfs, handles);
        }

        ColumnFamilyHandle handle(String name) {
            return handles.get(names.indexOf(name));
        }

        @Override
        public void close() {
            handles.forEach(ColumnFamilyHandle::close);
            db.close();
            options.close();
        }
    }
}
