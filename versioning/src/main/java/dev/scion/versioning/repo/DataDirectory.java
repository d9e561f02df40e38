package dev.scion.versioning.repo;

import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.model.Signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A directory holding many databases, each with its own commit graph: the directory itself if it is a
 * database, and every subdirectory one level below that is. New databases become subdirectories. Dropped
 * databases move to a trash folder inside the directory so they can be brought back.
 */
public final class DataDirectory implements AutoCloseable {
    public static final String TRASH_DIR = ".scion_dropped";

    private final Path root;
    private final StoreOptions options;
    private final Map<String, Path> locations = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Repository> open = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private volatile long generation;
    /** When the last full scan ran and the root's modification time it saw (see {@link #rescanIfStale}). */
    private long lastScanNanos;
    private FileTime scannedRootTime;

    /** A full rescan for {@link #names()} runs at most this often unless the root directory itself changed. */
    private static final long RESCAN_INTERVAL_NANOS = 1_000_000_000L;

    public DataDirectory(Path root, StoreOptions options) {
        this.root = root.toAbsolutePath().normalize();
        this.options = options;
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "cannot create data directory " + this.root + ": " + e.getMessage());
        }
        discover();
    }

    private void discover() {
        scannedRootTime = rootTime();
        lastScanNanos = System.nanoTime();
        if (Repository.isRepository(root)) {
            locations.put(root.getFileName().toString(), root);
        }
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory).filter(Repository::isRepository)
                    .forEach(p -> locations.putIfAbsent(p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "cannot list " + root + ": " + e.getMessage());
        }
    }

    public Path root() {
        return root;
    }

    /**
     * The databases, including ones another process made since the last look (a {@code scion init} in a new
     * subdirectory, a database directory copied in): rescanned when the root directory changed or a second passed.
     */
    public synchronized List<String> names() {
        rescanIfStale();
        return new ArrayList<>(locations.keySet());
    }

    public synchronized boolean exists(String name) {
        return locations.containsKey(name) || probe(name);
    }

    /**
     * Picks up databases made under the root by other processes. A listing of the root is cheap but not free, so
     * it runs again only when the root's modification time moved (a directory was created, renamed or copied in)
     * or a second has passed (a database initialised inside a directory that already existed). Only adds: a
     * database that vanished from disk stays known until dropped, as an open store cannot be taken away.
     */
    private void rescanIfStale() {
        if (System.nanoTime() - lastScanNanos < RESCAN_INTERVAL_NANOS && java.util.Objects.equals(rootTime(),
                scannedRootTime)) {
            return;
        }
        discover();
    }

    /**
     * A name no one registered may still be a database another process made since: one look at
     * {@code <root>/<name>} (no listing, so unknown names cost a stat, whatever their rate) before answering no.
     */
    private boolean probe(String name) {
        if (!isValidName(name)) {
            return false;
        }
        Path p = root.resolve(name);
        if (!p.getParent().equals(root) || !Files.isDirectory(p) || !Repository.isRepository(p)) {
            return false;
        }
        locations.putIfAbsent(p.getFileName().toString(), p);
        return true;
    }

    private FileTime rootTime() {
        try {
            return Files.getLastModifiedTime(root);
        } catch (IOException e) {
            return null;
        }
    }

    /** The database's name as stored (its directory name), for a name matched case-insensitively. */
    public synchronized Optional<String> canonicalName(String name) {
        if (!locations.containsKey(name) && !probe(name)) {
            rescanIfStale(); // another spelling of a new database's name (names match case-insensitively)
        }
        for (String k : locations.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code repo} is the open repository of database {@code name} (false once it was dropped). */
    public synchronized boolean isServing(String name, Repository repo) {
        return open.get(name) == repo;
    }

    public synchronized Optional<Repository> open(String name) {
        Repository r = open.get(name);
        if (r != null) {
            return Optional.of(r);
        }
        Path p = locations.get(name);
        if (p == null && probe(name)) {
            p = locations.get(name);
        }
        if (p == null) {
            return Optional.empty();
        }
        r = Repository.open(p, options);
        open.put(name, r);
        return Optional.of(r);
    }

    /** The databases opened so far (for background maintenance: automatic garbage collection). */
    public synchronized List<Repository> openRepositories() {
        return new ArrayList<>(open.values());
    }

    public synchronized Repository create(String name, Signature author) {
        return create(name, author, "main");
    }

    /** Creates database {@code name} with an initial commit on {@code branch} and opens it. */
    public synchronized Repository create(String name, Signature author, String branch) {
        if (!isValidName(name)) {
            throw new VersioningException(VersioningException.Reason.INVALID_NAME, "invalid database name '" + name + "'");
        }
        if (exists(name)) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS,
                    "Can't create database '" + name + "'; database exists");
        }
        Path p = root.resolve(name);
        Repository r = Repository.init(p, author, branch, options);
        locations.put(name, p);
        open.put(name, r);
        return r;
    }

    /** Creates a database with no commits (to be filled by a clone or a push) and opens it. */
    public synchronized Repository createEmpty(String name) {
        if (!isValidName(name)) {
            throw new VersioningException(VersioningException.Reason.INVALID_NAME, "invalid database name '" + name + "'");
        }
        if (exists(name)) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS,
                    "Can't create database '" + name + "'; database exists");
        }
        Path p = root.resolve(name);
        Repository r = Repository.createEmpty(p, options);
        locations.put(name, p);
        open.put(name, r);
        return r;
    }

    /**
     * Moves the database to the trash folder ({@value #TRASH_DIR}) and returns where it went. Each drop gets its own
     * entry {@code <name>.<millis>}, so dropping a re-created database of the same name never overwrites the
     * earlier one; {@link #undrop} brings back the latest.
     */
    public synchronized Path drop(String name) {
        Path p = locations.get(name);
        if (p == null) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "Can't drop database '" + name
                    + "'; database doesn't exist");
        }
        if (p.equals(root)) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "cannot drop the database that is the data directory itself");
        }
        Repository r = open.remove(name);
        if (r != null) {
            r.closeForDrop();
        }
        try {
            Path trash = root.resolve(TRASH_DIR);
            Files.createDirectories(trash);
            // later than every entry already there, so that "latest" is well defined even within a millisecond
            long stamp = System.currentTimeMillis();
            for (DroppedEntry e : droppedEntries()) {
                stamp = Math.max(stamp, e.droppedAt() + 1);
            }
            Path target = trash.resolve(p.getFileName() + "." + stamp);
            Files.move(p, target);
            locations.remove(name);
            generation++;
            return target;
        } catch (IOException e) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "cannot drop database '" + name + "': " + e.getMessage());
        }
    }

    /**
     * Counts drops: a session caching open databases compares it with the value it last saw to notice that a
     * database it holds was dropped (and maybe re-created) by someone else.
     */
    public long generation() {
        return generation;
    }

    /** The names of dropped databases that {@link #undrop} can bring back, sorted, each once. */
    public synchronized List<String> droppedNames() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (DroppedEntry e : droppedEntries()) {
            names.add(e.name());
        }
        return new ArrayList<>(names);
    }

    /**
     * Restores the most recently dropped database of that name (matched case-insensitively) with its full
     * history, under the name it had, and returns that name.
     */
    public synchronized String undrop(String name) {
        DroppedEntry latest = null;
        for (DroppedEntry e : droppedEntries()) {
            if (e.name().equalsIgnoreCase(name) && (latest == null || e.droppedAt() > latest.droppedAt())) {
                latest = e;
            }
        }
        if (latest == null) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "no dropped database named '" + name
                    + "' to undrop; dropped databases: " + describe(droppedNames()));
        }
        if (locations.containsKey(latest.name())) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS, "cannot undrop database '"
                    + latest.name() + "': a database with that name exists; drop or rename it first");
        }
        Path target = root.resolve(latest.name());
        if (Files.exists(target)) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS, "cannot undrop database '"
                    + latest.name() + "': " + target + " is in the way");
        }
        try {
            Files.move(latest.path(), target);
        } catch (IOException e) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "cannot undrop database '" + latest.name() + "': " + e.getMessage());
        }
        locations.put(latest.name(), target);
        return latest.name();
    }

    /** Deletes every dropped database for good; returns how many entries went. */
    public synchronized int purgeDropped() {
        List<DroppedEntry> entries = droppedEntries();
        for (DroppedEntry e : entries) {
            deleteTree(e.path());
        }
        return entries.size();
    }

    /** One entry of the trash folder: a database directory named {@code <name>.<millis dropped>}. */
    private record DroppedEntry(String name, long droppedAt, Path path) {
    }

    private List<DroppedEntry> droppedEntries() {
        Path trash = root.resolve(TRASH_DIR);
        List<DroppedEntry> out = new ArrayList<>();
        if (!Files.isDirectory(trash)) {
            return out;
        }
        try (Stream<Path> children = Files.list(trash)) {
            children.filter(Files::isDirectory).forEach(p -> {
                String file = p.getFileName().toString();
                int dot = file.lastIndexOf('.');
                if (dot > 0) {
                    try {
                        out.add(new DroppedEntry(file.substring(0, dot), Long.parseLong(file.substring(dot + 1)), p));
                    } catch (NumberFormatException ignored) {
                        // not an entry this class wrote: leave it alone
                    }
                }
            });
        } catch (IOException e) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "cannot list " + trash + ": " + e.getMessage());
        }
        return out;
    }

    private static String describe(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> paths = all.sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "cannot delete " + dir + ": " + e.getMessage());
        }
    }

    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > 64 || name.equals(".") || name.equals("..")
                || name.startsWith(".")) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("information_schema") || lower.equals("mysql")) {
            return false;
        }
        return name.chars().noneMatch(c -> c == '/' || c == '\\' || c == '@' || c == 0 || c == ':');
    }

    @Override
    public synchronized void close() {
        for (Repository r : open.values()) {
            r.close();
        }
        open.clear();
    }
}
