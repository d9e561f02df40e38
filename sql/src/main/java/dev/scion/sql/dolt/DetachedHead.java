package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.merge.MergeConflictException;
import dev.scion.versioning.merge.RootMerger;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.ops.MergeBase;
import dev.scion.versioning.repo.Repository;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The detached-head functions of seed 004. COMMIT(...) and MERGE(...) write commits no ref points to and return
 * their hashes; SQUASH(...) returns a merged working root. None moves a branch: the session assigns the results
 * to {@code @@<db>_head} / {@code @@<db>_working}, or to a row of dolt_branches.
 */
public final class DetachedHead {
    static final String COMMIT = "DOLT_DETACHED_COMMIT";
    static final String MERGE = "DOLT_DETACHED_MERGE";
    static final String SQUASH = "DOLT_DETACHED_SQUASH";

    // COMMIT(, MERGE( and SQUASH( are these functions (no statement starts that way); the words are SQL keywords,
    // so they are renamed before parsing.
    private static final Pattern CALL = Pattern.compile("(?i)(?<![A-Za-z0-9_$.`])(COMMIT|MERGE|SQUASH)(\\s*\\()");

    private DetachedHead() {
    }

    /** Renames the detached-head function calls in a statement (outside quotes) to names the parser accepts. */
    public static String rewrite(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        if (!upper.contains("COMMIT") && !upper.contains("MERGE") && !upper.contains("SQUASH")) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 32);
        int n = sql.length();
        int i = 0;
        int segmentStart = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                out.append(renamed(sql.substring(segmentStart, i)));
                int e = dev.scion.sql.frontend.SqlScanner.skipQuoted(sql, i);
                out.append(sql, i, e);
                i = e;
                segmentStart = i;
                continue;
            }
            i++;
        }
        out.append(renamed(sql.substring(segmentStart)));
        return out.toString();
    }

    private static String renamed(String part) {
        Matcher m = CALL.matcher(part);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String fn = switch (m.group(1).toUpperCase(Locale.ROOT)) {
                case "COMMIT" -> COMMIT;
                case "MERGE" -> MERGE;
                default -> SQUASH;
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(fn + m.group(2)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** COMMIT('-m', msg [, '-a'] [, '--allow-empty'] [, '--date', d] [, '--author', a]): a dangling commit. */
    static String commit(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("COMMIT", args, Set.of("m", "message", "author", "date"));
        String message = p.value("m", "message");
        if (message == null) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "COMMIT: a commit message is required (-m)");
        }
        DatabaseState s = ProcedureSupport.writable(session, "COMMIT");
        Repository repo = s.repo();
        Hash head = session.headOf(s);
        Commit headCommit = repo.readCommit(head);
        Hash root = s.workingRootHash();
        if (root.equals(headCommit.root()) && !p.has("allow-empty")) {
            throw new SqlError(ErrorCode.VERSIONING, "nothing to commit");
        }
        Signature committer = ProcedureSupport.who(session);
        Signature author = p.value("author") != null ? Signature.parse(p.value("author"), committer.timeMillis())
                : committer;
        if (p.value("date") != null) {
            long at = Procedures.parseDate(p.value("date"));
            author = author.at(at);
            committer = committer.at(at);
        }
        Commit c = new Commit(root, List.of(head), author, committer, message, headCommit.height() + 1);
        return repo.writeDanglingCommit(c, s.buffer()).toString();
    }

    /** MERGE(branch [, '--author', a]): a dangling merge commit of HEAD and the branch. */
    static String merge(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("MERGE", args, Set.of("author"));
        ProcedureSupport.requireArgs(p.positional(), 1, "MERGE");
        DatabaseState s = ProcedureSupport.writable(session, "MERGE");
        Repository repo = s.repo();
        Hash ours = session.headOf(s);
        Hash theirs = Procedures.resolve(session, s, p.positional().get(0));
        Hash base = MergeBase.find(repo, ours, theirs).orElseThrow(() -> new SqlError(ErrorCode.VERSIONING,
                "MERGE: refusing to merge unrelated histories"));
        if (base.equals(theirs)) {
            return ours.toString();
        }
        ChunkBuffer buf = s.buffer();
        RootValue merged = mergeRoots(repo, buf, base, repo.readCommit(ours).root(), repo.readCommit(theirs).root());
        Signature who = ProcedureSupport.who(session);
        Signature author = p.value("author") != null ? Signature.parse(p.value("author"), who.timeMillis()) : who;
        long height = Math.max(repo.readCommit(ours).height(), repo.readCommit(theirs).height()) + 1;
        Commit c = new Commit(merged.write(buf), List.of(ours, theirs), author, who,
                "Merge " + p.positional().get(0), height);
        return repo.writeDanglingCommit(c, buf).toString();
    }

    /** SQUASH(branch): the session's working root with the branch's changes merged in, as a root hash. */
    static String squash(Session session, List<String> args) {
        ProcedureSupport.requireArgs(args, 1, "SQUASH");
        DatabaseState s = ProcedureSupport.writable(session, "SQUASH");
        Repository repo = s.repo();
        Hash theirs = Procedures.resolve(session, s, args.get(0));
        Hash base = MergeBase.find(repo, session.headOf(s), theirs).orElseThrow(() -> new SqlError(
                ErrorCode.VERSIONING, "SQUASH: refusing to merge unrelated histories"));
        ChunkBuffer buf = s.buffer();
        RootValue merged = mergeRoots(repo, buf, base, s.workingRootHash(), repo.readCommit(theirs).root());
        return merged.write(buf).toString();
    }

    private static RootValue mergeRoots(Repository repo, ChunkBuffer buf, Hash baseCommit, Hash ours, Hash theirs) {
        try {
            return new RootMerger(repo, buf).merge(repo.readRoot(buf, repo.readCommit(baseCommit).root()),
                    repo.readRoot(buf, ours), repo.readRoot(buf, theirs));
        } catch (MergeConflictException e) {
            throw new SqlError(ErrorCode.VERSIONING, "merge conflict: " + e.getMessage(), e);
        }
    }

    /** SET @@<db>_head = hash: detached head at that commit. */
    static void setHead(Session session, DatabaseState s, Object value) {
        Hash h = Procedures.resolve(session, s, String.valueOf(value));
        session.requireNoPendingChanges(s);
        s.detachAt(h);
    }

    /** SET @@<db>_working = root hash: the session's working root becomes that root (e.g. SQUASH's). */
    static void setWorking(DatabaseState s, Object value) {
        String text = String.valueOf(value);
        if (!Hash.isHashString(text)) {
            throw new SqlError(ErrorCode.VERSIONING, "invalid root hash: '" + text + "'");
        }
        Hash h = Hash.parse(text);
        if (s.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "database '" + s.name() + "' is read-only");
        }
        try {
            s.setWorkingRoot(s.repo().readRoot(s.buffer(), h));
        } catch (RuntimeException e) {
            throw new SqlError(ErrorCode.VERSIONING, "no root value with hash " + text, e);
        }
    }
}
