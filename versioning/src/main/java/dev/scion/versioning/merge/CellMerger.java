package dev.scion.versioning.merge;

import dev.scion.storage.prolly.MergeCollisionHandler;
import dev.scion.storage.prolly.Resolution;
import dev.scion.versioning.table.RowCodec;

import java.util.Objects;

/**
 * Decides a row both sides changed: for keyed tables, cell by cell (a cell changed on one side takes that
 * change; the same cell changed to different values, or a delete against a modify, is a conflict); for keyless
 * tables, by adding up the changes to the duplicate count.
 */
final class CellMerger implements MergeCollisionHandler {
    private final RowCodec codec;

    CellMerger(RowCodec codec) {
        this.codec = codec;
    }

    @Override
    public Resolution resolve(byte[] key, byte[] base, byte[] ours, byte[] theirs) {
        if (codec.keyless()) {
            long b = base == null ? 0 : codec.count(base);
            long o = ours == null ? 0 : codec.count(ours);
            long t = theirs == null ? 0 : codec.count(theirs);
            long n = o + t - b;
            if (n <= 0) {
                return Resolution.delete();
            }
            byte[] any = ours != null ? ours : theirs;
            return Resolution.use(codec.value(codec.decode(key, any), n));
        }
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
