package dev.scion.versioning.encoding;

import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

import java.util.ArrayList;
import java.util.List;

/** Serialises a table schema deterministically (part of a table chunk). */
public final class SchemaCodec {
    private SchemaCodec() {
    }

    public static void write(BinaryWriter w, TableSchema s) {
        w.varInt(s.columns().size());
        for (Column c : s.columns()) {
            w.string(c.name());
            ColumnType t = c.type();
            w.string(t.kind().name()).varInt(t.length()).varInt(t.scale()).bool(t.unsigned());
            w.varInt(t.values().size());
            t.values().forEach(w::string);
            w.bool(c.nullable()).nullableString(c.defaultSql()).bool(c.autoIncrement()).nullableString(c.comment());
            w.varLong(c.tag());
        }
        w.varInt(s.primaryKey().size());
        s.primaryKey().forEach(w::string);
        w.varInt(s.indexes().size());
        for (IndexDef ix : s.indexes()) {
            // one kind byte where older versions wrote the unique flag: 0 plain, 1 unique, 2 FULLTEXT
            w.string(ix.name()).u8(ix.fulltext() ? 2 : ix.unique() ? 1 : 0).varInt(ix.columns().size());
            ix.columns().forEach(w::string);
        }
        w.varInt(s.checks().size());
        for (CheckDef c : s.checks()) {
            w.string(c.name()).string(c.expressionSql());
        }
        w.varInt(s.foreignKeys().size());
        for (ForeignKeyDef fk : s.foreignKeys()) {
            w.string(fk.name()).varInt(fk.columns().size());
            fk.columns().forEach(w::string);
            w.string(fk.referencedTable()).varInt(fk.referencedColumns().size());
            fk.referencedColumns().forEach(w::string);
            w.string(fk.onDelete().name()).string(fk.onUpdate().name());
        }
    }

