package dev.scion.versioning.merge;

import dev.scion.storage.prolly.MergeCollisionHandler;
import dev.scion.storage.prolly.Resolution;
import dev.scion.versioning.table.RowCodec;

import java.util.Objects;

/**
 * Decides a row of a keyed table that both sides changed, cell by cell: a cell changed on one side takes that
 * change; the same cell changed to different values, or a delete against a modify, is a conflict. (Keyless
 * tables never come here: {@link TableMerger} reports every row both sides changed as a conflict.)
 */
final class CellMerger implements MergeCollisionHandler {
    private final RowCodec codec;

    CellMerger(RowCodec codec) {
        this.codec = codec;
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
                return Resolution.conflict();
            }
        }
        return Resolution.use(codec.value(m));
    }
}
