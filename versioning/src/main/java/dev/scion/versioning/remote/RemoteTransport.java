package dev.scion.versioning.remote;

import dev.scion.storage.Hash;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiConsumer;

/**
 * What the remote commands need from the other side, whatever it is (a directory, a Scion server, later an
 * object store): list its refs, ask which chunks it has, stream chunks out, store chunks, and move a ref by
 * compare-and-swap. Commands and {@link ChunkTransfer} only talk to this interface, so a new kind of remote
 * is one new implementation plus a {@link TransportFactory}.
 */
public interface RemoteTransport extends AutoCloseable {
    /** The URL this transport was opened on (for messages). */
    String url();

    /** Branches ({@code refs/heads/...}) and tags ({@code refs/tags/...}) with their values, and the default branch. */
    RemoteRefs listRefs();

    /** Those of {@code addresses} the remote stores. */
    Set<Hash> hasMany(Collection<Hash> addresses);

    /**
     * Streams the chunks at {@code addresses} to {@code sink} (in any order) as they arrive. The bytes are as
     * received: the caller verifies them. A chunk the remote lacks is an error.
     */
    void getMany(Collection<Hash> addresses, BiConsumer<Hash, byte[]> sink);

    /** Stores chunks, each verified against its address; durable when this returns. */
    void putMany(Map<Hash, byte[]> chunks);

    /**
     * Moves ref {@code name} from {@code expected} (null: must not exist) to {@code next} (null: delete), or
     * throws {@link RefRejectedException} if it no longer holds {@code expected}.
     */
    void updateRef(String name, Hash expected, Hash next);

    /**
     * The refs a backup carries ({@link BackupRefs#carries}) with their raw values: hashes for branches and tags,
     * encoded working sets, settings. Remotes that cannot hold a backup refuse.
     */
    default SortedMap<String, byte[]> listBackupRefs() {
        throw new RemoteAccessException(url() + " cannot hold a backup");
    }

    /**
     * Makes the refs a backup carries exactly {@code refs}, atomically: each is set, the others are deleted.
     * Every chunk they need must already be stored.
     */
    default void replaceBackupRefs(Map<String, byte[]> refs) {
        throw new RemoteAccessException(url() + " cannot hold a backup");
    }

    /**
     * Keeps the remote from collecting garbage while a transfer into it is between storing chunks and moving
     * the ref that makes them reachable. Remotes that cannot promise this return a no-op.
     */
    default AutoCloseable holdGarbageCollection() {
        return () -> { };
    }

    @Override
    default void close() {
    }
}
