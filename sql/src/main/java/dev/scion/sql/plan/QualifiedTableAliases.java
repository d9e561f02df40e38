package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lets one FROM read same-named tables of two databases, as MySQL does ({@code SELECT * FROM db1.t JOIN db2.t ON
 * db1.t.id = db2.t.id}). MySQL tells table references apart by database and name; Calcite by the alias alone, and an
 * unaliased table's alias is its last name, so it refuses the two as one name used twice. Each such table is given
 * the alias {@code `db.t`} (a single identifier), and the references {@code db.t.col} / {@code db.t.*} inside that
 * SELECT (sub-queries included) are rewritten to it. A reference by the bare table name ({@code t.col}) means the
 * current database's table when it is one of them (go-mysql-server's reading, which its engine tests check), and is
 * otherwise ambiguous: 1052. The same table named twice is left alone, for the validator's 1066.
 */
final class QualifiedTableAliases {
    private final Session session;

    private QualifiedTableAliases(Session session) {
        this.session = session;
    }

    /** The query with such tables aliased (changed in place; the same node is returned). */
    static SqlNode rewrite(Session session, SqlNode query) {
        return new QualifiedTableAliases(session).visit(query, Scope.EMPTY);
    }

    /**
     * The names in force: "db\0table" of each aliased table to its alias, and each bare table name of such a pair to
     * the alias it means (the current database's table) or to {@link #AMBIGUOUS}.
     */
    private record Scope(Map<String, String> aliases, Map<String, String> bare) {
        static final Scope EMPTY = new Scope(Map.of(), Map.of());
    }

    private static final String AMBIGUOUS = "";

    /** An unaliased table of a FROM and where it sits, so it can be replaced by {@code table AS alias}. */
    private record TableSlot(SqlIdentifier table, String database, SqlCall parent, int operand) {
    }

