package dev.scion.versioning.gc;

import dev.scion.storage.gc.ChunkKind;
import dev.scion.storage.gc.ProllyNodeWalker;
import dev.scion.storage.gc.WalkerRegistry;

/**
 * The kinds of chunk versioning writes, and the registry of walkers garbage collection (and remote transfer,
 * which walks the same graph) uses to find each chunk's children.
 */
public final class VersioningKinds {
    /** A {@link dev.scion.versioning.model.Commit}: its root value and parent commits. */
    public static final ChunkKind COMMIT = new ChunkKind("versioning.commit");
    /** A commit or an annotated tag object (what a tag ref or a remote ref may hold). */
    public static final ChunkKind COMMITISH = new ChunkKind("versioning.commitish");
    /** A {@link dev.scion.versioning.model.RootValue}: its table map (format 2) or its tables (format 1). */
    public static final ChunkKind ROOT_VALUE = new ChunkKind("versioning.root");
    /** The prolly map of a format 2 root value: each value names one table chunk. */
    public static final ChunkKind TABLE_MAP = new ChunkKind("versioning.tablemap");
    /** A {@link dev.scion.versioning.model.TableValue}: row tree and index trees. */
    public static final ChunkKind TABLE = new ChunkKind("versioning.table");
    /** A prolly map of merge conflicts whose values hold three encoded rows (which may reference blobs). */
    public static final ChunkKind CONFLICT_MAP = new ChunkKind("versioning.conflicts");
    /** A {@link dev.scion.versioning.model.CommitArtifacts}: the tables and maps a forced commit recorded. */
    public static final ChunkKind COMMIT_ARTIFACTS = new ChunkKind("versioning.commitartifacts");
    /** A prolly map of constraint violations whose values are plain text. */
    public static final ChunkKind VIOLATION_MAP = new ChunkKind("versioning.violations");

    private VersioningKinds() {
    }

    /** Storage's walkers plus one for each versioning kind. */
    public static WalkerRegistry registry() {
        return WalkerRegistry.withStorageKinds()
                .register(COMMIT, ObjectWalkers::commit)
                .register(COMMITISH, ObjectWalkers::commitish)
                .register(ROOT_VALUE, ObjectWalkers::rootValue)
                .register(TABLE_MAP, new ProllyNodeWalker(TABLE_MAP, ObjectWalkers::tableMapValue))
                .register(TABLE, ObjectWalkers::table)
                .register(COMMIT_ARTIFACTS, ObjectWalkers::commitArtifacts)
                .register(CONFLICT_MAP, new ProllyNodeWalker(CONFLICT_MAP, ObjectWalkers::conflictValue))
                .register(VIOLATION_MAP, new ProllyNodeWalker(VIOLATION_MAP, (chunk, start, end, out) -> { }));
    }
}
