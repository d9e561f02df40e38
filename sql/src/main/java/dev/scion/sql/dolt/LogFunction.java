package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.history.CommitLog;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.ops.MergeBase;
import dev.scion.versioning.repo.Repository;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * dolt_log([rev...] [, '--not', rev...] [, '--parents'] [, '--decorate', 'auto'|'short'|'full'|'no']
 * [, '--min-parents', n] [, '--merges'] [, '--show-signature']): the commits reachable from the given revisions (HEAD when none) and not
 * from the excluded ones ({@code ^rev}, {@code --not rev}, or a range {@code a..b}; {@code a...b} is the symmetric
 * difference), newest first. The walk streams; only the excluded history is collected up front.
 */
final class LogFunction implements SystemTable {
    static final String NAME = "dolt_log";
    private final DatabaseState db;
    private final List<Hash> include;
    private final Set<Hash> exclude;
    private final boolean parents;
    private final String decorate;
    private final int minParents;
    private final Hash head;
    /** --tables: only commits changing one of these tables (null: every commit). */
    private List<String> tables;

    private LogFunction(DatabaseState db, List<Hash> include, Set<Hash> exclude, boolean parents, String decorate,
                        int minParents, Hash head) {
        this.db = db;
        this.include = include;
        this.exclude = exclude;
        this.parents = parents;
        this.decorate = decorate;
        this.minParents = minParents;
        this.head = head;
    }

