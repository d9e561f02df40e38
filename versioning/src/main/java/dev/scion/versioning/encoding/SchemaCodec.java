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
     * position, expression and STORED flag.
     */
    public static void writeGenerated(BinaryWriter w, TableSchema s) {
        List<Column> cols = s.columns();
        int n = (int) cols.stream().filter(Column::generated).count();
        if (n == 0) {
            return;
        }
        w.varInt(n);
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            if (c.generated()) {
                w.varInt(i).string(c.generatedSql()).bool(c.stored());
            }
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
        return new TableSchema(cols, s.primaryKey(), s.indexes(), s.checks(), s.foreignKeys());
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
