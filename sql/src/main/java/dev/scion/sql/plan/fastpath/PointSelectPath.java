package dev.scion.sql.plan.fastpath;

import dev.scion.sql.catalog.Collations;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.plan.TypeMapping;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.table.RowCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The primary-key point SELECT without Calcite: {@code SELECT c FROM t WHERE id = 5} (the OLTP read, e.g. sysbench's
 * point select) is answered by one tree lookup, skipping parsing, validation and planning (~0.15 ms of parsing plus
 * planning on the planned path). Only a statement whose every part is unambiguous takes this path: a single-column
 * primary key compared for equality with a literal of the key's own kind, plain column names, a user table. Anything
 * else, including every error case, returns empty and goes through the planner, which produces the proper answer
 * or error.
 */
public final class PointSelectPath {
    private PointSelectPath() {
    }

    /**
     * Whether {@code sql} is a point select this session's fast path has already answered for the same table and
     * key column, so it will very likely be answered here again: one tree lookup, no waiting. A scan of the text and
     * a set lookup; nothing is read. A server uses it to run the statement on its network thread.
     */
    public static boolean runsBriefly(Session session, String sql) {
        PointSelectParser.PointSelect q = PointSelectParser.parse(sql);
        if (q == null) {
            return false;
        }
        String dbName = q.database() != null ? q.database() : session.currentDatabase();
        return dbName != null && session.servedPointSelects().contains(
                dev.scion.sql.session.ServedShapes.key(dbName, q.table(), q.keyColumn()));
    }

    /** Whether {@code sql} is of the shape this path serves (whatever its table holds). */
    public static boolean hasShape(String sql) {
        return PointSelectParser.parse(sql) != null;
    }

    public static Optional<StatementResult> tryExecute(Session session, String sql) {
        PointSelectParser.PointSelect q = PointSelectParser.parse(sql);
        if (q == null) {
            return Optional.empty();
        }
        String dbName = q.database() != null ? q.database() : session.currentDatabase();
        if (dbName == null || dev.scion.sql.dolt.SchemaOverride.revision(session).isPresent()) {
            return Optional.empty(); // tables read at another schema are built by the planner's path
        }
        String shape = dev.scion.sql.session.ServedShapes.key(dbName, q.table(), q.keyColumn());
        Optional<StatementResult> result = lookUp(session, q, dbName);
        if (result.isPresent()) {
            session.servedPointSelects().served(shape);
        } else {
            session.servedPointSelects().declined(shape);
        }
        return result;
    }

    private static Optional<StatementResult> lookUp(Session session, PointSelectParser.PointSelect q, String dbName) {
        Optional<DatabaseState> db = session.findDatabase(dbName);
        if (db.isEmpty()) {
            return Optional.empty();
        }
        // the session's temporary table of that name, if it has one, is read the same way
        DatabaseState state = session.temporaryTables().resolve(db.get(), q.table());
        RootValue root = state.workingRoot();
        Optional<String> stored = root.resolveName(q.table());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        dev.scion.sql.privilege.AccessChecks.requireTable(session, dev.scion.sql.privilege.Privilege.SELECT,
                state.databaseName(), stored.get());
        Hash h = root.tableHash(stored.get());
        TableValue table = state.repo().readTable(state.buffer(), h);
        TableSchema schema = table.schema();
        int[] pk = schema.primaryKeyIndexes();
        if (schema.isKeyless() || pk.length != 1) {
            return Optional.empty();
        }
        if (dev.scion.sql.expr.StoredTimestamps.conversionZone(session) != null && schema.columns().stream()
                .anyMatch(c -> c.type().kind() == TypeKind.TIMESTAMP)) {
            return Optional.empty(); // the planner's path reads TIMESTAMP columns in the session's time zone
        }
        if (dev.scion.sql.session.SqlModes.padCharToFullLength(session) && schema.columns().stream()
                .anyMatch(c -> c.type().kind() == TypeKind.CHAR)) {
            return Optional.empty(); // the planner's path pads CHAR columns (CharPadding)
        }
        Column keyColumn = schema.columns().get(pk[0]);
        if (!keyColumn.name().equalsIgnoreCase(q.keyColumn())) {
            return Optional.empty();
        }
        TypeKind kind = keyColumn.type().kind();
        boolean fits = kind.isInteger() ? q.key() instanceof Long : kind.isString() && q.key() instanceof String
                && (Collations.isBinaryOrder(keyColumn.type().collation()) || schema.collatedPrimaryKey());
        if (!fits) {
            return Optional.empty();
        }
        int[] out;
        List<String> labels = new ArrayList<>();
        if (q.columns().isEmpty()) {
            out = new int[schema.columns().size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = i;
                labels.add(schema.columns().get(i).name());
            }
        } else {
            out = new int[q.columns().size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = schema.columnIndex(q.columns().get(i));
                if (out[i] < 0) {
                    return Optional.empty(); // unknown column: the planner reports 1054
                }
                labels.add(q.columns().get(i));
            }
        }
        List<ResultColumn> columns = new ArrayList<>(out.length);
        for (int i = 0; i < out.length; i++) {
            Column c = schema.columns().get(out[i]);
            columns.add(TypeMapping.fromColumn(state.name(), stored.get(), c, out[i] == pk[0], labels.get(i)));
        }
        RowCodec codec = new RowCodec(schema);
        byte[] key = codec.keyFromKeyValues(new Object[] {q.key()});
        byte[] value = ProllyMap.load(state.buffer(), table.rows()).get(key);
        List<Object[]> rows = new ArrayList<>(1);
        if (value != null) {
            boolean[] selected = new boolean[schema.columns().size()];
            for (int c : out) {
                selected[c] = true;
            }
            // only the selected columns are decoded: sysbench's SELECT c skips k and the 60-char pad
            Object[] full = codec.decode(key, value, codec.valueFieldsFor(selected));
            Object[] row = new Object[out.length];
            for (int i = 0; i < out.length; i++) {
                row[i] = full[out[i]];
            }
            rows.add(row);
        }
        return Optional.of(new StatementResult.Rows(columns, RowStream.of(rows)));
    }
}
