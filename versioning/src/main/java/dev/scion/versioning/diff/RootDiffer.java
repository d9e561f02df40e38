package dev.scion.versioning.diff;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.repo.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Table-level differences between two roots, by table hash (equal hash: unchanged, nothing read). */
public final class RootDiffer {
    private final Repository repo;
    private final ChunkReader reader;

    public RootDiffer(Repository repo, ChunkReader reader) {
        this.repo = repo;
        this.reader = reader;
    }

    public List<TableDelta> diff(RootValue from, RootValue to) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(from.tables().keySet());
        names.addAll(to.tables().keySet());
        List<TableDelta> out = new ArrayList<>();
        for (String name : names) {
            Hash f = from.table(name).orElse(null);
            Hash t = to.table(name).orElse(null);
            if (Objects.equals(f, t)) {
                continue;
            }
            String shown = to.resolveName(name).orElseGet(() -> from.resolveName(name).orElse(name));
            if (f == null) {
                out.add(new TableDelta(shown, TableDelta.Kind.ADDED, null, t, true, true));
            } else if (t == null) {
                out.add(new TableDelta(shown, TableDelta.Kind.DROPPED, f, null, true, true));
            } else {
                TableValue fv = repo.readTable(reader, f);
                TableValue tv = repo.readTable(reader, t);
                out.add(new TableDelta(shown, TableDelta.Kind.MODIFIED, f, t, !fv.schema().equals(tv.schema()),
                        !fv.rows().equals(tv.rows())));
            }
        }
        return out;
    }
}
