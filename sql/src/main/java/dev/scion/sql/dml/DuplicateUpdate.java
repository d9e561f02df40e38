package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.MySqlOperators;
import dev.scion.sql.parser.dml.SqlMySqlInsert;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ON DUPLICATE KEY UPDATE list of an INSERT. Each assignment is evaluated against the existing row (plain
 * column names, updated by the assignments before it, as in MySQL) and the row that failed to go in
 * ({@code VALUES(col)}, or {@code alias.col} with MySQL 8's {@code INSERT ... AS alias}).
 */
final class DuplicateUpdate {
    private final Session session;
    private final TableSchema schema;
    private final String sql;
    private final Session lenient;
    private final String tableName;
    private final String rowAlias;
    /** Column alias (lower case) to table column position, for {@code AS alias (a, b)}. */
    private final Map<String, Integer> aliasColumns = new HashMap<>();
    /**
     * For INSERT ... SELECT: each SELECT column by name (lower case) to the target column it fills, and the names
     * (aliases) of the tables its FROM clause reads, so the update list can name them as MySQL lets it
     * ({@code ... UPDATE a.i = b.j + 1}). The value read is the one going into the target column, i.e. after
     * conversion to its type.
     */
    private final Map<String, Integer> sourceColumns = new HashMap<>();
    private final java.util.Set<String> sourceTables = new java.util.HashSet<>();
    private final int[] targets;
    private final List<SqlNode> values;
    /** ON UPDATE CURRENT_TIMESTAMP columns the assignments leave alone, or null. */
    private final OnUpdateTimestamps touched;

    DuplicateUpdate(Session session, TableTarget target, TableSchema schema, SqlMySqlInsert insert, String sql,
                    Session lenient) {
        this.session = session;
        this.schema = schema;
        this.sql = sql;
        this.lenient = lenient;
        this.tableName = target.name().toLowerCase(Locale.ROOT);
        this.rowAlias = insert.getRowAlias() == null ? null
                : insert.getRowAlias().getSimple().toLowerCase(Locale.ROOT);
        if (insert.getRowAliasColumns() != null) {
            int[] positions = InsertExecutor.targetPositions(schema, insert.getTargetColumnList());
            SqlNodeList names = insert.getRowAliasColumns();
            if (names.size() != positions.length) {
                throw new SqlError(ErrorCode.WRONG_VALUE_COUNT, "Column count doesn't match value count at row 1");
            }
            for (int i = 0; i < names.size(); i++) {
                aliasColumns.put(((SqlIdentifier) names.get(i)).getSimple().toLowerCase(Locale.ROOT), positions[i]);
            }
        }
        SqlNodeList cols = insert.getUpdateColumns();
        this.targets = new int[cols.size()];
        for (int i = 0; i < targets.length; i++) {
            SqlIdentifier id = (SqlIdentifier) cols.get(i);
            String name = id.names.get(id.names.size() - 1);
            targets[i] = schema.columnIndex(name);
            if (targets[i] < 0) {
                throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + name + "' in 'field list'");
            }
            if (schema.columns().get(targets[i]).generated()
                    && insert.getUpdateValues().get(i).getKind() != org.apache.calcite.sql.SqlKind.DEFAULT) {
                throw GeneratedColumns.valueNotAllowed(schema.columns().get(targets[i]), target.name());
            }
        }
        this.values = insert.getUpdateValues().getList();
        this.touched = OnUpdateTimestamps.of(session, schema, targets, lenient);
    }

    /**
     * Names the columns of an INSERT ... SELECT's query {@code source}, which fill the target columns at
     * {@code positions}.
     */
    void sourceColumns(SqlNode source, List<dev.scion.sql.result.ResultColumn> columns, int[] positions) {
        for (int i = 0; i < columns.size() && i < positions.length; i++) {
            sourceColumns.putIfAbsent(columns.get(i).name().toLowerCase(Locale.ROOT), positions[i]);
        }
        collectTables(source);
    }

    /** The names a query's FROM clauses give their tables: the alias, else the table (or CTE) name. */
    private void collectTables(SqlNode node) {
        if (node instanceof org.apache.calcite.sql.SqlSelect select) {
            collectFrom(select.getFrom());
        } else if (node instanceof org.apache.calcite.sql.SqlOrderBy orderBy) {
            collectTables(orderBy.query);
        } else if (node instanceof org.apache.calcite.sql.SqlWith with) {
            for (SqlNode item : with.withList) {
                sourceTables.add(((org.apache.calcite.sql.SqlWithItem) item).name.getSimple()
                        .toLowerCase(Locale.ROOT));
            }
            collectTables(with.body);
        }
    }

    private void collectFrom(SqlNode from) {
        if (from instanceof SqlIdentifier id) {
            sourceTables.add(id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT));
        } else if (from instanceof org.apache.calcite.sql.SqlJoin join) {
            collectFrom(join.getLeft());
            collectFrom(join.getRight());
        } else if (from instanceof SqlCall call && call.getKind() == org.apache.calcite.sql.SqlKind.AS) {
            sourceTables.add(((SqlIdentifier) call.operand(1)).getSimple().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Resolves every column the assignments name, as {@link #apply} would, and throws 1054 for the first it cannot:
     * MySQL refuses {@code ... UPDATE v = zz} up front, also when no row conflicts. Run once per statement, after
     * {@link #sourceColumns}.
     */
    void checkNames() {
        Object[] blank = new Object[schema.columns().size()];
        SqlShuttle checker = new Binder(blank, blank) {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                // a bare name of INSERT ... SELECT's own columns is not refused here (MySQL reads it from the SELECT)
                return id.isSimple() && sourceColumns.containsKey(id.getSimple().toLowerCase(Locale.ROOT))
                        ? id : super.visit(id);
            }

            @Override
            SqlNode bound(Object[] row, int column) {
                return org.apache.calcite.sql.SqlLiteral.createNull(org.apache.calcite.sql.parser.SqlParserPos.ZERO);
            }
        };
        for (SqlNode value : values) {
            value.accept(checker);
        }
    }

    /** The existing row after the assignments. */
    Object[] apply(Object[] existing, Object[] proposed, long rowNumber) {
        Object[] current = existing.clone();
        for (int i = 0; i < targets.length; i++) {
            SqlNode bound = values.get(i).accept(new Binder(current, proposed));
            Object v = ExpressionEvaluator.evaluate(session, List.of(bound), sql)[0];
            Column c = schema.columns().get(targets[i]);
            current[targets[i]] = SessionTimestamps.written(v, c, rowNumber, lenient, session);
        }
        if (touched != null) {
            touched.apply(existing, current, rowNumber);
        }
        return current;
    }

    /** Replaces column references with the values they stand for. */
    private class Binder extends SqlShuttle {
        private final Object[] current;
        private final Object[] proposed;
        /** How many sub-queries deep the walk is: there a bare name is the sub-query's own column, left as is. */
        private int subQueries;

        Binder(Object[] current, Object[] proposed) {
            this.current = current;
            this.proposed = proposed;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (call.getOperator() == MySqlOperators.VALUES || (call.getOperator().getName().equalsIgnoreCase("VALUES")
                    && call.operandCount() == 1 && call.operand(0) instanceof SqlIdentifier)) {
                SqlIdentifier id = (SqlIdentifier) call.operand(0);
                return bound(proposed, column(id.names.get(id.names.size() - 1), id));
            }
            if (call.getKind().belongsTo(org.apache.calcite.sql.SqlKind.QUERY)) {
                subQueries++;
                try {
                    return super.visit(call);
                } finally {
                    subQueries--;
                }
            }
            return super.visit(call);
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            if (id.isStar()) {
                return id;
            }
            String last = id.names.get(id.names.size() - 1);
            if (subQueries > 0 && !namesTheRow(id)) {
                return id;
            }
            if (id.names.size() >= 2) {
                String qualifier = id.names.get(id.names.size() - 2).toLowerCase(Locale.ROOT);
                if (qualifier.equals(rowAlias)) {
                    return bound(proposed, aliasColumn(last, id));
                }
                Integer source = sourceTables.contains(qualifier)
                        ? sourceColumns.get(last.toLowerCase(Locale.ROOT)) : null;
                if (source != null && !qualifier.equals(tableName)) {
                    return bound(proposed, source);
                }
                if (!qualifier.equals(tableName)) {
                    throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + String.join(".", id.names)
                            + "' in 'field list'");
                }
            }
            return bound(current, column(last, id));
        }

        /** Whether {@code id} is qualified with the target table or the row alias (read in a sub-query as well). */
        private boolean namesTheRow(SqlIdentifier id) {
            if (id.names.size() < 2) {
                return false;
            }
            String qualifier = id.names.get(id.names.size() - 2).toLowerCase(Locale.ROOT);
            return qualifier.equals(tableName) || qualifier.equals(rowAlias);
        }

        /** A stored row's value as the expression reads it: a TIMESTAMP in the session's time zone. */
        SqlNode bound(Object[] row, int column) {
            return ValueLiterals.of(SessionTimestamps.local(row[column], schema.columns().get(column), session));
        }

        /** The position of column {@code name}; 1054 names the reference as written, qualifier kept. */
        private int column(String name, SqlIdentifier written) {
            int i = schema.columnIndex(name);
            if (i < 0) {
                throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + String.join(".", written.names)
                        + "' in 'field list'");
            }
            return i;
        }

        private int aliasColumn(String name, SqlIdentifier written) {
            Integer p = aliasColumns.get(name.toLowerCase(Locale.ROOT));
            return p != null ? p : column(name, written);
        }
    }
}
