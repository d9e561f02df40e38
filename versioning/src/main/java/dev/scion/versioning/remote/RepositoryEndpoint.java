package dev.scion.versioning.remote;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.CorruptChunkException;
import dev.scion.storage.chunk.RefConflictException;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.versioning.gc.LiveRoots;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.RefNames;
import dev.scion.versioning.repo.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A local database seen as a remote: the far side of a {@code file://} remote, the near side of every
 * transfer, and what the HTTP remotes API serves. Moving a branch also moves its working set when that is
 * clean (nobody has uncommitted work on it there); a branch with uncommitted changes is not overwritten.
 */
public final class RepositoryEndpoint implements RemoteTransport {
    private final Repository repo;
    private final String url;
    private final boolean closeRepo;
    /** Why this endpoint cannot be written to, or null if it can. */
    private final String writeRefusal;

    /**
     * @param closeRepo whether {@link #close} closes the repository (true when this endpoint opened it)
     */
    public RepositoryEndpoint(Repository repo, String url, boolean closeRepo) {
        this(repo, url, closeRepo, null);
    }

    private RepositoryEndpoint(Repository repo, String url, boolean closeRepo, String writeRefusal) {
        this.repo = repo;
        this.url = url;
        this.closeRepo = closeRepo;
        this.writeRefusal = writeRefusal;
    }

    /** An endpoint that serves fetches and clones but refuses pushes, saying {@code why}. */
    public static RepositoryEndpoint readOnly(Repository repo, String url, boolean closeRepo, String why) {
        return new RepositoryEndpoint(repo, url, closeRepo, why);
    }

    private void requireWritable() {
        if (writeRefusal != null) {
            throw new RemoteAccessException(writeRefusal);
        }
    }

    public Repository repository() {
        return repo;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public RemoteRefs listRefs() {
        SortedMap<String, Hash> refs = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : repo.store().listRefs("refs/").entrySet()) {
            String name = e.getKey();
            if ((name.startsWith(RefNames.HEADS) || name.startsWith(RefNames.TAGS))
                    && e.getValue().length == Hash.LENGTH) {
                refs.put(name, Hash.fromBytes(e.getValue()));
            }
        }
        String def = refs.isEmpty() ? null : repo.defaultBranch();
        return new RemoteRefs(refs, def);
    }

    @Override
    public Set<Hash> hasMany(Collection<Hash> addresses) {
        Set<Hash> out = new HashSet<>();
        for (Hash h : addresses) {
            if (repo.store().has(h)) {
                out.add(h);
            }
        }
        return out;
    }

    @Override
    public void getMany(Collection<Hash> addresses, BiConsumer<Hash, byte[]> sink) {
        for (Hash h : addresses) {
            byte[] chunk = repo.store().get(h);
            if (chunk == null) {
                throw new RemoteAccessException(url + " has no chunk " + h);
            }
            sink.accept(h, chunk);
        }
    }

    @Override
    public void putMany(Map<Hash, byte[]> chunks) {
        requireWritable();
        for (Map.Entry<Hash, byte[]> e : chunks.entrySet()) {
            try {
                RocksChunkStore.verify(e.getKey(), e.getValue());
            } catch (CorruptChunkException ex) {
                throw new RemoteAccessException("refusing a corrupt chunk: " + ex.getMessage(), ex);
            }
        }
        repo.store().commit(chunks, List.of());
    }

    @Override
    public void updateRef(String name, Hash expected, Hash next) {
        requireWritable();
        if (!name.startsWith(RefNames.HEADS) && !name.startsWith(RefNames.TAGS)) {
            throw new RefRejectedException("only branches and tags can be pushed, not " + name);
        }
        String shortName = name.substring(name.startsWith(RefNames.HEADS) ? RefNames.HEADS.length()
                : RefNames.TAGS.length());
        if (!RefNames.isValidBranchName(shortName)) {
            throw new RefRejectedException("invalid ref name: " + name);
        }
        if (next != null && !repo.store().has(next)) {
            throw new RefRejectedException("cannot move " + name + " to " + next + ": the remote lacks that chunk");
        }
        List<RefUpdate> updates = new ArrayList<>();
        updates.add(RefUpdate.cas(name, expected == null ? null : expected.bytes(), next == null ? null : next.bytes()));
        if (name.startsWith(RefNames.HEADS)) {
            String wsRef = RefNames.workingSet(shortName);
            byte[] rawWs = repo.store().readRef(wsRef);
            if (next == null) {
                updates.add(RefUpdate.delete(wsRef));
            } else {
                if (rawWs != null && expected != null && !isClean(WorkingSet.decode(rawWs), expected)) {
                    throw new RefRejectedException("branch '" + shortName + "' has uncommitted changes at "
                            + url + "; refusing to move it");
                }
                updates.add(RefUpdate.cas(wsRef, rawWs, WorkingSet.clean(repo.readCommit(next).root()).encode()));
            }
        }
        try {
            repo.store().commit(Map.of(), updates);
        } catch (RefConflictException e) {
            throw new RefRejectedException("the remote ref " + name + " changed meanwhile (someone else pushed)");
        }
    }

    @Override
    public SortedMap<String, byte[]> listBackupRefs() {
        return BackupRefs.of(repo);
    }

    @Override
    public void replaceBackupRefs(Map<String, byte[]> refs) {
        requireWritable();
        for (LiveRoots.Root r : BackupRefs.roots(refs)) {
            if (!repo.store().has(r.address())) {
                throw new RefRejectedException("cannot update the backup at " + url + ": it lacks chunk "
                        + r.address());
            }
        }
        List<RefUpdate> updates = new ArrayList<>();
        for (String name : BackupRefs.of(repo).keySet()) {
            if (!refs.containsKey(name)) {
                updates.add(RefUpdate.delete(name));
            }
        }
        for (Map.Entry<String, byte[]> e : refs.entrySet()) {
            if (!BackupRefs.carries(e.getKey())) {
                throw new RefRejectedException("a backup does not carry ref " + e.getKey());
            }
            updates.add(RefUpdate.set(e.getKey(), e.getValue()));
        }
        repo.store().commit(Map.of(), updates);
    }

    private boolean isClean(WorkingSet ws, Hash head) {
        Hash root = repo.readCommit(head).root();
        return !ws.isMerging() && ws.working().equals(root) && ws.staged().equals(root);
    }

    @Override
    public AutoCloseable holdGarbageCollection() {
        return repo.holdGarbageCollection();
    }

    @Override
    public void close() {
        if (closeRepo) {
            repo.close();
        }
    }
}
