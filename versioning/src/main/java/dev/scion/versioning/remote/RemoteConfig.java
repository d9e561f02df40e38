package dev.scion.versioning.remote;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A database's remotes (name to URL), each branch's upstream, and the remote-tracking branches
 * {@code refs/remotes/<remote>/<branch>}; all kept as refs of the database itself, so they travel with it
 * and change atomically.
 */
public final class RemoteConfig {
    static final String REMOTES = "config/remotes/";
    static final String UPSTREAMS = "config/upstream/";
    public static final String TRACKING = "refs/remotes/";
    private static final NamedUrls URLS = new NamedUrls(REMOTES, "remote");

    /** A branch's upstream: which remote, and which branch there. */
    public record Upstream(String remote, String branch) {
    }

    private RemoteConfig() {
    }

    public static String trackingRef(String remote, String branch) {
        return TRACKING + remote + "/" + branch;
    }

    public static void add(Repository repo, String name, String url) {
        URLS.add(repo, name, url, "error: remote " + name + " already exists.");
    }

    /** Removes a remote with its tracking branches and the upstream settings that named it. */
    public static void remove(Repository repo, String name) {
        if (url(repo, name).isEmpty()) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "error: No such remote: '" + name
                    + "'");
        }
        List<RefUpdate> updates = new ArrayList<>();
        updates.add(RefUpdate.delete(REMOTES + name));
        repo.store().listRefs(TRACKING + name + "/").keySet().forEach(r -> updates.add(RefUpdate.delete(r)));
        repo.store().listRefs(UPSTREAMS).forEach((k, v) -> {
            if (parseUpstream(v).remote().equals(name)) {
                updates.add(RefUpdate.delete(k));
            }
        });
        repo.store().commit(Map.of(), updates);
    }

    public static SortedMap<String, String> list(Repository repo) {
        return URLS.list(repo);
    }

    public static Optional<String> url(Repository repo, String name) {
        return URLS.url(repo, name);
    }

    public static String requireUrl(Repository repo, String name) {
        return url(repo, name).orElseThrow(() -> new VersioningException(VersioningException.Reason.NOT_FOUND,
                "fatal: '" + name + "' does not appear to be a remote (see 'scion remote -v')"));
    }

    /** Remote-tracking branches of one remote: branch name to commit. */
    public static SortedMap<String, Hash> trackingBranches(Repository repo, String remote) {
        SortedMap<String, Hash> out = new TreeMap<>();
        String prefix = TRACKING + remote + "/";
        repo.store().listRefs(prefix).forEach((k, v) -> out.put(k.substring(prefix.length()), Hash.fromBytes(v)));
        return out;
    }

    /** Every remote-tracking branch as {@code remote/branch} to commit. */
    public static SortedMap<String, Hash> allTrackingBranches(Repository repo) {
        SortedMap<String, Hash> out = new TreeMap<>();
        repo.store().listRefs(TRACKING).forEach((k, v) -> out.put(k.substring(TRACKING.length()),
                Hash.fromBytes(v)));
        return out;
    }

    public static RefUpdate upstreamUpdate(String localBranch, String remote, String remoteBranch) {
        return RefUpdate.set(UPSTREAMS + localBranch, (remote + "\n" + remoteBranch).getBytes(StandardCharsets.UTF_8));
    }

    public static void setUpstream(Repository repo, String localBranch, String remote, String remoteBranch) {
        repo.store().commit(Map.of(), List.of(upstreamUpdate(localBranch, remote, remoteBranch)));
    }

    public static Optional<Upstream> upstream(Repository repo, String localBranch) {
        byte[] b = repo.store().readRef(UPSTREAMS + localBranch);
        return b == null ? Optional.empty() : Optional.of(parseUpstream(b));
    }

    private static Upstream parseUpstream(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        return new Upstream(s.substring(0, nl), s.substring(nl + 1));
    }
}
