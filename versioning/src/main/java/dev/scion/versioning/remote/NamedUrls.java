package dev.scion.versioning.remote;

import dev.scion.storage.chunk.RefConflictException;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.versioning.repo.RefNames;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Names mapped to URLs, each kept as a ref under one prefix of the database (its remotes, its backups), so they
 * travel with it and change atomically.
 */
final class NamedUrls {
    private final String prefix;
    private final String kind;

    /** {@code kind} names an entry in errors ("remote", "backup"). */
    NamedUrls(String prefix, String kind) {
        this.prefix = prefix;
        this.kind = kind;
    }

    String ref(String name) {
        return prefix + name;
    }

    /** Adds {@code name}; refuses an invalid name or a malformed URL, and fails with {@code alreadyExists} if taken. */
    void add(Repository repo, String name, String url, String alreadyExists) {
        if (!RefNames.isValidBranchName(name) || name.contains("/")) {
            throw new VersioningException(VersioningException.Reason.INVALID_NAME,
                    "invalid " + kind + " name: " + name);
        }
        Transports.parse(url); // reject malformed URLs now rather than at the first use
        try {
            repo.store().commit(Map.of(), List.of(RefUpdate.cas(ref(name), null,
                    url.getBytes(StandardCharsets.UTF_8))));
        } catch (RefConflictException e) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS, alreadyExists);
        }
    }

    SortedMap<String, String> list(Repository repo) {
        SortedMap<String, String> out = new TreeMap<>();
        repo.store().listRefs(prefix).forEach((k, v) -> out.put(k.substring(prefix.length()),
                new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    Optional<String> url(Repository repo, String name) {
        byte[] b = repo.store().readRef(ref(name));
        return b == null ? Optional.empty() : Optional.of(new String(b, StandardCharsets.UTF_8));
    }
}
