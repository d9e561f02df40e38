package dev.scion.server.remotes;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.gc.GcResult;
import dev.scion.versioning.remote.PushOp;
import dev.scion.versioning.remote.RemoteAccessException;
import dev.scion.versioning.remote.RemoteConfig;
import dev.scion.versioning.remote.RemoteCredentials;
import dev.scion.versioning.remote.TransferListener;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pushes through the HTTP remotes API: a new database is created, the GC hold is released, credentials count. */
class HttpPushTest {
    @TempDir
    Path dir;

    @Test
    void pushCreatesTheDatabaseAndReleasesItsGarbageCollectionHold() {
        DataDirectory server = new DataDirectory(dir.resolve("server"), StoreOptions.defaults());
        DataDirectory local = new DataDirectory(dir.resolve("local"), StoreOptions.defaults());
        try (RemotesApiServer api = new RemotesApiServer("127.0.0.1", 0, server, RemotesAuthenticator.loopbackRoot(false))) {
            api.start();
            Repository mine = local.create("mine", RemotesApiFiguresTest.WHO);
            RemotesApiFiguresTest.fill(mine, 2_000);
            Hash head = RemotesApiFiguresTest.commit(mine, "rows");
            RemoteConfig.add(mine, "hub", "http://127.0.0.1:" + api.port() + "/forked");

            PushOp.Result r = PushOp.push(mine, "hub", "main", "main", false, true,
                    new RemoteCredentials("root", ""), TransferListener.NONE);
            assertEquals(PushOp.Outcome.CREATED, r.outcome());
            Repository forked = server.open("forked").orElseThrow();
            assertEquals(head, forked.branchHead("main").orElseThrow());
            // the push session ended: a collection runs (it would wait forever on a leaked hold)
            GcResult gc = forked.gc();
            assertEquals(0, gc.missingChunks());
            assertEquals(head, forked.branchHead("main").orElseThrow());

            RemoteAccessException denied = assertThrows(RemoteAccessException.class, () -> PushOp.push(mine, "hub",
                    "main", "other", false, false, new RemoteCredentials("mallory", "x"), TransferListener.NONE));
            assertTrue(denied.getMessage().contains("authentication failed"), denied.getMessage());
            assertTrue(forked.branchHead("other").isEmpty());
        } finally {
            server.close();
            local.close();
        }
    }
}
