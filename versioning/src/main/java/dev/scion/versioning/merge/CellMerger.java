package dev.scion.versioning.merge;

import dev.scion.storage.prolly.MergeCollisionHandler;
import dev.scion.storage.prolly.Resolution;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.table.RowCodec;

import java.util.Objects;

/**
 * Decides a row of a keyed table that both sides changed, cell by cell: a cell changed on one side takes that
 * change; the same cell changed to different values, or a delete against a modify, is a conflict, except a JSON
 * cell whose documents merge key by key (Dolt's rule: {@code {}} changed to {@code {"a": 1}} and to
 * {@code {"b": 2}} gives {@code {"a": 1, "b": 2}}; {@link RowConstraintChecker#mergeJson}). (Keyless tables never
 * come here: {@link TableMerger} reports every row both sides changed as a conflict.)
 */
final class CellMerger implements MergeCollisionHandler {
    private final RowCodec codec;
    private final boolean[] json;
    private final RowConstraintChecker sql;

    CellMerger(RowCodec codec, TableSchema schema, RowConstraintChecker sql) {
        this.codec = codec;
        this.sql = sql;
        this.json = new boolean[schema.columns().size()];
        for (int i = 0; i < json.length; i++) {
            json[i] = schema.columns().get(i).type().kind() == TypeKind.JSON;
        }
    }

    @Override
    public Resolution resolve(byte[] key, byte[] base, byte[] ours, byte[] theirs) {
        if (base == null || ours == null || theirs == null) {
            return Resolution.conflict();
        }
        Object[] b = codec.decode(key, base);
        Object[] o = codec.decode(key, ours);
        Object[] t = codec.decode(key, theirs);
        Object[] m = new Object[o.length];
        for (int i = 0; i < m.length; i++) {
            if (Objects.deepEquals(o[i], t[i]) || Objects.deepEquals(b[i], t[i])) {
                m[i] = o[i];
            } else if (Objects.deepEquals(b[i], o[i])) {
                m[i] = t[i];
            } else {
                Object documents = i < json.length && json[i] ? mergeJson(b[i], o[i], t[i]) : null;
                if (documents == null) {
                    return Resolution.conflict();
                }
                m[i] = documents;
            }
        }
        return Resolution.use(codec.value(m));
    }

    /** Two changed JSON documents merged key by key, or null when they conflict (or one side set SQL NULL). */
    private String mergeJson(Object base, Object ours, Object theirs) {
        if (ours instanceof String o && theirs instanceof String t && (base == null || base instanceof String)) {
            return sql.mergeJson((String) base, o, t);
        }
        return null;
    }
}