    public static TableSchema read(BinaryReader r) {
        int n = r.varInt();
        List<Column> cols = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = r.string();
            TypeKind kind = TypeKind.valueOf(r.string());
            int length = r.varInt();
            int scale = r.varInt();
            boolean unsigned = r.bool();
            int nv = r.varInt();
            List<String> values = new ArrayList<>(nv);
            for (int j = 0; j < nv; j++) {
                values.add(r.string());
            }
            boolean nullable = r.bool();
            String def = r.nullableString();
            boolean ai = r.bool();
            String comment = r.nullableString();
            long tag = r.varLong();
            cols.add(new Column(name, new ColumnType(kind, length, scale, unsigned, values), nullable, def, ai, comment, tag));
        }
        int npk = r.varInt();
        List<String> pk = new ArrayList<>(npk);
        for (int i = 0; i < npk; i++) {
            pk.add(r.string());
        }
        int nix = r.varInt();
        List<IndexDef> idx = new ArrayList<>(nix);
        for (int i = 0; i < nix; i++) {
            String name = r.string();
            int kind = r.u8();
            int nc = r.varInt();
            List<String> ic = new ArrayList<>(nc);
            for (int j = 0; j < nc; j++) {
                ic.add(r.string());
            }
            idx.add(new IndexDef(name, ic, kind == 1, kind == 2));
        }
        int nck = r.varInt();
        List<CheckDef> checks = new ArrayList<>(nck);
        for (int i = 0; i < nck; i++) {
            checks.add(new CheckDef(r.string(), r.string()));
        }
        int nfk = r.varInt();
        List<ForeignKeyDef> fks = new ArrayList<>(nfk);
        for (int i = 0; i < nfk; i++) {
            String name = r.string();
            List<String> fc = strings(r);
            String refTable = r.string();
            List<String> rc = strings(r);
            ForeignKeyDef.Action onDelete = ForeignKeyDef.Action.valueOf(r.string());
            ForeignKeyDef.Action onUpdate = ForeignKeyDef.Action.valueOf(r.string());
            fks.add(new ForeignKeyDef(name, fc, refTable, rc, onDelete, onUpdate));
        }
        return new TableSchema(cols, pk, idx, checks, fks);
    }

    /**
     * Generated columns, written after everything else in the table chunk and only when the table has some, so
     * tables without them encode (and hash) exactly as before the feature existed: count, then per column its
     * position, expression and STORED flag. Collations and index prefix lengths follow (see
     * {@link #writeCollations}); when a schema has those the generated-column count is written even if it is 0.
     */
    public static void writeGenerated(BinaryWriter w, TableSchema s) {
        List<Column> cols = s.columns();
        int n = (int) cols.stream().filter(Column::generated).count();
        boolean onUpdate = cols.stream().anyMatch(c -> c.onUpdateSql() != null);
        boolean notEnforced = s.checks().stream().anyMatch(c -> !c.enforced());
        boolean foreignKeyIndexes = s.indexes().stream().anyMatch(IndexDef::forForeignKey);
        boolean comment = s.comment() != null;
        boolean collations = hasCollationsOrPrefixes(s) || onUpdate || notEnforced || foreignKeyIndexes || comment;
        if (n == 0 && !collations) {
            return;
        }
        w.varInt(n);
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            if (c.generated()) {
                w.varInt(i).string(c.generatedSql()).bool(c.stored());
            }
        }
        if (collations) {
            writeCollations(w, s, onUpdate, notEnforced, foreignKeyIndexes, comment);
        }
    }

    /** Reads what {@link #writeGenerated} wrote, if anything, and returns the schema with it applied. */
    public static TableSchema readGenerated(BinaryReader r, TableSchema s) {
        if (!r.hasMore()) {
            return s;
        }
        List<Column> cols = new ArrayList<>(s.columns());
        int n = r.varInt();
        for (int i = 0; i < n; i++) {
            int pos = r.varInt();
            cols.set(pos, cols.get(pos).withGeneration(r.string(), r.bool()));
        }
        TableSchema out = new TableSchema(cols, s.primaryKey(), s.indexes(), s.checks(), s.foreignKeys());
        return r.hasMore() ? readCollations(r, out) : out;
    }

    private static boolean hasCollationsOrPrefixes(TableSchema s) {
        return s.collation() != null || s.collatedPrimaryKey()
                || s.indexes().stream().anyMatch(i -> i.hasPrefix() || i.collatedKeys())
                || s.columns().stream().anyMatch(c -> c.type().collation() != null);
    }

    /**
     * The table collation (nullable), then the columns with a collation other than the default (count, then
     * position and name each), then the indexes with prefix lengths (count, then index position and one length
     * per key part, 0 for a whole value), then the optional sections below, and last the table comment (a string,
     * written only when the table has one).
     */
    private static void writeCollations(BinaryWriter w, TableSchema s, boolean onUpdate, boolean notEnforced,
                                        boolean foreignKeyIndexes, boolean comment) {
        w.nullableString(s.collation());
        List<Column> cols = s.columns();
        w.varInt((int) cols.stream().filter(c -> c.type().collation() != null).count());
        for (int i = 0; i < cols.size(); i++) {
            String coll = cols.get(i).type().collation();
            if (coll != null) {
                w.varInt(i).string(coll);
            }
        }
        List<IndexDef> idx = s.indexes();
        w.varInt((int) idx.stream().filter(IndexDef::hasPrefix).count());
        for (int i = 0; i < idx.size(); i++) {
            IndexDef ix = idx.get(i);
            if (ix.hasPrefix()) {
                w.varInt(i);
                for (int j = 0; j < ix.columns().size(); j++) {
                    w.varInt(ix.prefixLength(j));
                }
            }
        }
        // each section is written when it or a later one has something, so a schema without the later features
        // ends where it always did
        writeCollatedKeys(w, idx, s.collatedPrimaryKey(), onUpdate || notEnforced || foreignKeyIndexes || comment);
        if (onUpdate || notEnforced || foreignKeyIndexes || comment) {
            writeOnUpdate(w, cols);
        }
        if (notEnforced || foreignKeyIndexes || comment) {
            writeNotEnforced(w, s.checks());
        }
        if (foreignKeyIndexes || comment) {
            writeForeignKeyIndexes(w, idx);
        }
        if (comment) {
            w.string(s.comment());
        }
    }

    /**
     * The indexes made for a foreign key (IndexDef#forForeignKey): count, then index positions. Written last and
     * only when there is one, so schemas from before the flag read unchanged and encode as before.
     */
    private static void writeForeignKeyIndexes(BinaryWriter w, List<IndexDef> idx) {
        w.varInt((int) idx.stream().filter(IndexDef::forForeignKey).count());
        for (int i = 0; i < idx.size(); i++) {
            if (idx.get(i).forForeignKey()) {
                w.varInt(i);
            }
        }
    }

    /**
     * The CHECK constraints declared NOT ENFORCED: count, then their positions in the check list. Written last and
     * only when there is one (the sections before it are then written even when empty), so schemas from before
     * the flag read unchanged and encode as before.
     */
    private static void writeNotEnforced(BinaryWriter w, List<CheckDef> checks) {
        w.varInt((int) checks.stream().filter(c -> !c.enforced()).count());
        for (int i = 0; i < checks.size(); i++) {
            if (!checks.get(i).enforced()) {
                w.varInt(i);
            }
        }
    }

    /**
     * The columns with ON UPDATE CURRENT_TIMESTAMP: count, then position and SQL text each. Written last and only
     * when there is one, so schemas from before the attribute read unchanged and encode as before.
     */
    private static void writeOnUpdate(BinaryWriter w, List<Column> cols) {
        w.varInt((int) cols.stream().filter(c -> c.onUpdateSql() != null).count());
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).onUpdateSql() != null) {
                w.varInt(i).string(cols.get(i).onUpdateSql());
            }
        }
    }

    /**
     * The indexes with collated keys (IndexDef#collatedKeys): count, then index positions. Written only when there
     * is one (or {@code more} sections follow), after the prefix lengths, so schemas from before the flag read
     * unchanged and encode as before. A primary key with collated keys (TableSchema#collatedPrimaryKey) is listed as
     * position {@code idx.size()}, one past the last index, after the indexes.
     */
    private static void writeCollatedKeys(BinaryWriter w, List<IndexDef> idx, boolean primaryKey, boolean more) {
        int n = (int) idx.stream().filter(IndexDef::collatedKeys).count() + (primaryKey ? 1 : 0);
        if (n == 0 && !more) {
            return;
        }
        w.varInt(n);
        for (int i = 0; i < idx.size(); i++) {
            if (idx.get(i).collatedKeys()) {
                w.varInt(i);
            }
        }
        if (primaryKey) {
            w.varInt(idx.size());
        }
    }

    private static TableSchema readCollations(BinaryReader r, TableSchema s) {
        String tableCollation = r.nullableString();
        List<Column> cols = new ArrayList<>(s.columns());
        int n = r.varInt();
        for (int i = 0; i < n; i++) {
            int pos = r.varInt();
            Column c = cols.get(pos);
            cols.set(pos, c.withType(c.type().withCollation(r.string())));
        }
        List<IndexDef> idx = new ArrayList<>(s.indexes());
        int ni = r.varInt();
        for (int i = 0; i < ni; i++) {
            int pos = r.varInt();
            IndexDef ix = idx.get(pos);
            List<Integer> lengths = new ArrayList<>();
            for (int j = 0; j < ix.columns().size(); j++) {
                lengths.add(r.varInt());
            }
            idx.set(pos, new IndexDef(ix.name(), ix.columns(), ix.unique(), ix.fulltext(), lengths));
        }
        boolean collatedPrimaryKey = false;
        if (r.hasMore()) {
            int nc = r.varInt();
            for (int i = 0; i < nc; i++) {
                int pos = r.varInt();
                if (pos == idx.size()) {
                    collatedPrimaryKey = true;
                } else {
                    idx.set(pos, idx.get(pos).withCollatedKeys(true));
                }
            }
        }
        if (r.hasMore()) {
            int no = r.varInt();
            for (int i = 0; i < no; i++) {
                int pos = r.varInt();
                cols.set(pos, cols.get(pos).withOnUpdate(r.string()));
            }
        }
        List<CheckDef> checks = new ArrayList<>(s.checks());
        if (r.hasMore()) {
            int ne = r.varInt();
            for (int i = 0; i < ne; i++) {
                int pos = r.varInt();
                checks.set(pos, checks.get(pos).withEnforced(false));
            }
        }
        if (r.hasMore()) {
            int nf = r.varInt();
            for (int i = 0; i < nf; i++) {
                int pos = r.varInt();
                idx.set(pos, idx.get(pos).withForForeignKey(true));
            }
        }
        String comment = r.hasMore() ? r.string() : null; // the table COMMENT, last (session 17)
        return new TableSchema(cols, s.primaryKey(), idx, checks, s.foreignKeys(), tableCollation,
                collatedPrimaryKey, comment);
    }

    private static List<String> strings(BinaryReader r) {
        int n = r.varInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.string());
        }
        return out;
    }
}
