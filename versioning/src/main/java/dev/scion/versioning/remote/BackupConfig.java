package dev.scion.versioning.remote;

import dev.scion.storage.chunk.RefUpdate;
import dev.scion.versioning.repo.RefNames;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A database's backups (name to URL). Kept apart from the remotes: a backup has no tracking branches and no
 * upstreams, and a sync copies every ref rather than chosen branches.
 */
public final class BackupConfig {
    static final String BACKUPS = "config/backups/";
    private static final NamedUrls URLS = new NamedUrls(BACKUPS, "backup");

    private BackupConfig() {
    }

    public static void add(Repository repo, String name, String url) {
        if (!RefNames.isValidBranchName(name) || name.contains("/")) {
            throw new VersioningException(VersioningException.Reason.INVALID_NAME,
                    "backup name '" + name + "' is invalid");
        }
        if (url.isBlank()) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "backup URL '" + url + "' is invalid");
        }
        URLS.add(repo, name, url, "backup '" + name + "' already exists");
    }

    public static void remove(Repository repo, String name) {
        requireUrl(repo, name);
        repo.store().commit(Map.of(), List.of(RefUpdate.delete(URLS.ref(name))));
    }

    public static SortedMap<String, String> list(Repository repo) {
        return URLS.list(repo);
    }

    public static Optional<String> url(Repository repo, String name) {
        return URLS.url(repo, name);
    }

    public static String requireUrl(Repository repo, String name) {
        return url(repo, name).orElseThrow(() -> new VersioningException(VersioningException.Reason.NOT_FOUND,
                "backup '" + name + "' not found"));
    }
}