    static LogFunction create(Session session, DatabaseState db, List<String> args) {
        List<Hash> include = new ArrayList<>();
        List<Hash> excludeStarts = new ArrayList<>();
        boolean parents = false;
        String decorate = "auto";
        int minParents = 0;
        boolean not = false;
        boolean sawRange = false;
        int revisions = 0;
        List<String> tables = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a.toLowerCase()) {
                case "--parents" -> parents = true;
                case "--tables" -> tables = List.of(value(args, ++i, a).split("\\s*,\\s*"));
                case "--not" -> not = true;
                case "--merges" -> minParents = 2;
                case "--show-signature" -> {
                    // Dolt adds its signature column for this flag; Scion's result always has it
                }
                case "--decorate" -> {
                    decorate = value(args, ++i, a).toLowerCase();
                    if (!Set.of("auto", "short", "full", "no").contains(decorate)) {
                        throw invalid("invalid --decorate option: " + decorate);
                    }
                }
                case "--min-parents" -> {
                    String n = value(args, ++i, a);
                    try {
                        minParents = Integer.parseInt(n);
                    } catch (NumberFormatException e) {
                        throw invalid("--min-parents needs a number, not " + n);
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw invalid("unknown option " + a);
                    }
                    revisions++;
                    if (a.contains("..")) {
                        if (sawRange || revisions > 1 || not || a.startsWith("^")) {
                            throw invalid("a revision range must be the only revision: " + a);
                        }
                        sawRange = true;
                        boolean three = a.contains("...");
                        int at = a.indexOf(three ? "..." : "..");
                        Hash x = DiffSides.resolveCommit(session, db, a.substring(0, at));
                        Hash y = DiffSides.resolveCommit(session, db, a.substring(at + (three ? 3 : 2)));
                        if (three) {
                            include.add(x);
                            include.add(y);
                            MergeBase.find(db.repo(), x, y).ifPresent(excludeStarts::add);
                        } else {
                            include.add(y);
                            excludeStarts.add(x);
                        }
                    } else if (a.startsWith("^")) {
                        if (not) {
                            throw invalid("--not takes plain revisions, not " + a);
                        }
                        excludeStarts.add(DiffSides.resolveCommit(session, db, a.substring(1)));
                    } else if (sawRange) {
                        throw invalid("a revision range must be the only revision: " + a);
                    } else if (not) {
                        excludeStarts.add(DiffSides.resolveCommit(session, db, a));
                    } else {
                        include.add(DiffSides.resolveCommit(session, db, a));
                    }
                }
            }
        }
        Hash head = session.headOf(db);
        if (include.isEmpty() && excludeStarts.isEmpty() && !sawRange) {
            include.add(head);
        }
        LogFunction f = new LogFunction(db, include, reachable(db.repo(), excludeStarts), parents, decorate,
                minParents, head);
        f.tables = tables;
        return f;
    }

    /** The dolt_log system table: the session's HEAD history with parents and refs always shown. */
    static LogFunction ofHead(Session session, DatabaseState db) {
        Hash head = session.headOf(db);
        return new LogFunction(db, List.of(head), Set.of(), true, "auto", 0, head);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw invalid(option + " needs a value");
        }
        return args.get(i);
    }

    private static SqlError invalid(String message) {
        return new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_log: " + message);
    }

    private static Set<Hash> reachable(Repository repo, List<Hash> starts) {
        Set<Hash> seen = new HashSet<>();
        Deque<Hash> todo = new ArrayDeque<>(starts);
        while (!todo.isEmpty()) {
            Hash h = todo.poll();
            if (seen.add(h)) {
                todo.addAll(repo.readCommit(h).parents());
            }
        }
        return seen;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return columns(f);
    }

    /**
     * dolt_log's columns, the function's and the system table's alike; NOT NULL except parents (the function shows
     * them only with --parents) and signature, as Dolt declares them.
     */
    static RelDataType columns(RelDataTypeFactory f) {
        return f.builder()
                .add("commit_hash", notNull(f, Columns.hash(f)))
                .add("committer", notNull(f, Columns.text(f, 1024)))
                .add("email", notNull(f, Columns.text(f, 1024)))
                .add("date", notNull(f, Columns.datetime(f)))
                .add("message", notNull(f, Columns.text(f, 65535)))
                .add("commit_order", notNull(f, Columns.bigint(f)))
                .add("parents", Columns.text(f, 1024))
                .add("refs", notNull(f, Columns.text(f, 1024)))
                // Scion does not sign commits: the signature is always empty, as Dolt shows an unsigned one
                .add("signature", Columns.text(f, 1024))
                .add("author", notNull(f, Columns.text(f, 1024)))
                .add("author_email", notNull(f, Columns.text(f, 1024)))
                .add("author_date", notNull(f, Columns.datetime(f)))
                .build();
    }

    private static RelDataType notNull(RelDataTypeFactory f, RelDataType t) {
        return f.createTypeWithNullability(t, false);
    }

    @Override
    public RowStream scan(Session session, DatabaseState ignored) {
        CommitLog log = new CommitLog(db.repo(), include, exclude);
        Map<Hash, List<String>> refs = decorate.equals("no") ? Map.of() : refsByCommit();
        return () -> {
            while (log.hasNext()) {
                CommitLog.Entry e = log.next();
                Commit c = e.commit();
                if (c.parents().size() < minParents || (tables != null && !changesAny(c))) {
                    continue;
                }
                return new Object[] {
                    e.hash().toString(), c.committer().name(), c.committer().email(),
                    DoltLogTable.toDateTime(c.committer().timeMillis()), c.message(), c.height(),
                    parents ? c.parents().stream().map(Object::toString).collect(Collectors.joining(", ")) : null,
                    String.join(", ", refs.getOrDefault(e.hash(), List.of())), "", c.author().name(),
                    c.author().email(), DoltLogTable.toDateTime(c.author().timeMillis())
                };
            }
            return null;
        };
    }

    /**
     * Whether a commit changed one of the --tables: the table's version differs from its version in every parent
     * (git's rule for a path: a merge that kept one parent's version did not change it).
     */
    private boolean changesAny(Commit c) {
        Repository repo = db.repo();
        RootValue root = repo.readRoot(repo.chunks(), c.root());
        List<RootValue> parentRoots = c.parents().stream()
                .map(p -> repo.readRoot(repo.chunks(), repo.readCommit(p).root())).toList();
        for (String t : tables) {
            Optional<Hash> mine = root.resolveName(t).flatMap(root::table);
            if (parentRoots.isEmpty() ? mine.isPresent()
                    : parentRoots.stream().noneMatch(p -> p.resolveName(t).flatMap(p::table).equals(mine))) {
                return true;
            }
        }
        return false;
    }

    /** git's decoration: "HEAD -> main" for the session's branch, other branches and "tag: x" by commit. */
    private Map<Hash, List<String>> refsByCommit() {
        Repository repo = db.repo();
        boolean full = decorate.equals("full");
        Map<Hash, List<String>> out = new HashMap<>();
        String current = db.isReadOnly() || db.isDetached() ? null : db.branch();
        if (current == null) {
            out.computeIfAbsent(head, k -> new ArrayList<>()).add("HEAD");
        }
        List<String> branches = new ArrayList<>(repo.branches());
        branches.sort(null);
        if (current != null) {
            branches.remove(current);
            branches.add(0, current);
        }
        for (String b : branches) {
            String name = full ? "refs/heads/" + b : b;
            repo.branchHead(b).ifPresent(h -> out.computeIfAbsent(h, k -> new ArrayList<>())
                    .add(b.equals(current) ? "HEAD -> " + name : name));
        }
        for (String t : repo.tags()) {
            repo.tagTarget(t).ifPresent(h -> out.computeIfAbsent(h, k -> new ArrayList<>())
                    .add("tag: " + (full ? "refs/tags/" + t : t)));
        }
        return out;
    }
}
