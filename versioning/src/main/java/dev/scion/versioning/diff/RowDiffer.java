package dev.scion.versioning.diff;

import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.prolly.DiffEntry;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.RowCodec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Streams the row differences of two versions of a table in key order, reading only the subtrees that differ.
 * Cells are matched by column tag, so a column rename alone does not make every row differ. Keyless tables
 * report a changed duplicate count as removals or additions of that many rows.
 */
public final class RowDiffer implements Iterator<RowChange> {
    private final Iterator<DiffEntry> entries;
    private final RowCodec fromCodec;
    private final RowCodec toCodec;
    private final TableSchema to;
    private final int[] fromIndexOfTo;
    private final boolean sameLayout;
    private final List<RowChange> pending = new ArrayList<>();

    public RowDiffer(ChunkReader reader, TableValue from, TableValue to) {
        this.fromCodec = new RowCodec(from.schema());
        this.toCodec = new RowCodec(to.schema());
        this.to = to.schema();
        this.fromIndexOfTo = new int[to.schema().columns().size()];
        for (int i = 0; i < fromIndexOfTo.length; i++) {
            Column c = to.schema().columns().get(i);
            fromIndexOfTo[i] = indexOf(from.schema(), c.tag());
        }
        // when the key layout differs the raw key bytes cannot be compared; diff full contents instead. Key columns
        // are compared by tag, so renaming a key column keeps the rows comparable.
        this.sameLayout = fromCodec.keyDescriptor().equals(toCodec.keyDescriptor())
                && keyTags(from.schema()).equals(keyTags(to.schema()));
        ProllyMap f = ProllyMap.load(reader, from.rows());
        ProllyMap t = ProllyMap.load(reader, to.rows());
        this.entries = sameLayout ? ProllyMap.diff(f, t) : fullDiff(f, t);
    }

    private static List<Long> keyTags(TableSchema s) {
        List<Long> tags = new ArrayList<>();
        for (int i : s.primaryKeyIndexes()) {
            tags.add(s.columns().get(i).tag());
        }
        return tags;
    }

    private static int indexOf(TableSchema s, long tag) {
        for (int j = 0; j < s.columns().size(); j++) {
            if (s.columns().get(j).tag() == tag) {
                return j;
            }
        }
        return -1;
    }

    /** Every old row removed and every new row added: used only when the primary key changed. */
    private static Iterator<DiffEntry> fullDiff(ProllyMap f, ProllyMap t) {
        List<DiffEntry> all = new ArrayList<>();
        ProllyMap.diff(f, ProllyMap.empty(new dev.scion.storage.chunk.MemoryChunkStore()))
                .forEachRemaining(all::add);
        ProllyMap.diff(ProllyMap.empty(new dev.scion.storage.chunk.MemoryChunkStore()), t).forEachRemaining(all::add);
        return all.iterator();
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && entries.hasNext()) {
            convert(entries.next());
        }
        return !pending.isEmpty();
    }

    @Override
    public RowChange next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.remove(0);
    }

    private void convert(DiffEntry e) {
        Object[] before = e.fromValue() == null ? null : fromCodec.decode(e.key(), e.fromValue());
        Object[] after = e.toValue() == null ? null : toCodec.decode(e.key(), e.toValue());
        if (toCodec.keyless() || fromCodec.keyless()) {
            long fc = e.fromValue() == null ? 0 : fromCodec.count(e.fromValue());
            long tc = e.toValue() == null ? 0 : toCodec.count(e.toValue());
            for (long i = tc; i < fc; i++) {
                pending.add(new RowChange(RowChange.Kind.REMOVED, e.key(), before, null, List.of()));
            }
            for (long i = fc; i < tc; i++) {
                pending.add(new RowChange(RowChange.Kind.ADDED, e.key(), null, after, List.of()));
            }
            return;
        }
        if (before == null) {
            pending.add(new RowChange(RowChange.Kind.ADDED, e.key(), null, after, List.of()));
        } else if (after == null) {
            pending.add(new RowChange(RowChange.Kind.REMOVED, e.key(), before, null, List.of()));
        } else {
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < after.length; i++) {
                Object old = fromIndexOfTo[i] < 0 ? null : before[fromIndexOfTo[i]];
                if (fromIndexOfTo[i] < 0 || !Objects.deepEquals(old, after[i])) {
                    changed.add(to.columns().get(i).name());
                }
            }
            if (!changed.isEmpty() || before.length != after.length) {
                pending.add(new RowChange(RowChange.Kind.MODIFIED, e.key(), before, after, changed));
            }
        }
    }

    /** The value {@code before} held for the "to" column at {@code toIndex}, or null if it had no such column. */
    public Object beforeValue(Object[] before, int toIndex) {
        return fromIndexOfTo[toIndex] < 0 ? null : before[fromIndexOfTo[toIndex]];
    }
}
