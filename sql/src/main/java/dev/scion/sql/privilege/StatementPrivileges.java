package dev.scion.sql.privilege;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.parser.ddl.SqlCreateMySqlIndex;
import dev.scion.sql.parser.ddl.SqlCreateMySqlTable;
import dev.scion.sql.parser.ddl.SqlCreateMySqlView;
import dev.scion.sql.parser.ddl.SqlDropMySqlIndex;
import dev.scion.sql.parser.ddl.SqlDropMySqlTable;
import dev.scion.sql.parser.ddl.SqlDropMySqlView;
import dev.scion.sql.parser.ddl.SqlMySqlAlterTable;
import dev.scion.sql.parser.ddl.SqlRenameMySqlTable;
import dev.scion.sql.parser.ddl.SqlTruncateMySqlTable;
import dev.scion.sql.parser.dml.SqlMySqlInsert;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The privileges a parsed write or DDL statement needs on the tables it changes, checked before it runs. Reads
 * are checked where tables are resolved (the planner's schema and the point-select fast path), so the tables a
 * DML statement reads (WHERE, INSERT ... SELECT, subqueries) need SELECT as in MySQL.
 */
public final class StatementPrivileges {
    private StatementPrivileges() {
    }

    public static void check(Session session, SqlNode node) {
        if (session.access() == AccessPolicy.UNRESTRICTED) {
            return;
        }
        if (node instanceof SqlInsert insert) {
            boolean replace = insert instanceof SqlMySqlInsert m && m.isReplace();
            boolean upsert = insert instanceof SqlMySqlInsert m && m.hasOnDuplicateKeyUpdate();
            for (SqlIdentifier t : tables(insert.getTargetTable())) {
                require(session, Privilege.INSERT, t);
                if (replace) {
                    require(session, Privilege.DELETE, t);
                }
                if (upsert) {
                    require(session, Privilege.UPDATE, t);
                }
            }
        } else if (node instanceof SqlUpdate update) {
            // every table of a multi-table UPDATE is checked for UPDATE (stricter than MySQL, which asks only
            // for the tables whose columns are set)
            tables(update.getTargetTable()).forEach(t -> require(session, Privilege.UPDATE, t));
        } else if (node instanceof SqlDelete delete) {
            tables(delete.getTargetTable()).forEach(t -> require(session, Privilege.DELETE, t));
        } else if (node instanceof SqlCreateMySqlTable create) {
            require(session, create.isTemporary() ? Privilege.CREATE_TEMPORARY_TABLES : Privilege.CREATE,
                    create.getName());
        } else if (node instanceof SqlMySqlAlterTable alter) {
            require(session, Privilege.ALTER, alter.getName());
        } else if (node instanceof SqlDropMySqlTable drop) {
            if (!drop.isTemporary()) { // DROP TEMPORARY TABLE reaches only the session's own tables
                drop.getNames().forEach(t -> require(session, Privilege.DROP, t));
            }
        } else if (node instanceof SqlTruncateMySqlTable truncate) {
            require(session, Privilege.DROP, truncate.getName());
        } else if (node instanceof SqlCreateMySqlIndex index) {
            require(session, Privilege.INDEX, index.getTable());
        } else if (node instanceof SqlDropMySqlIndex index) {
            require(session, Privilege.INDEX, index.getTable());
        } else if (node instanceof SqlRenameMySqlTable rename) {
            for (SqlIdentifier from : rename.getFrom()) {
                require(session, Privilege.ALTER, from);
                require(session, Privilege.DROP, from);
            }
            for (SqlIdentifier to : rename.getTo()) {
                require(session, Privilege.CREATE, to);
                require(session, Privilege.INSERT, to);
            }
        } else if (node instanceof SqlCreateMySqlView view) {
            require(session, Privilege.CREATE_VIEW, view.getName());
        } else if (node instanceof SqlDropMySqlView view) {
            view.getNames().forEach(t -> require(session, Privilege.DROP, t));
        }
    }

    private static void require(Session session, Privilege privilege, SqlIdentifier table) {
        List<String> names = table.names;
        String name = names.get(names.size() - 1);
        String db = names.size() > 1 ? names.get(names.size() - 2) : session.currentDatabase();
        if (db == null) {
            return; // the statement fails with 1046 when it runs
        }
        Optional<DatabaseState> state = session.findDatabase(db);
        if (privilege != Privilege.CREATE_TEMPORARY_TABLES
                && state.flatMap(s -> session.temporaryTables().shadowing(s, name)).isPresent()) {
            return; // as in MySQL, a session's own temporary table needs no privilege once it was created
        }
        String database = state.map(DatabaseState::databaseName).orElse(AccessPolicy.baseName(db));
        if (privilege == Privilege.CREATE_TEMPORARY_TABLES) {
            AccessChecks.requireDatabase(session, privilege, database); // a database-level privilege only
            return;
        }
        AccessChecks.requireTable(session, privilege, database, name);
    }

    /** The tables of a DML target: one identifier, or every table of a join (aliases removed). */
    private static List<SqlIdentifier> tables(SqlNode node) {
        List<SqlIdentifier> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(SqlNode node, List<SqlIdentifier> out) {
        if (node instanceof SqlIdentifier id) {
            out.add(id);
        } else if (node instanceof SqlJoin join) {
            collect(join.getLeft(), out);
            collect(join.getRight(), out);
        } else if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
            collect(call.operand(0), out);
        }
    }
}
