package dev.scion.versioning.repo;

import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.model.Signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    public synchronized List<String> names() {
        return new ArrayList<>(locations.keySet());
    }

    public synchronized boolean exists(String name) {
        return locations.containsKey(name);
    }

    /** The database's name as stored (its directory name), for a name matched case-insensitively. */
    public synchronized Optional<String> canonicalName(String name) {
        for (String k : locations.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public synchronized Optional<Repository> open(String name) {
        Repository r = open.get(name);
        if (r != null) {
            return Optional.of(r);
        }
        Path p = locations.get(name);
        if (p == null) {
            return Optional.empty();
        }
        r = Repository.open(p, options);
        open.put(name, r);
        return Optional.of(r);
    }

    public synchronized Repository create(String name, Signature author) {
        if (!isValidName(name)) {
            throw new VersioningException(VersioningException.Reason.INVALID_NAME, "invalid database name '" + name + "'");
        }
        if (locations.containsKey(name)) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS,
                    "Can't create database '" + name + "'; database exists");
        }
        Path p = root.resolve(name);
        Repository r = Repository.init(p, author, "main", options);
        locations.put(name, p);
        open.put(name, r);
        return r;
    }

    /** Creates a database with no commits (to be filled by a clone or a push) and opens it. */
    public synchronized Repository createEmpty(String name) {
        if (!isValidName(name)) {
            throw new VersioningException(VersioningException.Reason.INVALID_NAME, "invalid database name '" + name + "'");
        }
        if (locations.containsKey(name)) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS,
                    "Can't create database '" + name + "'; database exists");
        }
        Path p = root.resolve(name);
        Repository r = Repository.createEmpty(p, options);
        locations.put(name, p);
        open.put(name, r);
        return r;
    }

    /** Moves the database to the trash folder; returns where it went. */
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
            r.close();
        }
        try {
            Path trash = root.resolve(TRASH_DIR);
            Files.createDirectories(trash);
            Path target = trash.resolve(p.getFileName().toString() + "." + System.currentTimeMillis());
            Files.move(p, target);
            locations.remove(name);
            return target;
        } catch (IOException e) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "cannot drop database '" + name + "': " + e.getMessage());
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
