package dev.scion.server.remotes;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.remote.BackupConfig;
import dev.scion.versioning.remote.BackupOp;
import dev.scion.versioning.remote.BackupRefs;
import dev.scion.versioning.remote.RemoteAccessException;
import dev.scion.versioning.remote.RemoteCredentials;
import dev.scion.versioning.remote.RemoteTransport;
import dev.scion.versioning.remote.TransferListener;
import dev.scion.versioning.remote.Transports;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backups through the HTTP remotes API: a sync creates the backup database on the server with every ref (working
 * sets included), a later sync replaces them, and a restore from the server rebuilds an equal database.
 */
class HttpBackupTest {
    private static final RemoteCredentials ROOT = new RemoteCredentials("root", "");

    @TempDir
    Path dir;

    @Test
    void syncAndRestoreThroughTheRemotesApi() {
        DataDirectory server = new DataDirectory(dir.resolve("server"), StoreOptions.defaults());
        DataDirectory local = new DataDirectory(dir.resolve("local"), StoreOptions.defaults());
        try (RemotesApiServer api = new RemotesApiServer("127.0.0.1", 0, server,
                RemotesAuthenticator.loopbackRoot(false))) {
            api.start();
            String url = "http://127.0.0.1:" + api.port() + "/mine_backup";
            Repository mine = local.create("mine", RemotesApiFiguresTest.WHO);
            RemotesApiFiguresTest.fill(mine, 500);
            Hash first = RemotesApiFiguresTest.commit(mine, "rows");
            mine.createBranch("feature", first);
            RemotesApiFiguresTest.edit(mine, ed -> ed.insert(new Object[] {9_999L, 1L, "c", "pad"})); // uncommitted
            BackupConfig.add(mine, "hub", url);

            BackupOp.sync(mine, "hub", ROOT, TransferListener.NONE);
            assertSameBackupRefs(mine, server.open("mine_backup").orElseThrow());

            mine.deleteBranch("feature");
            Hash second = RemotesApiFiguresTest.commit(mine, "the row");
            BackupOp.sync(mine, "hub", ROOT, TransferListener.NONE);
            Repository backup = server.open("mine_backup").orElseThrow();
            assertTrue(backup.branchHead("feature").isEmpty(), "a sync removes refs the database no longer has");
            assertEquals(second, backup.branchHead("main").orElseThrow());

            Repository restored = local.createEmpty("restored");
            try (RemoteTransport t = Transports.open(url, ROOT)) {
                BackupOp.restoreInto(restored, t, TransferListener.NONE);
            }
            assertSameBackupRefs(mine, restored);
            assertEquals(0, restored.gc().missingChunks());

            RemoteAccessException denied = assertThrows(RemoteAccessException.class, () -> BackupOp.sync(mine, "hub",
                    new RemoteCredentials("mallory", "x"), TransferListener.NONE));
            assertTrue(denied.getMessage().contains("authentication failed"), denied.getMessage());
        } finally {
            server.close();
            local.close();
        }
    }

    private static void assertSameBackupRefs(Repository expected, Repository actual) {
        Map<String, byte[]> want = BackupRefs.of(expected);
        Map<String, byte[]> got = BackupRefs.of(actual);
        assertFalse(want.isEmpty());
        assertEquals(want.keySet(), got.keySet());
        want.forEach((k, v) -> assertArrayEquals(v, got.get(k), k + " differs: " + Arrays.toString(got.get(k))));
    }
}
