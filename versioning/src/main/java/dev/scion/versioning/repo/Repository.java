package dev.scion.versioning.repo;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.ChunkStore;
import dev.scion.storage.chunk.RefConflictException;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StorageException;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.gc.GcResult;
import dev.scion.versioning.gc.LiveRoots;
import dev.scion.versioning.gc.RepositoryCollector;
import dev.scion.versioning.gc.WorkingSetRoots;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.model.Tag;
import dev.scion.versioning.model.WorkingSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One versioned database: a chunk store plus its refs (branches, tags, working sets). Everything it hands out
 * is immutable; the only mutations are compare-and-swap updates of refs, each written atomically together
 * with the chunks it needs.
 */
public final class Repository implements AutoCloseable {
    public static final String META_DIR = ".scion";
    public static final String INITIAL_COMMIT_MESSAGE = "Initialize data repository";

    /** See {@link #rootsDecoded}. */
    private static final LongAdder ROOTS_DECODED = new LongAdder();

    private final Path directory;
    private final RocksChunkStore store;
    private final ObjectCache objectCache = new ObjectCache(ObjectCache.DEFAULT_CAPACITY);
    private final ObjectCache foreignKeyIndexes = new ObjectCache(256);
    private volatile LastForeignKeys lastForeignKeys;
    /** Foreign-key indexes built or carried over by reading tables (for the regression check's counts). */
    private final java.util.concurrent.atomic.AtomicLong foreignKeyIndexesComputed = new java.util.concurrent.atomic.AtomicLong();
    /** See {@link #commitsRead}. */
    private final LongAdder commitsRead = new LongAdder();
    private final LiveRoots liveRoots = new LiveRoots();
    private final RepositoryCollector collector;
    private final Map<String, WorkingSetCommitQueue> commitQueues = new ConcurrentHashMap<>();
    private final Map<String, AutoIncrementCounters> autoIncrements = new ConcurrentHashMap<>();
    private final CrossBranchAutoIncrements crossBranchAutoIncrements =
            new CrossBranchAutoIncrements(this::branches, this::storedAutoIncrement);
    private final BranchActivity branchActivity = new BranchActivity();

    private Repository(Path directory, RocksChunkStore store) {
        this.directory = directory;
        this.store = store;
        this.collector = new RepositoryCollector(store, liveRoots);
        if (store.hasNursery()) {
            // drains drop the young chunks that nothing reaches any more, by the collector's rules
            store.attachNurseryLiveness(collector.nurseryLiveness());
        }
        store.logRefChanges(List.of(RefNames.HEADS, RefNames.TAGS)); // dolt_reflog reads these logs
    }

    /** True when the directory holds a Scion database. */
    public static boolean isRepository(Path dir) {
        return Files.isDirectory(dir.resolve(META_DIR).resolve("store"));
    }

    /** Creates a database in {@code dir} with an initial commit on {@code branch}. */
    public static Repository init(Path dir, Signature author, String branch, StoreOptions options) {
        Repository repo = createEmpty(dir, options);
        ChunkBuffer buf = repo.newBuffer();
        Hash emptyRoot = RootValue.empty().write(buf);
        Commit initial = new Commit(emptyRoot, List.of(), author, author, INITIAL_COMMIT_MESSAGE, 1);
        Hash commit = buf.put(initial.encode());
        repo.store.commit(buf.pending(), List.of(
                RefUpdate.cas(RefNames.branch(branch), null, commit.bytes()),
                RefUpdate.cas(RefNames.workingSet(branch), null, WorkingSet.clean(emptyRoot).encode()),
                RefUpdate.set(RefNames.DEFAULT_BRANCH, branch.getBytes(StandardCharsets.UTF_8))));
        return repo;
    }