    private SqlNode visit(SqlNode node, Scope scope) {
        if (node instanceof SqlIdentifier id) {
            return rewriteReference(id, scope);
        }
        if (node instanceof SqlSelect select) {
            visitSelect(select, scope);
            return select;
        }
        if (node instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect select) {
            // the parser keeps a SELECT's ORDER BY outside it; it names the SELECT's tables
            visit(orderBy.orderList, visitSelect(select, scope));
            return orderBy;
        }
        if (node instanceof SqlCall call) {
            for (int i = 0; i < call.operandCount(); i++) {
                visitInPlace(call, i, scope);
            }
        } else if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode item = list.get(i);
                if (item != null) {
                    SqlNode replaced = visit(item, scope);
                    if (replaced != item) {
                        list.set(i, replaced);
                    }
                }
            }
        }
        return node;
    }

    /** Visits the SELECT's clauses in its own scope, which is returned. */
    private Scope visitSelect(SqlSelect select, Scope outer) {
        Scope inner = scopeOf(select, outer);
        for (int i = 0; i < select.operandCount(); i++) {
            SqlNode operand = select.operand(i);
            if (operand == null) {
                continue;
            }
            if (operand == select.getFrom()) {
                visitFrom(operand, inner);
            } else {
                visitInPlace(select, i, inner);
            }
        }
        return inner;
    }

    private void visitInPlace(SqlCall call, int i, Scope scope) {
        SqlNode operand = call.operand(i);
        if (operand != null) {
            SqlNode replaced = visit(operand, scope);
            if (replaced != operand) {
                call.setOperand(i, replaced);
            }
        }
    }

    /** A FROM clause: table names are not column references; join conditions and derived tables are visited. */
    private void visitFrom(SqlNode from, Scope scope) {
        if (from instanceof SqlJoin join) {
            visitFrom(join.getLeft(), scope);
            visitFrom(join.getRight(), scope);
            if (join.getCondition() != null) {
                SqlNode condition = visit(join.getCondition(), scope);
                join.setOperand(5, condition);
            }
        } else if (from.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) from;
            if (!(as.operand(0) instanceof SqlIdentifier)) {
                visit(as.operand(0), scope);
            }
        } else if (!(from instanceof SqlIdentifier)) {
            visit(from, scope);
        }
    }

    private SqlNode rewriteReference(SqlIdentifier id, Scope scope) {
        if (id.names.size() >= 3) {
            String alias = scope.aliases().get(key(id.names.get(0), id.names.get(1)));
            if (alias != null) {
                List<String> names = new ArrayList<>();
                names.add(alias);
                names.addAll(id.names.subList(2, id.names.size()));
                return new SqlIdentifier(names, id.getParserPosition());
            }
        } else if (id.names.size() == 2) {
            String alias = scope.bare().get(id.names.get(0).toLowerCase(Locale.ROOT));
            if (AMBIGUOUS.equals(alias)) {
                throw new SqlError(ErrorCode.NON_UNIQ, "Column '" + id.names.get(0) + "." + id.names.get(1)
                        + "' in field list is ambiguous");
            }
            if (alias != null) {
                return new SqlIdentifier(List.of(alias, id.names.get(1)), id.getParserPosition());
            }
        }
        return id;
    }

    /**
     * The scope inside {@code select}: the outer one, less the names this FROM defines itself, plus the tables of
     * this FROM that share a name with a table of another database (given their aliases here).
     */
    private Scope scopeOf(SqlSelect select, Scope outer) {
        if (select.getFrom() == null) {
            return outer;
        }
        List<TableSlot> slots = new ArrayList<>();
        Set<String> defined = new HashSet<>();
        collect(select.getFrom(), null, -1, slots, defined);
        Map<String, List<TableSlot>> byName = new LinkedHashMap<>();
        for (TableSlot slot : slots) {
            byName.computeIfAbsent(lastName(slot.table()), k -> new ArrayList<>()).add(slot);
        }
        if (outer.aliases().isEmpty() && byName.values().stream().allMatch(same -> same.size() < 2)) {
            return outer; // the usual case: nothing to alias here, nothing from outside
        }
        Map<String, String> aliases = new HashMap<>(outer.aliases());
        Map<String, String> bare = new HashMap<>(outer.bare());
        bare.keySet().removeAll(defined);
        for (TableSlot slot : slots) {
            // a table this FROM names itself hides the outer one of the same database and name
            aliases.remove(key(slot.database(), slot.table().names.get(slot.table().names.size() - 1)));
        }
        for (Map.Entry<String, List<TableSlot>> e : byName.entrySet()) {
            List<TableSlot> same = e.getValue();
            if (same.size() < 2 || same.stream().map(s -> s.database().toLowerCase(Locale.ROOT)).distinct()
                    .count() < 2) {
                continue; // one table, or one table named twice (the validator's 1066)
            }
            String meant = AMBIGUOUS;
            for (TableSlot slot : same) {
                String table = slot.table().names.get(slot.table().names.size() - 1);
                String alias = slot.database() + "." + table;
                if (slot.database().equalsIgnoreCase(session.currentDatabase())) {
                    meant = alias; // the bare name means the current database's table, as in go-mysql-server
                }
                aliases.put(key(slot.database(), table), alias);
                SqlNode aliased = SqlStdOperatorTable.AS.createCall(slot.table().getParserPosition(), slot.table(),
                        new SqlIdentifier(alias, SqlParserPos.ZERO));
                if (slot.parent() == null) {
                    select.setFrom(aliased);
                } else {
                    slot.parent().setOperand(slot.operand(), aliased);
                }
            }
            bare.put(e.getKey(), meant);
        }
        return new Scope(aliases, bare);
    }

    /** The unaliased tables of a FROM (with their database) and every alias it defines. */
    private void collect(SqlNode from, SqlCall parent, int operand, List<TableSlot> slots, Set<String> defined) {
        if (from instanceof SqlJoin join) {
            collect(join.getLeft(), join, 0, slots, defined);
            collect(join.getRight(), join, 3, slots, defined);
        } else if (from.getKind() == SqlKind.AS) {
            SqlNode alias = ((SqlCall) from).operand(1);
            if (alias instanceof SqlIdentifier a) {
                defined.add(a.getSimple().toLowerCase(Locale.ROOT));
            }
        } else if (from instanceof SqlIdentifier id && !id.isStar() && id.names.size() <= 2) {
            String database = id.names.size() == 2 ? id.names.get(0) : session.currentDatabase();
            defined.add(lastName(id));
            if (database != null) {
                slots.add(new TableSlot(id, database, parent, operand));
            }
        }
    }

    private static String lastName(SqlIdentifier id) {
        return id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT);
    }

    private static String key(String database, String table) {
        return database.toLowerCase(Locale.ROOT) + "\u0000" + table.toLowerCase(Locale.ROOT);
    }
}
