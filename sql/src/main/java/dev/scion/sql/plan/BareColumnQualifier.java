package dev.scion.sql.plan;

import dev.scion.sql.session.Session;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names the table of each bare column name in the select list and WHERE of a SELECT that joins many tables, before
 * validation: {@code SELECT x2 FROM t1, t2, ... WHERE a1 = b2} becomes {@code SELECT t2.x2 AS x2 ... WHERE t1.a1 =
 * t2.b2} when exactly one FROM table has each column.
 *
 * <p>Why: Calcite's select scope finds the table of a bare name by resolving the name against every FROM item
 * qualified with every other item's alias, so each name costs the square of the number of tables. On
 * sqllogictest's 37- and 64-table joins (select5) that was most of the planning time. MySQL resolves a name by
 * looking it up in the tables' columns, as this does; the answer is the same, because a name that one table alone
 * has can mean nothing else in that SELECT's own scope.
 *
 * <p>Left to Calcite: SELECTs of fewer than {@link #MIN_TABLES} tables (its lookup is cheap there); FROMs holding
 * anything but tables of the session's databases (derived tables, views, CTEs, table functions, temporary tables)
 * or a USING or NATURAL join (their coalesced columns belong to neither side); names two tables have (1052 stays
 * Calcite's), names no table has (outer references, select aliases), MySQL's niladic functions written bare and
 * unquoted, ON conditions (their scope is the join's operands only), sub-queries
 * (each is its own SELECT, visited on its own), and window specifications.
 */
public final class BareColumnQualifier extends SelectWalker {
    /** Below this many FROM tables Calcite's own lookup costs little, and the SELECT is left as written. */
    static final int MIN_TABLES = 4;

    /** Names MySQL reads as function calls when written bare (they are reserved words, so never bare columns). */
    private static final Set<String> NILADIC_FUNCTIONS = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "CURRENT_USER", "CURRENT_ROLE", "LOCALTIME", "LOCALTIMESTAMP", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP");

    /** Marks a column name that more than one FROM table has. */
    private static final String AMBIGUOUS = "";

    private BareColumnQualifier(Session session) {
        super(session);
    }

    /** Rewrites {@code query} in place; returns it. */
    public static SqlNode rewrite(Session session, SqlNode query) {
        return new BareColumnQualifier(session).walk(query);
    }

    @Override
    protected void select(SqlSelect select) {
        List<SqlNode> tables = new ArrayList<>();
        if (select.getFrom() == null || !flatten(select.getFrom(), tables) || tables.size() < MIN_TABLES
                || !session.temporaryTables().isEmpty()) {
            return;
        }
        Map<String, String> owners = owners(tables);
        if (owners == null) {
            return;
        }
        SqlShuttle qualifier = new Qualifier(owners);
        SqlNodeList items = select.getSelectList();
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            SqlNode qualified = item.accept(qualifier);
            if (item instanceof SqlIdentifier id && qualified != item) {
                // keep the column's own name as its label: MySQL labels it x, not t.x
                qualified = SqlStdOperatorTable.AS.createCall(id.getParserPosition(), qualified,
                        new SqlIdentifier(id.getSimple(), id.getParserPosition()));
            }
            items.set(i, qualified);
        }
        if (select.getWhere() != null) {
            select.setWhere(select.getWhere().accept(qualifier));
        }
    }

    /**
     * Adds the FROM items of a tree of comma, cross and ON joins to {@code out}; false when a join is USING or
     * NATURAL.
     */
    private static boolean flatten(SqlNode from, List<SqlNode> out) {
        if (from instanceof SqlJoin join) {
            if (join.isNatural() || join.getConditionType() == JoinConditionType.USING) {
                return false;
            }
            return flatten(join.getLeft(), out) && flatten(join.getRight(), out);
        }
        out.add(from);
        return true;
    }

    /**
     * Each lower-case column name of the FROM tables with the alias of the table that has it ({@link #AMBIGUOUS}
     * when several have it); null when a FROM item is not a known table or two items share an alias.
     */
    private Map<String, String> owners(List<SqlNode> tables) {
        Map<String, String> owners = new HashMap<>();
        Set<String> aliases = new HashSet<>();
        for (SqlNode item : tables) {
            SqlIdentifier table;
            String alias;
            if (item instanceof SqlIdentifier id) {
                table = id;
                alias = id.names.get(id.names.size() - 1);
            } else if (item.getKind() == SqlKind.AS && ((SqlCall) item).operandCount() == 2
                    && ((SqlCall) item).operand(0) instanceof SqlIdentifier id) {
                table = id;
                alias = ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
            } else {
                return null;
            }
            if (!aliases.add(key(alias))) {
                return null;
            }
            List<String> columns = tableColumns(table);
            if (columns == null) {
                return null;
            }
            for (String column : columns) {
                owners.merge(column, alias, (a, b) -> AMBIGUOUS);
            }
        }
        return owners;
    }

    /** Qualifies the bare names one table has, outside sub-queries, aliases and window specifications. */
    private static final class Qualifier extends SqlShuttle {
        private final Map<String, String> owners;

        Qualifier(Map<String, String> owners) {
            this.owners = owners;
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            if (!id.isSimple() || id.isStar()
                    || !id.isComponentQuoted(0) && NILADIC_FUNCTIONS.contains(id.getSimple().toUpperCase(Locale.ROOT))) {
                return id;
            }
            String owner = owners.get(key(id.getSimple()));
            if (owner == null || owner.equals(AMBIGUOUS)) {
                return id;
            }
            return new SqlIdentifier(List.of(owner, id.getSimple()), id.getParserPosition());
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (SubQueries.isQuery(call) || call instanceof SqlWindow || call.getKind() == SqlKind.OVER) {
                return call;
            }
            if (call.getKind() == SqlKind.AS) {
                call.setOperand(0, call.operand(0).accept(this));
                return call;
            }
            return super.visit(call);
        }
    }
}
