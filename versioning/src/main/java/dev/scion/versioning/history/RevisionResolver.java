package dev.scion.versioning.history;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a revision spec into a commit: a branch, a tag, a full hash, HEAD (the caller's branch head), each
 * optionally followed by ancestry operators ({@code ~n}, {@code ^}, {@code ^n}). Names resolve as branch, then
 * tag, then hash.
 */
public final class RevisionResolver {
    private static final Pattern SUFFIX = Pattern.compile("(~\\d*|\\^\\d*)+$");
    /** git's minimum abbreviation is 4 characters; a full hash has 32. */
    private static final Pattern SHORT_HASH = Pattern.compile("[0-9a-v]{4,31}");

    private final Repository repo;

    public RevisionResolver(Repository repo) {
        this.repo = repo;
    }

    /** What a revision spec names. */
    public enum Kind { BRANCH, TAG, HASH, ANCESTOR, HEAD }

    public record Resolved(Kind kind, String name, Hash commit) {
        /** Only a plain branch name is writable. */
        public boolean isBranch() {
            return kind == Kind.BRANCH;
        }
    }

    public Optional<Resolved> resolve(String spec, Hash head) {
        if (spec == null || spec.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = SUFFIX.matcher(spec);
        String base = spec;
        String suffix = "";
        if (m.find() && m.start() > 0) {
            base = spec.substring(0, m.start());
            suffix = m.group();
        }
        Optional<Resolved> start = resolveBase(base, head);
        if (start.isEmpty() || suffix.isEmpty()) {
            return start;
        }
        Hash c = start.get().commit();
        int i = 0;
        while (i < suffix.length()) {
            char op = suffix.charAt(i++);
            int j = i;
            while (j < suffix.length() && Character.isDigit(suffix.charAt(j))) {
                j++;
            }
            int n = j > i ? Integer.parseInt(suffix.substring(i, j)) : 1;
            i = j;
            if (op == '~') {
                for (int k = 0; k < n; k++) {
                    c = parent(c, 1, spec);
                }
            } else if (n > 0) {
                c = parent(c, n, spec);
            }
        }
        return Optional.of(new Resolved(Kind.ANCESTOR, spec, c));
    }

    private Hash parent(Hash c, int which, String spec) {
        Commit commit = repo.readCommit(c);
        if (commit.parents().size() < which) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND,
                    "invalid ancestor spec: " + spec + " goes past the first commit");
        }
        return commit.parents().get(which - 1);
    }

    private Optional<Resolved> resolveBase(String base, Hash head) {
        if (base.equalsIgnoreCase("HEAD")) {
            return head == null ? Optional.empty() : Optional.of(new Resolved(Kind.HEAD, base, head));
        }
        String name = base.startsWith("refs/heads/") ? base.substring("refs/heads/".length()) : base;
        Optional<Hash> branch = repo.branchHead(name);
        if (branch.isPresent()) {
            return Optional.of(new Resolved(Kind.BRANCH, name, branch.get()));
        }
        String tagName = base.startsWith("refs/tags/") ? base.substring("refs/tags/".length()) : base;
        Optional<Hash> tag = repo.tagTarget(tagName);
        if (tag.isPresent()) {
            return Optional.of(new Resolved(Kind.TAG, tagName, tag.get()));
        }
        // remote-tracking branches: origin/main, remotes/origin/main, refs/remotes/origin/main (read-only, like a tag)
        String remoteRef = base.startsWith("refs/remotes/") ? base
                : base.startsWith("remotes/") ? "refs/" + base : "refs/remotes/" + base;
        byte[] tracking = base.contains("/") ? repo.store().readRef(remoteRef) : null;
        if (tracking != null && tracking.length == Hash.LENGTH) {
            return Optional.of(new Resolved(Kind.TAG, base, Hash.fromBytes(tracking)));
        }
        if (SHORT_HASH.matcher(base).matches() && !Hash.isHashString(base)) {
            return shortHash(base);
        }
        if (Hash.isHashString(base)) {
            Hash h = Hash.parse(base);
            if (repo.chunks().has(h)) {
                try {
                    repo.readCommit(h);
                    return Optional.of(new Resolved(Kind.HASH, base, h));
                } catch (RuntimeException notACommit) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An abbreviated hash: the one commit reachable from a branch or tag whose hash starts with the prefix. Two or
     * more such commits make the prefix ambiguous, which is an error naming them rather than a guess.
     */
    private Optional<Resolved> shortHash(String prefix) {
        java.util.Deque<Hash> todo = new java.util.ArrayDeque<>();
        for (String b : repo.branches()) {
            repo.branchHead(b).ifPresent(todo::add);
        }
        for (String t : repo.tags()) {
            repo.tagTarget(t).ifPresent(todo::add);
        }
        java.util.Set<Hash> seen = new java.util.HashSet<>();
        java.util.List<Hash> matches = new java.util.ArrayList<>();
        while (!todo.isEmpty()) {
            Hash h = todo.poll();
            if (!seen.add(h)) {
                continue;
            }
            if (h.toString().startsWith(prefix)) {
                matches.add(h);
            }
            todo.addAll(repo.readCommit(h).parents());
        }
        if (matches.size() > 1) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "short hash '" + prefix
                    + "' is ambiguous; it matches " + matches.stream().map(Hash::toString).sorted()
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        return matches.stream().findFirst().map(h -> new Resolved(Kind.HASH, prefix, h));
    }
}