    /**
     * Creates a database with no commits and no branches, to be filled by a clone. It opens like any
     * database but has nothing to check out until a branch is made.
     */
    public static Repository createEmpty(Path dir, StoreOptions options) {
        if (isRepository(dir)) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS,
                    "a database already exists in " + dir);
        }
        try {
            Files.createDirectories(dir.resolve(META_DIR));
        } catch (IOException e) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "cannot create " + dir + ": " + e.getMessage());
        }
        return new Repository(dir, RocksChunkStore.open(dir.resolve(META_DIR).resolve("store"), options));
    }

    public static Repository open(Path dir, StoreOptions options) {
        if (!isRepository(dir)) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "no database in " + dir);
        }
        return new Repository(dir, RocksChunkStore.open(dir.resolve(META_DIR).resolve("store"), options));
    }

    /**
     * Opens, for reading only, a database that another process (a running server) holds: it sees what that
     * process committed up to now. Writes fail.
     */
    public static Repository openFollower(Path dir, StoreOptions options) {
        if (!isRepository(dir)) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "no database in " + dir);
        }
        return new Repository(dir, RocksChunkStore.openFollower(dir.resolve(META_DIR).resolve("store"), options));
    }

    public Path directory() {
        return directory;
    }

    public ChunkReader chunks() {
        return store;
    }

    /** The underlying store, for garbage collection and remote transfer (which write chunks verified). */
    public RocksChunkStore store() {
        return store;
    }

    // ---- garbage collection ----

    /** Roots held by open transactions and transfers; garbage collection keeps everything they reach. */
    public LiveRoots liveRoots() {
        return liveRoots;
    }

    /** Reads a branch's working set and pins its roots until the pin is closed (a transaction's snapshot). */
    public LiveRoots.Pin<WorkingSet> pinWorkingSet(String branch) {
        return liveRoots.pin(() -> workingSet(branch), WorkingSetRoots::report);
    }

    /** Keeps garbage collection from starting until the handle is closed (transfers into this database). */
    public AutoCloseable holdGarbageCollection() {
        return collector.holdOff();
    }

    /** Collects garbage online: marks from refs, working sets and live roots; deletes the rest. */
    public GcResult gc() {
        GcResult r = collector.collect();
        // as in Dolt, a collection ends the ref logs: the commits they name may be gone
        store.clearRefLogs();
        return r;
    }

    /** The ref logs' names (refs/heads/x, refs/tags/x), deleted refs included. */
    public java.util.SortedSet<String> loggedRefs() {
        return store.loggedRefs();
    }

    /**
     * The values ref {@code fullName} (refs/heads/x, refs/tags/x) was given, newest first: commits, or annotated
     * tag objects for such tags. The log outlives the ref; garbage collection clears it.
     */
    public List<RocksChunkStore.RefLogEntry> refLog(String fullName) {
        return store.refLog(fullName);
    }

    /** A transaction-local buffer for new chunks, flushed by the ref update that needs them. */
    public ChunkBuffer newBuffer() {
        return new ChunkBuffer(store);
    }

    // ---- reading objects ----

    public Commit readCommit(Hash h) {
        commitsRead.increment();
        return (Commit) objectCache.computeIfAbsent(h, k -> Commit.decode(require(k, "commit")));
    }

    /**
     * Commits asked for through {@link #readCommit}, cached or not: how many commits a history walk touched (the
     * regression checks of dolt_log and dolt_history_&lt;t&gt; count it, never time it).
     */
    public long commitsRead() {
        return commitsRead.sum();
    }

    /** Decoded objects held in memory (for tests of the cache's bound). */
    int cachedObjects() {
        return objectCache.size();
    }

    public RootValue readRoot(ChunkReader reader, Hash h) {
        Object cached = objectCache.get(h);
        if (cached instanceof RootValue rv) {
            return rv;
        }
        ROOTS_DECODED.increment();
        // a committed root reads its table map from the store (not from a transaction's buffer), so it can be
        // cached without keeping that buffer alive
        boolean committed = store.has(h);
        RootValue rv = RootValue.decode(require(reader, h, "root value"), committed ? store : reader);
        if (committed) {
            objectCache.put(h, rv);
        }
        return rv;
    }

    /**
     * Remembers {@code root}, just committed at {@code address} through a transaction's buffer, as {@link #readRoot}
     * would decode it from the store: the next commit of the branch, which starts from it, then reads it without
     * decoding the header again or loading its table map's root node.
     */
    public void committedRoot(Hash address, RootValue root) {
        objectCache.put(address, root.readingFrom(store));
    }

    /** Root values decoded by {@link #readRoot} (not found decoded), in this process: an operation count. */
    public static long rootsDecoded() {
        return ROOTS_DECODED.sum();
    }

    public TableValue readTable(ChunkReader reader, Hash h) {
        Object cached = objectCache.get(h);
        if (cached instanceof TableValue tv) {
            return tv;
        }
        // a table value names its chunks by address only, so it is cached whether or not it is committed yet:
        // a transaction reading back the table it just wrote finds it here
        TableValue tv = TableValue.decode(require(reader, h, "table"), s -> readSchema(reader, s));
        objectCache.put(h, tv);
        return tv;
    }

    /** A table schema chunk, decoded once and shared by every table value that names it. */
    public TableSchema readSchema(ChunkReader reader, Hash h) {
        Object cached = objectCache.get(h);
        if (cached instanceof TableSchema s) {
            return s;
        }
        TableSchema s = TableValue.decodeSchema(require(reader, h, "table schema"));
        objectCache.put(h, s);
        return s;
    }

    /**
     * The foreign keys referencing each table of the root at {@code rootHash}. Cached per root; a root not seen
     * yet is usually the previous one plus a write, so the index is carried over from the last root asked about
     * by reading only the tables that changed (a diff of the two table maps).
     */
    public ForeignKeyIndex foreignKeys(ChunkReader reader, Hash rootHash) {
        Object cached = foreignKeyIndexes.get(rootHash);
        if (cached instanceof ForeignKeyIndex fk) {
            return fk;
        }
        foreignKeyIndexesComputed.incrementAndGet();
        RootValue root = readRoot(reader, rootHash);
        java.util.function.Function<Hash, TableValue> tables = h -> readTable(reader, h);
        ForeignKeyIndex index = null;
        LastForeignKeys last = lastForeignKeys;
        if (last != null) {
            try {
                // read with this caller's reader: the last root may be another transaction's uncommitted one, or
                // collected since; then it cannot be read and the index is built from scratch
                java.util.Set<String> changed = root.changedTablesSince(readRoot(reader, last.root()));
                if (changed.size() <= 64) {
                    index = last.index().update(root, changed, tables);
                }
            } catch (RuntimeException unreadable) {
                index = null;
            }
        }
        if (index == null) {
            index = ForeignKeyIndex.build(root, tables);
        }
        foreignKeyIndexes.put(rootHash, index);
        lastForeignKeys = new LastForeignKeys(rootHash, index);
        return index;
    }

    private record LastForeignKeys(Hash root, ForeignKeyIndex index) {
    }

    /** How many times a root's foreign-key index was computed from its tables (not found or carried over). */
    public long foreignKeyIndexesComputed() {
        return foreignKeyIndexesComputed.get();
    }

    /**
     * Notes that the root at {@code next} holds the same tables under the same names with the same schemas as the
     * root at {@code previous} (a row write), so its foreign-key index is the previous one's. A one-row write
     * otherwise made the next statement (or the next transaction, which starts from the root this one commits)
     * diff the two table maps to find that nothing about foreign keys changed.
     */
    public void sameForeignKeys(Hash previous, Hash next) {
        if (previous.equals(next)) {
            return;
        }
        Object cached = foreignKeyIndexes.get(previous);
        if (cached instanceof ForeignKeyIndex fk) {
            foreignKeyIndexes.put(next, fk);
            lastForeignKeys = new LastForeignKeys(next, fk);
        }
    }

    /** Writes {@code table} to {@code out} and remembers it decoded, so reading it back costs nothing. */
    public Hash writeTable(ChunkStore out, TableValue table) {
        TableValue.Written w = table.writeAndKeep(out);
        objectCache.put(w.address(), w.table());
        return w.address();
    }

    public ProllyMap emptyMap(ChunkBuffer out) {
        return ProllyMap.empty(out);
    }

    private byte[] require(Hash h, String what) {
        return require(store, h, what);
    }

    private static byte[] require(ChunkReader reader, Hash h, String what) {
        byte[] b = reader.get(h);
        if (b == null) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, what + " " + h + " not found");
        }
        return b;
    }

    // ---- refs ----

    public String defaultBranch() {
        byte[] b = store.readRef(RefNames.DEFAULT_BRANCH);
        String name = b == null ? "main" : new String(b, StandardCharsets.UTF_8);
        if (branchHead(name).isPresent()) {
            return name;
        }
        List<String> all = branches();
        return all.contains("main") ? "main" : all.isEmpty() ? name : all.get(0);
    }

    public List<String> branches() {
        return new ArrayList<>(store.listRefs(RefNames.HEADS).keySet().stream()
                .map(k -> k.substring(RefNames.HEADS.length())).toList());
    }

    public Optional<Hash> branchHead(String branch) {
        byte[] b = store.readRef(RefNames.branch(branch));
        return b == null ? Optional.empty() : Optional.of(Hash.fromBytes(b));
    }

    public List<String> tags() {
        return new ArrayList<>(store.listRefs(RefNames.TAGS).keySet().stream()
                .map(k -> k.substring(RefNames.TAGS.length())).toList());
    }

    /** The commit a tag names, looking through an annotated tag object. */
    public Optional<Hash> tagTarget(String tag) {
        return tagRef(tag).map(h -> readTagObject(h).map(Tag::target).orElse(h));
    }

    /** What the tag ref holds: a commit (lightweight tag) or a tag object (annotated tag). */
    public Optional<Hash> tagRef(String tag) {
        byte[] b = store.readRef(RefNames.tag(tag));
        return b == null ? Optional.empty() : Optional.of(Hash.fromBytes(b));
    }

    /** The annotated tag object at {@code h}, or empty when {@code h} is a commit. */
    public Optional<Tag> readTagObject(Hash h) {
        Object cached = objectCache.get(h);
        if (cached instanceof Tag t) {
            return Optional.of(t);
        }
        if (cached instanceof Commit) {
            return Optional.empty();
        }
        byte[] b = store.get(h);
        if (!Tag.isTagChunk(b)) {
            return Optional.empty();
        }
        Tag t = Tag.decode(b);
        objectCache.put(h, t);
        return Optional.of(t);
    }

    /** The branch's working set; a branch made by an older tool without one starts clean at its head. */
    public WorkingSet workingSet(String branch) {
        byte[] b = store.readRef(RefNames.workingSet(branch));
        if (b != null) {
            return WorkingSet.decode(b);
        }
        Hash head = branchHead(branch).orElseThrow(() -> new VersioningException(
                VersioningException.Reason.NOT_FOUND, "branch not found: " + branch));
        return WorkingSet.clean(readCommit(head).root());
    }

    private byte[] rawWorkingSet(String branch) {
        return store.readRef(RefNames.workingSet(branch));
    }

    // ---- writes ----

    /**
     * Replaces a branch's working set if it still equals {@code expected}, writing the buffered chunks in the
     * same atomic batch.
     *
     * @throws VersioningException CONCURRENT_UPDATE when another writer got there first
     */
    public void updateWorkingSet(String branch, WorkingSet expected, WorkingSet next, ChunkBuffer chunks) {
        byte[] raw = rawWorkingSet(branch);
        byte[] expectedRaw = expected.encode();
        if (raw != null && !Arrays.equals(raw, expectedRaw)) {
            throw concurrent(branch);
        }
        try {
            store.commit(chunks.pending(), List.of(RefUpdate.cas(RefNames.workingSet(branch), raw, next.encode())));
        } catch (RefConflictException e) {
            throw concurrent(branch);
        }
        chunks.clear();
        raiseAutoIncrementFloors(next);
        branchActivity.wrote(branch);
    }

    /**
     * A merge, reset or checkout replaced a working set with tables from elsewhere (another branch, a tag, a
     * fetched commit): their next auto-increment values may be above the cross-branch floors, which ids handed
     * out through SQL are the only other thing to raise. Only tables that already have a floor are read.
     */
    private void raiseAutoIncrementFloors(WorkingSet ws) {
        java.util.Set<String> tracked = crossBranchAutoIncrements.trackedTables();
        if (tracked.isEmpty()) {
            return;
        }
        RootValue root = readRoot(store, ws.working());
        for (String table : List.copyOf(tracked)) {
            root.resolveName(table).map(root::tableHash).filter(java.util.Objects::nonNull).ifPresent(h ->
                    crossBranchAutoIncrements.raise(table, readTable(store, h).autoIncrement()));
        }
    }

    /**
     * The queue that publishes SQL transactions to a branch's working set with shared syncs (group commit). All
     * SQL commits to a branch go through it, so concurrent ones share one synced write instead of racing for the
     * ref; other writers of the working set still compare-and-swap it directly.
     */
    public WorkingSetCommitQueue commitQueue(String branch) {
        return commitQueues.computeIfAbsent(branch, b -> new WorkingSetCommitQueue(this, b));
    }

    /** The auto-increment values handed out on a branch, shared by the sessions that write to it. */
    public AutoIncrementCounters autoIncrements(String branch) {
        return autoIncrements.computeIfAbsent(branch, b -> new AutoIncrementCounters());
    }

    /** When each branch was last read and written since the database was opened (dolt_branch_activity). */
    public BranchActivity branchActivity() {
        return branchActivity;
    }

    /** The floor of generated ids shared by all branches (Dolt's rule; {@link CrossBranchAutoIncrements}). */
    public CrossBranchAutoIncrements crossBranchAutoIncrements() {
        return crossBranchAutoIncrements;
    }

    /** The next auto-increment value a branch's working set stores for a table, 0 without such a table. */
    private long storedAutoIncrement(String branch, String table) {
        try {
            Hash t = readRoot(store, workingSet(branch).working()).tableHash(table);
            return t == null ? 0 : readTable(store, t).autoIncrement();
        } catch (VersioningException e) {
            return 0; // deleted since it was listed
        }
    }

    /** One branch's working set change inside {@link #updateWorkingSets}. */
    public record WorkingSetChange(String branch, WorkingSet expected, WorkingSet next) {
    }

    /** Replaces several branches' working sets in one atomic batch, each by compare-and-swap. */
    public void updateWorkingSets(List<WorkingSetChange> changes, ChunkBuffer chunks) {
        List<RefUpdate> updates = new ArrayList<>();
        for (WorkingSetChange c : changes) {
            byte[] raw = rawWorkingSet(c.branch());
            if (raw != null && !Arrays.equals(raw, c.expected().encode())) {
                throw concurrent(c.branch());
            }
            updates.add(RefUpdate.cas(RefNames.workingSet(c.branch()), raw, c.next().encode()));
        }
        try {
            store.commit(chunks.pending(), updates);
        } catch (RefConflictException e) {
            throw concurrent(changes.get(0).branch());
        }
        chunks.clear();
        changes.forEach(c -> branchActivity.wrote(c.branch()));
    }

    /**
     * Commits {@code toCommit} (a root already in {@code chunks} or the store) on top of the branch head and
     * installs {@code nextWorkingSet}, both by compare-and-swap against the given expectations.
     */
    public Hash commit(String branch, Hash expectedHead, WorkingSet expectedWs, Hash toCommit, List<Hash> extraParents,
                       Signature author, Signature committer, String message, WorkingSet nextWorkingSet,
                       ChunkBuffer chunks) {
        return commit(branch, expectedHead, expectedWs, toCommit, extraParents, author, committer, message, null,
                nextWorkingSet, chunks);
    }

    /** {@link #commit} recording a forced commit's conflicts and violations ({@code artifacts}, may be null). */
    public Hash commit(String branch, Hash expectedHead, WorkingSet expectedWs, Hash toCommit, List<Hash> extraParents,
                       Signature author, Signature committer, String message, Hash artifacts,
                       WorkingSet nextWorkingSet, ChunkBuffer chunks) {
        List<Hash> parents = new ArrayList<>();
        long height = 0;
        if (expectedHead != null) {
            parents.add(expectedHead);
            height = readCommit(expectedHead).height();
        }
        for (Hash p : extraParents) {
            parents.add(p);
            height = Math.max(height, readCommit(p).height());
        }
        Commit c = new Commit(toCommit, parents, author, committer, message, height + 1, artifacts);
        return writeCommit(branch, expectedHead, expectedWs, c, nextWorkingSet, chunks);
    }

    /** Writes a commit object that no ref points to (seed 004's COMMIT() and MERGE()). */
    public Hash writeDanglingCommit(Commit c, ChunkBuffer chunks) {
        Hash h = chunks.put(c.encode());
        store.commit(chunks.pending(), List.of());
        chunks.clear();
        return h;
    }

    public void createBranch(String name, Hash commit) {
        if (!RefNames.isValidBranchName(name)) {
            throw new VersioningException(VersioningException.Reason.INVALID_NAME, "invalid branch name: " + name);
        }
        if (branchHead(name).isPresent()) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS,
                    "fatal: A branch named '" + name + "' already exists.");
        }
        Commit c = readCommit(commit);
        WorkingSet ws = WorkingSet.clean(c.root());
        byte[] artifacts = c.artifacts() == null ? null : store.get(c.artifacts());
        if (artifacts != null) { // a branch made from a forced commit starts with the conflicts it recorded
            ws = ws.withMergeState(dev.scion.versioning.model.CommitArtifacts.decode(artifacts)
                    .asKeptState(c.root(), c.root()));
        }
        try {
            store.commit(Map.of(), List.of(
                    RefUpdate.cas(RefNames.branch(name), null, commit.bytes()),
                    RefUpdate.set(RefNames.workingSet(name), ws.encode())));
        } catch (RefConflictException e) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS,
                    "fatal: A branch named '" + name + "' already exists.");
        }
        branchActivity.forget(name);
        branchActivity.wrote(name);
    }

    /** Moves a branch head to {@code commit} if it still points at {@code expected}; resets its working set. */
    public void moveBranch(String name, Hash expected, Hash commit) {
        Hash root = readCommit(commit).root();
        try {
            store.commit(Map.of(), List.of(
                    RefUpdate.cas(RefNames.branch(name), expected == null ? null : expected.bytes(), commit.bytes()),
                    RefUpdate.set(RefNames.workingSet(name), WorkingSet.clean(root).encode())));
        } catch (RefConflictException e) {
            throw concurrent(name);
        }
        branchActivity.wrote(name);
    }

    public void deleteBranch(String name) {
        if (branchHead(name).isEmpty()) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "branch '" + name + "' not found");
        }
        store.commit(Map.of(), List.of(RefUpdate.delete(RefNames.branch(name)),
                RefUpdate.delete(RefNames.workingSet(name))));
        branchActivity.forget(name);
    }

    /** Points a branch at {@code commit} whether or not it exists (branch -f); the working set starts clean. */
    public void forceBranch(String name, Hash commit) {
        if (!RefNames.isValidBranchName(name)) {
            throw new VersioningException(VersioningException.Reason.INVALID_NAME, "invalid branch name: " + name);
        }
        Hash root = readCommit(commit).root();
        store.commit(Map.of(), List.of(RefUpdate.set(RefNames.branch(name), commit.bytes()),
                RefUpdate.set(RefNames.workingSet(name), WorkingSet.clean(root).encode())));
        branchActivity.wrote(name);
    }

    /** The head of {@code from} and the current head of {@code to} (null when absent), for a copy or rename. */
    private record BranchHeads(byte[] source, byte[] target) {
    }

    private BranchHeads branchHeads(String from, String to, boolean force, String notFound) {
        if (!RefNames.isValidBranchName(to)) {
            throw new VersioningException(VersioningException.Reason.INVALID_NAME, "invalid branch name: " + to);
        }
        byte[] head = store.readRef(RefNames.branch(from));
        if (head == null) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, notFound);
        }
        byte[] existing = store.readRef(RefNames.branch(to));
        if (existing != null && !force) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS,
                    "fatal: A branch named '" + to + "' already exists.");
        }
        return new BranchHeads(head, existing);
    }

    /** Copies a branch's head and working set to {@code to} in one atomic batch (replacing it with {@code force}). */
    public void copyBranch(String from, String to, boolean force) {
        BranchHeads heads = branchHeads(from, to, force, "fatal: branch '" + from + "' not found");
        byte[] head = heads.source();
        byte[] existing = heads.target();
        byte[] ws = rawWorkingSet(from);
        try {
            store.commit(Map.of(), List.of(RefUpdate.cas(RefNames.branch(from), head, head),
                    RefUpdate.cas(RefNames.branch(to), existing, head),
                    RefUpdate.set(RefNames.workingSet(to), ws != null ? ws : workingSet(from).encode())));
        } catch (RefConflictException e) {
            throw concurrent(to);
        }
        branchActivity.forget(to);
        branchActivity.wrote(to);
    }

    /**
     * Renames a branch, carrying its working set, in one atomic batch. With {@code force} an existing branch
     * named {@code to} is replaced.
     */
    public void renameBranch(String from, String to, boolean force) {
        BranchHeads heads = branchHeads(from, to, force, "branch '" + from + "' not found");
        byte[] head = heads.source();
        byte[] existing = heads.target();
        byte[] ws = rawWorkingSet(from);
        if (ws == null) {
            ws = workingSet(from).encode();
        }
        try {
            store.commit(Map.of(), List.of(RefUpdate.cas(RefNames.branch(from), head, null),
                    RefUpdate.cas(RefNames.branch(to), existing, head),
                    RefUpdate.set(RefNames.workingSet(to), ws), RefUpdate.delete(RefNames.workingSet(from))));
        } catch (RefConflictException e) {
            throw concurrent(from);
        }
        branchActivity.renamed(from, to);
    }

    /**
     * Moves a branch head from {@code expectedHead} to {@code newHead} and replaces its working set, both by
     * compare-and-swap, writing the buffered chunks in the same batch (reset, fast-forward merge).
     */
    public void updateHead(String branch, Hash expectedHead, Hash newHead, WorkingSet expectedWs, WorkingSet next,
                           ChunkBuffer chunks) {
        byte[] rawWs = rawWorkingSet(branch);
        if (rawWs != null && expectedWs != null && !Arrays.equals(rawWs, expectedWs.encode())) {
            throw concurrent(branch);
        }
        try {
            store.commit(chunks.pending(), List.of(
                    RefUpdate.cas(RefNames.branch(branch), expectedHead == null ? null : expectedHead.bytes(),
                            newHead.bytes()),
                    RefUpdate.cas(RefNames.workingSet(branch), rawWs, next.encode())));
        } catch (RefConflictException e) {
            throw concurrent(branch);
        }
        chunks.clear();
        raiseAutoIncrementFloors(next);
        branchActivity.wrote(branch);
    }

    /** Writes a ready-made commit object and makes it the branch head (amend, cherry-pick keep their own metadata). */
    public Hash writeCommit(String branch, Hash expectedHead, WorkingSet expectedWs, Commit commit, WorkingSet next,
                            ChunkBuffer chunks) {
        Hash h = chunks.put(commit.encode());
        updateHead(branch, expectedHead, h, expectedWs, next, chunks);
        return h;
    }

    /** Creates a tag pointing at a commit, or at an annotated tag object when {@code annotation} is given. */
    public void createTag(String name, Hash commit, Tag annotation, boolean force) {
        if (!RefNames.isValidBranchName(name)) {
            throw new VersioningException(VersioningException.Reason.INVALID_NAME, "invalid tag name: " + name);
        }
        byte[] existing = store.readRef(RefNames.tag(name));
        if (existing != null && !force) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS,
                    "fatal: tag '" + name + "' already exists");
        }
        ChunkBuffer buf = newBuffer();
        Hash target = annotation == null ? commit : buf.put(annotation.encode());
        try {
            store.commit(buf.pending(), List.of(RefUpdate.cas(RefNames.tag(name), existing, target.bytes())));
        } catch (RefConflictException e) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS,
                    "fatal: tag '" + name + "' already exists");
        }
    }

    public void deleteTag(String name) {
        if (tagRef(name).isEmpty()) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "error: tag '" + name + "' not found.");
        }
        store.commit(Map.of(), List.of(RefUpdate.delete(RefNames.tag(name))));
    }

    /** The database's default collation, or null for the default {@code utf8mb4_0900_bin}. */
    public String databaseCollation() {
        byte[] b = store.readRef(RefNames.DATABASE_COLLATION);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /**
     * Sets the database's default collation (null: the default). A repository-wide setting like the default
     * branch, not versioned per branch.
     */
    public void setDatabaseCollation(String collation) {
        store.commit(Map.of(), List.of(collation == null ? RefUpdate.delete(RefNames.DATABASE_COLLATION)
                : RefUpdate.set(RefNames.DATABASE_COLLATION, collation.getBytes(StandardCharsets.UTF_8))));
    }

    public void setDefaultBranch(String name) {
        store.commit(Map.of(), List.of(RefUpdate.set(RefNames.DEFAULT_BRANCH, name.getBytes(StandardCharsets.UTF_8))));
    }

    private static VersioningException concurrent(String branch) {
        return new VersioningException(VersioningException.Reason.CONCURRENT_UPDATE,
                "branch '" + branch + "' was updated concurrently; retry the transaction");
    }

    /**
     * Closes the store. A clean close writes every young chunk to RocksDB, so the nursery is drained first: the
     * garbage among them dies here instead of landing on disk, where only the next collection would take it back
     * (and the automatic collector's baseline, taken when the database is next opened, would count it as live).
     */
    @Override
    public void close() {
        if (store.hasNursery()) {
            try {
                store.drainNursery();
            } catch (StorageException e) {
                // the close below writes every young chunk, so nothing is lost: only the garbage stays on disk
            }
        }
        store.close();
    }

    /**
     * Closes the store of a database being dropped: no drain, and no young chunk written to RocksDB. Those chunks
     * stay in the store's redo log, which an open after {@code undrop} replays; a purge deletes them with the rest.
     */
    public void closeForDrop() {
        store.closeLeavingYoungChunksInLog();
    }
}
