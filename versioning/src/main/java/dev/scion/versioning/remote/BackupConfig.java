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
 * A database's backups (name to URL). Kept apart from the remotes: a backup has no tracking branches and no
 * upstreams, and a sync copies every ref rather than chosen branches.
 */
public final class BackupConfig {
    static final String BACKUPS = "config/backups/";

    private BackupConfig() {
    }

    public static void add(Repository repo, String name, String url) {
        if (!RefNames.isValidBranchName(name) || name.contains("/")) {
            throw new VersioningException(VersioningException.Reason.INVALID_NAME, "invalid backup name: " + name);
        }
        Transports.parse(url); // reject malformed URLs now rather than at the first sync
        try {
            repo.store().commit(Map.of(), List.of(RefUpdate.cas(BACKUPS + name, null,
                    url.getBytes(StandardCharsets.UTF_8))));
        } catch (RefConflictException e) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS,
                    "error: a backup named '" + name + "' already exists.");
        }
    }

    public static void remove(Repository repo, String name) {
        requireUrl(repo, name);
        repo.store().commit(Map.of(), List.of(RefUpdate.delete(BACKUPS + name)));
    }

    public static SortedMap<String, String> list(Repository repo) {
        SortedMap<String, String> out = new TreeMap<>();
        repo.store().listRefs(BACKUPS).forEach((k, v) -> out.put(k.substring(BACKUPS.length()),
                new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    public static Optional<String> url(Repository repo, String name) {
        byte[] b = repo.store().readRef(BACKUPS + name);
        return b == null ? Optional.empty() : Optional.of(new String(b, StandardCharsets.UTF_8));
    }

    public static String requireUrl(Repository repo, String name) {
        return url(repo, name).orElseThrow(() -> new VersioningException(VersioningException.Reason.NOT_FOUND,
                "error: unknown backup: '" + name + "'"));
    }
}
