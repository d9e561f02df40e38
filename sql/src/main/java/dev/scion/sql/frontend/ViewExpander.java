package dev.scion.sql.frontend;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.Views;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.parser.ddl.SqlCreateMySqlView;
import dev.scion.sql.privilege.AccessChecks;
import dev.scion.sql.privilege.AccessPolicy;
import dev.scion.sql.privilege.Account;
import dev.scion.sql.privilege.Definers;
import dev.scion.sql.privilege.Privilege;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces each view named in a FROM clause by its query, as a derived table under the view's name (or the
 * alias given): {@code FROM v AS x} becomes {@code FROM (SELECT ...) AS x (cols)}. Views inside views are
 * expanded too, and a view's own table names are qualified with the view's database, so a view works from any
 * current database. The statement is changed in place.
 */
public final class ViewExpander {
    private static final int MAX_DEPTH = 32;

    private final Session session;
    private boolean expandedAny;
    /** Inside the body of a DEFINER view: base tables are checked now, as the definer, and renamed. */
    private boolean definerReads;
    /** The view of the statement itself whose body is being expanded ({@code db.view}), null outside one. */
    private String outerView;
    /**
     * Names ({@code db.table}, lower case) that a view body reads and that are neither a table nor a view now,
     * each with the statement's view that reads it: a CTE of the body, or a table since dropped or renamed.
     */
    private final Map<String, String> unresolved = new HashMap<>();
    /** The views ({@code db.view}) the statement itself names, not those inside their bodies, in order. */
    private final java.util.LinkedHashSet<String> named = new java.util.LinkedHashSet<>();
    /**
     * Inside a view read {@code AS OF} a revision: the revision as written, which every table of the body without
     * an AS OF of its own is then read at (null otherwise).
     */
    private SqlNode asOf;

    private ViewExpander(Session session) {
        this.session = session;
    }

    /** Expands the views {@code statement} reads, in place; true if it read any. */
    public static boolean expand(Session session, SqlNode statement) {
        return expandViews(session, statement).any();
    }

    /** Expands the views {@code statement} reads, in place, and tells which views read tables that are gone. */
    public static Expansion expandViews(Session session, SqlNode statement) {
        ViewExpander expander = new ViewExpander(session);
        expander.walk(statement, null, 0);
        return new Expansion(expander.expandedAny, Map.copyOf(expander.unresolved), List.copyOf(expander.named));
    }

    /**
     * What an expansion found: whether the statement read a view, and the missing tables views read, so that a
     * statement failing on one of them fails as MySQL's does, naming the view (1356) instead of the table (1146);
     * and the views the statement names itself ({@code db.view}), whose bodies may fail for other reasons.
     */
    public record Expansion(boolean any, Map<String, String> missingTables, List<String> views) {
        public static final Expansion NONE = new Expansion(false, Map.of(), List.of());

        /** {@code e}, or 1356 for the view when {@code e} is 1146 for a table that a view's query reads. */
        public SqlError explain(SqlError e) {
            if (e.errorCode() != ErrorCode.NO_SUCH_TABLE || missingTables.isEmpty()) {
                return e;
            }
            for (Map.Entry<String, String> m : missingTables.entrySet()) {
                int dot = m.getKey().indexOf('.');
                String text = SqlError.noSuchTable(m.getKey().substring(0, dot), m.getKey().substring(dot + 1))
                        .getMessage();
                if (text.equalsIgnoreCase(e.getMessage())) {
                    return invalid(m.getValue());
                }
            }
            return e;
        }

        /** MySQL's 1356 for view {@code qualified} ({@code db.view}). */
        public static SqlError invalid(String qualified) {
            return new SqlError(ErrorCode.VIEW_INVALID, "View '" + qualified + "' references invalid table(s) or "
                    + "column(s) or function(s) or definer/invoker of view lack rights to use them");
        }
    }

