package dev.scion.versioning.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.gc.ChildSink;
import dev.scion.storage.gc.RootSource;
import dev.scion.versioning.model.RebaseState;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.RefNames;

import java.util.Map;

/**
 * Every ref of a database as garbage-collection roots: branches, remote-tracking branches and tags (commits
 * or tag objects), and working sets (whose value is not an address but an encoded {@link WorkingSet}
 * naming working, staged and merge roots).
 */
public final class RefRoots implements RootSource {
    private final RocksChunkStore store;

    public RefRoots(RocksChunkStore store) {
        this.store = store;
    }

    @Override
    public void roots(ChildSink sink) {
        for (Map.Entry<String, byte[]> e : store.listRefs("").entrySet()) {
            String name = e.getKey();
            byte[] value = e.getValue();
            if (name.startsWith(RefNames.WORKING_SETS)) {
                WorkingSetRoots.report(WorkingSet.decode(value), sink);
            } else if (name.startsWith(RefNames.REBASES)) {
                RebaseState r = RebaseState.decode(value); // its commits must outlive a moved or deleted branch
                sink.child(r.originalHead(), VersioningKinds.COMMITISH);
                sink.child(r.onto(), VersioningKinds.COMMITISH);
                r.plan().forEach(step -> sink.child(step.commit(), VersioningKinds.COMMITISH));
            } else if (name.startsWith("refs/") && value.length == Hash.LENGTH) {
                // branches, remote-tracking branches and tags: a commit or an annotated tag object
                sink.child(Hash.fromBytes(value), VersioningKinds.COMMITISH);
            }
            // other refs (config/...) hold settings, not addresses
        }
    }
}
