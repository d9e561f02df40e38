package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.plan.TypeMapping;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.history.CommitLog;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.RowCodec;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.time.LocalDateTime;
import java.util.List;

/**
 * dolt_history_&lt;t&gt;: table t as it was at every commit of the session's history (newest first), each row with
 * commit_hash, committer and commit_date. Columns follow t's current schema, matched by name. Rows stream commit
 * by commit; nothing is materialised.
 */
final class DoltHistoryForTable extends TableSystemTable {
    static final String PREFIX = "dolt_history_";

    DoltHistoryForTable(String table, TableSchema schema) {
        super(PREFIX, table, schema);
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (Column c : schema.columns()) {
            b.add(c.name(), f.createTypeWithNullability(TypeMapping.toCalcite(f, c), true));
        }
        return b.add("commit_hash", Columns.hash(f)).add("committer", Columns.text(f, 1024))
                .add("commit_date", Columns.datetime(f)).build();
    }

    /**
     * The committer column: the name, except in the history of dolt_schemas, whose committer Dolt shows in full
     * ({@code name <email>}).
     */
    private String committerOf(Commit c) {
        return table.equalsIgnoreCase(dev.scion.sql.catalog.SchemaFragments.TABLE)
                ? c.committer().name() + " <" + c.committer().email() + ">" : c.committer().name();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        CommitLog log = new CommitLog(db.repo(), session.headOf(db));
        int n = schema.columns().size();
        return new RowStream() {
            ProllyCursor cursor;
            RowCodec codec;
            int[] positions;
            Object[] pending;
            long repeat;
            String hash;
            String committer;
            LocalDateTime date;
            final java.util.Set<String> warned = new java.util.HashSet<>();

            @Override
            public Object[] next() {
                while (true) {
                    if (repeat > 0) {
                        repeat--;
                        return pending.clone();
                    }
                    if (cursor != null && cursor.next()) {
                        Object[] row = codec.decode(cursor.key(), cursor.value());
                        Object[] out = new Object[n + 3];
                        for (int i = 0; i < n; i++) {
                            out[i] = positions[i] < 0 || positions[i] >= row.length ? null : row[positions[i]];
                        }
                        out[n] = hash;
                        out[n + 1] = committer;
                        out[n + 2] = date;
                        // keyless tables store a duplicate count with each distinct row
                        repeat = codec.keyless() ? Math.max(0, codec.count(cursor.value()) - 1) : 0;
                        pending = out;
                        return out.clone();
                    }
                    if (cursor != null) {
                        cursor.close();
                        cursor = null;
                    }
                    if (!log.hasNext()) {
                        return null;
                    }
                    CommitLog.Entry e = log.next();
                    Commit c = e.commit();
                    var h = db.repo().readRoot(db.buffer(), c.root()).table(table);
                    if (h.isEmpty()) {
                        continue;
                    }
                    TableValue tv = db.repo().readTable(db.buffer(), h.get());
                    codec = new RowCodec(tv.schema());
                    positions = positions(tv.schema(), session, warned);
                    hash = e.hash().toString();
                    committer = committerOf(c);
                    date = DoltLogTable.toDateTime(c.committer().timeMillis());
                    cursor = ProllyMap.load(db.buffer(), tv.rows()).cursor();
                }
            }

            @Override
            public void close() {
                if (cursor != null) {
                    cursor.close();
                }
            }
        };
    }

    /**
     * Where each current column's value sits in a historical row (by name); -1 when that version lacks the column
     * or held it with another type, which shows as NULL with warning 1246 (once per column and scan), as in Dolt.
     */
    private int[] positions(TableSchema rowSchema, Session session, java.util.Set<String> warned) {
        List<Column> cols = schema.columns();
        int[] p = new int[cols.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = -1;
            Column now = cols.get(i);
            for (int k = 0; k < rowSchema.columns().size(); k++) {
                Column then = rowSchema.columns().get(k);
                if (!then.name().equalsIgnoreCase(now.name())) {
                    continue;
                }
                if (then.type().sqlName().equals(now.type().sqlName())) {
                    p[i] = k;
                } else if (warned.add(now.name().toLowerCase(java.util.Locale.ROOT))) {
                    // Dolt's wording, which names the current type first
                    session.addWarning(dev.scion.sql.error.ErrorCode.AUTO_CONVERT.code(), "Unable to convert field "
                            + now.name() + " in historical rows because its type (" + now.type().sqlName()
                            + ") doesn't match current schema's type (" + then.type().sqlName() + ")");
                }
            }
        }
        return p;
    }
}