    private void walk(SqlNode node, DatabaseState viewDb, int depth) {
        if (node instanceof SqlSelect select && select.getFrom() != null) {
            select.setFrom(expandFrom(select.getFrom(), viewDb, depth));
        }
        // a multi-table UPDATE / DELETE reads the views of its join like a SELECT (they are sources, not targets)
        if (node instanceof org.apache.calcite.sql.SqlUpdate update && update.getTargetTable() instanceof SqlJoin j) {
            expandFrom(j, viewDb, depth);
        }
        if (node instanceof org.apache.calcite.sql.SqlDelete delete && delete.getTargetTable() instanceof SqlJoin j) {
            expandFrom(j, viewDb, depth);
        }
        if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null) {
                    walk(operand, viewDb, depth);
                }
            }
        } else if (node instanceof SqlNodeList list) {
            for (SqlNode n : list) {
                if (n != null) {
                    walk(n, viewDb, depth);
                }
            }
        }
    }

    private SqlNode expandFrom(SqlNode from, DatabaseState viewDb, int depth) {
        if (from instanceof SqlJoin join) {
            join.setLeft(expandFrom(join.getLeft(), viewDb, depth));
            join.setRight(expandFrom(join.getRight(), viewDb, depth));
            return join;
        }
        if (from instanceof SqlIdentifier id) {
            String ref = lastName(id);
            SqlNode expanded = expandTable(id, viewDb, depth);
            if (expanded != null) {
                return as(expanded, ref, List.of());
            }
            // a table renamed for a DEFINER view keeps the name the view's query refers to it by
            if (ViewSecurity.definerReadOf(lastName(id)).isPresent()) {
                return as(atRevision(id, viewDb), ref, List.of());
            }
            SqlNode read = atRevision(id, viewDb);
            return read == id ? from : as(read, ref, List.of());
        }
        if (from instanceof SqlSnapshot snap && snap.getTableRef() instanceof SqlIdentifier id) {
            SqlNode expanded = expandAsOf(id, snap.getPeriod(), viewDb, depth);
            return expanded != null ? as(expanded, lastName(id), List.of()) : from;
        }
        if (from instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
            List<SqlNode> operands = call.getOperandList();
            SqlNode expanded = null;
            if (call.operand(0) instanceof SqlIdentifier id) {
                expanded = expandTable(id, viewDb, depth);
                if (expanded == null) {
                    call.setOperand(0, atRevision(id, viewDb));
                }
            } else if (call.operand(0) instanceof SqlSnapshot snap && snap.getTableRef() instanceof SqlIdentifier id) {
                expanded = expandAsOf(id, snap.getPeriod(), viewDb, depth);
            }
            if (expanded != null) {
                return as(expanded, ((SqlIdentifier) operands.get(1)).getSimple(),
                        operands.subList(2, operands.size()));
            }
        }
        return from;
    }

    /**
     * {@code v AS OF rev} where v is a view: Dolt keeps the view's current definition and reads the tables it
     * names at the revision (a past definition needs a checkout of that commit). Null when {@code id} names no
     * view now; the AS OF then stays for the planner, which reads a table (or fails) at the revision.
     */
    private SqlNode expandAsOf(SqlIdentifier id, SqlNode period, DatabaseState viewDb, int depth) {
        SqlNode outer = asOf;
        asOf = period;
        try {
            return expandTable(id, viewDb, depth);
        } finally {
            asOf = outer;
        }
    }

    /**
     * A base table named inside a view read AS OF: the same table at that revision. Anything else (no AS OF
     * around, a common table expression, a table of another kind) is returned as it is.
     */
    private SqlNode atRevision(SqlIdentifier table, DatabaseState viewDb) {
        if (asOf == null || table.isStar() || table.names.size() > 2) {
            return table;
        }
        DatabaseState db = database(table, viewDb);
        String name = lastName(table);
        boolean baseTable = db != null && (db.workingRoot().resolveName(name).isPresent()
                || ViewSecurity.definerReadOf(name).isPresent());
        return baseTable ? new dev.scion.sql.parser.dml.SqlMySqlAsOf(table.getParserPosition(), table, asOf) : table;
    }

    /** The view's query (expanded, with its column names applied), or null when {@code id} is not a view. */
    private SqlNode expandTable(SqlIdentifier id, DatabaseState viewDb, int depth) {
        SqlNode expanded = expandTableOrNull(id, viewDb, depth);
        expandedAny |= expanded != null;
        return expanded;
    }

    private SqlNode expandTableOrNull(SqlIdentifier id, DatabaseState viewDb, int depth) {
        if (id.isStar() || id.names.size() > 2) {
            return null;
        }
        DatabaseState db = database(id, viewDb);
        if (db == null) {
            return null;
        }
        String name = lastName(id);
        if (viewDb == null && session.temporaryTables().shadowing(db, name).isPresent()) {
            return null; // the session's temporary table hides a view of the same name, as it hides a base table
        }
        Optional<String> stored = db.workingRoot().resolveName(name);
        if (stored.isPresent()) {
            if (definerReads) {
                // read by a DEFINER view: checked against the definer (the session's policy now), not the invoker
                AccessChecks.requireTable(session, Privilege.SELECT, db.name(), stored.get());
                id.setNames(List.of(db.name(), ViewSecurity.definerRead(stored.get())), null);
            } else if (viewDb != null && id.names.size() == 1) {
                // a table named inside a view belongs to the view's database
                id.setNames(List.of(db.name(), name), null);
            }
            return null;
        }
        String definition = Views.definition(db, name).orElse(null);
        if (definition == null) {
            if (outerView != null) {
                unresolved.putIfAbsent((db.name() + "." + name).toLowerCase(Locale.ROOT), outerView);
            }
            return null;
        }
        if (depth >= MAX_DEPTH) {
            throw new SqlError(ErrorCode.VIEW_RECURSIVE, "`" + db.name() + "`.`" + name
                    + "` contains view recursion");
        }
        SqlCreateMySqlView view = (SqlCreateMySqlView) StatementReader.statement(
                ViewDefinerClause.strip(definition));
        SqlNode query = view.getQuery();
        String outer = outerView;
        if (outer == null) {
            outerView = db.name() + "." + name;
            named.add(outerView);
        }
        try {
            walkBody(query, db, name, definition, depth);
        } finally {
            outerView = outer;
        }
        if (view.getColumnList() == null) {
            return query;
        }
        // CREATE VIEW v (a, b): the names become column aliases of the derived table
        return as(query, name, view.getColumnList().getList());
    }

    /**
     * Expands a view's query under its SQL SECURITY. An account session needs SELECT on the view itself; a DEFINER
     * view's tables are then checked against its definer, and views inside it see the definer as their invoker.
     */
    private void walkBody(SqlNode query, DatabaseState db, String name, String definition, int depth) {
        if (session.access() == AccessPolicy.UNRESTRICTED) {
            walk(query, db, depth + 1);
            return;
        }
        AccessChecks.requireTable(session, Privilege.SELECT, db.name(), name);
        Optional<Account> definer = ViewSecurity.definer(definition);
        if (definer.isEmpty()) {
            walk(query, db, depth + 1);
            return;
        }
        boolean outer = definerReads;
        definerReads = true;
        try {
            Definers.runAs(session, definer.get(), () -> {
                walk(query, db, depth + 1);
                return null;
            });
        } finally {
            definerReads = outer;
        }
    }

    private DatabaseState database(SqlIdentifier id, DatabaseState viewDb) {
        if (id.names.size() == 2) {
            return session.findDatabase(id.names.get(0)).orElse(null);
        }
        if (viewDb != null) {
            return viewDb;
        }
        String current = session.currentDatabase();
        if (current == null || dev.scion.sql.catalog.InformationSchema.isName(current)
                || dev.scion.sql.privilege.MysqlDatabase.serves(session, current)) {
            return null; // no database, or a system one, which holds no views
        }
        return session.current();
    }

    private static SqlNode as(SqlNode query, String alias, List<SqlNode> columns) {
        if (query instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
            // already aliased with the view's column names: rename, keeping the columns unless new ones are given
            List<SqlNode> keep = call.getOperandList().subList(2, call.getOperandList().size());
            return as(call.operand(0), alias, columns.isEmpty() ? keep : columns);
        }
        List<SqlNode> operands = new ArrayList<>();
        operands.add(query);
        operands.add(new SqlIdentifier(alias, SqlParserPos.ZERO));
        operands.addAll(columns);
        return SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, operands);
    }

    private static String lastName(SqlIdentifier id) {
        return id.names.get(id.names.size() - 1);
    }
}
