package dev.scion.versioning.merge;

import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Three-way merge of table schemas. Columns are matched by tag, so a rename on one side and a type change on
 * the other combine; indexes are matched by name. A conflict is reported only when both sides changed the same
 * thing differently, or when the results cannot coexist (two different columns with one name).
 */
public final class SchemaMerger {

    /** The merged schema, or the reason there is none. */
    public record Result(TableSchema schema, String conflict) {
        public boolean isConflict() {
            return conflict != null;
        }
    }

    private SchemaMerger() {
    }

    public static Result merge(TableSchema base, TableSchema ours, TableSchema theirs) {
        if (ours.equals(theirs) || base.equals(theirs)) {
            return new Result(ours, null);
        }
        Result merged = base.equals(ours) ? theirsOverRows(ours, theirs) : mergeChanged(base, ours, theirs);
        if (merged.isConflict()) {
            return merged;
        }
        String narrowed = TypeChanges.incompatible(base, ours, theirs, merged.schema());
        return narrowed == null ? merged : new Result(null, narrowed);
    }

    /** Theirs' schema, when ours kept the base's (its rows changed): unless theirs brings in a duplicate index. */
    private static Result theirsOverRows(TableSchema ours, TableSchema theirs) {
        List<String> problems = new ArrayList<>();
        duplicateColumnSets(theirs.indexes(), ours, problems);
        return problems.isEmpty() ? new Result(theirs, null) : new Result(null, String.join("; ", problems));
    }

    private static Result mergeChanged(TableSchema base, TableSchema ours, TableSchema theirs) {
        List<String> problems = new ArrayList<>();
        List<Column> columns = mergeColumns(base, ours, theirs, problems);
        List<String> pk = pick("primary key", base.primaryKey(), ours.primaryKey(), theirs.primaryKey(), problems);
        List<IndexDef> indexes = mergeIndexes(base, ours, theirs, problems);
        List<CheckDef> checks = mergeNamed("check constraint", base.checks(), ours.checks(), theirs.checks(),
                CheckDef::name, CheckDef::expressionSql, problems);
        List<ForeignKeyDef> foreignKeys = mergeNamed("foreign key", base.foreignKeys(), ours.foreignKeys(),
                theirs.foreignKeys(), ForeignKeyDef::name, String::valueOf, problems);
        if (problems.isEmpty()) {
            for (String k : pk) {
                if (columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(k))) {
                    problems.add("primary key column '" + k + "' no longer exists");
                }
            }
            indexes = withoutDroppedColumns(indexes, columns);
            duplicateColumnSets(indexes, ours, problems);
            for (ForeignKeyDef fk : foreignKeys) {
                for (String c : fk.columns()) {
                    if (columns.stream().noneMatch(col -> col.name().equalsIgnoreCase(c))) {
                        problems.add("foreign key '" + fk.name() + "' uses column '" + c
                                + "' that the other side dropped");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, String.join("; ", problems));
        }
        // the table collation: theirs when only they changed it, else ours
        String collation = java.util.Objects.equals(base.collation(), ours.collation()) ? theirs.collation()
                : ours.collation();
        // the table comment likewise
        String comment = java.util.Objects.equals(base.comment(), ours.comment()) ? theirs.comment() : ours.comment();
        // the row-key format stays ours: the merged rows are written into (a copy of) our row tree
        return new Result(new TableSchema(columns, pk, indexes, checks, foreignKeys, collation,
                ours.collatedPrimaryKey(), comment), null);
    }

    private static List<Column> mergeColumns(TableSchema base, TableSchema ours, TableSchema theirs,
                                             List<String> problems) {
        Map<Long, Column> b = byTag(base);
        Map<Long, Column> o = byTag(ours);
        Map<Long, Column> t = byTag(theirs);
        List<Column> out = new ArrayList<>();
        // ours' order first, then columns only theirs has, in theirs' order
        List<Long> order = new ArrayList<>(o.keySet());
        t.keySet().stream().filter(k -> !o.containsKey(k)).forEach(order::add);
        for (Long tag : order) {
            Column bc = b.get(tag);
            Column oc = o.get(tag);
            Column tc = t.get(tag);
            if (bc == null) {
                if (oc != null && tc != null && !oc.equals(tc)) {
                    problems.add("column '" + oc.name() + "' added on both sides with different definitions");
                } else {
                    out.add(oc != null ? oc : tc);
                }
                continue;
            }
            if (oc == null || tc == null) {
                Column kept = oc != null ? oc : tc;
                if (!kept.equals(bc)) {
                    problems.add("column '" + bc.name() + "' dropped on one side and modified on the other");
                }
                continue; // dropped on at least one side
            }
            String name = pick("name of column '" + bc.name() + "'", bc.name(), oc.name(), tc.name(), problems);
            // compared with numeric defaults in one spelling: DEFAULT 1.23 and DEFAULT '1.23000' on a FLOAT column
            // are the same definition (Dolt stores the converted value)
            Column od = oc.withName(bc.name());
            Column td = tc.withName(bc.name());
            Column bn = withCanonicalDefault(bc);
            Column on = withCanonicalDefault(od);
            Column tn = withCanonicalDefault(td);
            Column picked = pick("definition of column '" + bc.name() + "'", bn, on, tn, problems,
                    SchemaMerger::describe);
            Column def = picked == null ? null : picked == on ? od : picked == tn ? td : bc;
            if (def != null && name != null) {
                out.add(def.withName(name));
            }
        }
        Map<String, Long> names = new LinkedHashMap<>();
        for (Column c : out) {
            Long prev = names.put(c.name().toLowerCase(Locale.ROOT), c.tag());
            if (prev != null) {
                problems.add("two different columns are named '" + c.name() + "'");
            }
        }
        return out;
    }

    private static List<IndexDef> mergeIndexes(TableSchema base, TableSchema ours, TableSchema theirs,
                                               List<String> problems) {
        List<String> found = new ArrayList<>();
        List<IndexDef> merged = mergeNamed("index", base.indexes(), ours.indexes(), theirs.indexes(), IndexDef::name,
                SchemaMerger::describe, found);
        // an index both sides define differently is two conflicts, one per side's definition, as Dolt counts them
        for (String f : found) {
            problems.add(f);
            if (f.contains("on both sides")) {
                problems.add(f.replaceFirst("^index '([^']*)'.*$", "index '$1' is defined differently by the "
                        + "other side"));
            }
        }
        return merged;
    }

    private static String describe(IndexDef i) {
        return (i.unique() ? "UNIQUE " : "") + i.columns();
    }

    /**
     * Indexes naming a column the merge dropped lose that column, as ALTER TABLE ... DROP COLUMN does in MySQL; an
     * index left with no column goes.
     */
    private static List<IndexDef> withoutDroppedColumns(List<IndexDef> indexes, List<Column> columns) {
        List<IndexDef> out = new ArrayList<>();
        for (IndexDef ix : indexes) {
            List<String> kept = ix.columns().stream()
                    .filter(c -> columns.stream().anyMatch(col -> col.name().equalsIgnoreCase(c))).toList();
            if (kept.size() == ix.columns().size()) {
                out.add(ix);
            } else if (!kept.isEmpty()) {
                out.add(ix.withColumns(kept));
            }
        }
        return out;
    }

    /**
     * An index the merge brings in from theirs (a name ours does not have) over exactly the columns of another
     * merged index is a conflict (Dolt matches indexes by their column set, so it cannot tell such a pair apart):
     * which of the two the user meant to keep is theirs to say. Indexes ours has by name are left as they are,
     * even when a dropped column made two of them alike.
     */
    private static void duplicateColumnSets(List<IndexDef> indexes, TableSchema ours, List<String> problems) {
        for (int i = 0; i < indexes.size(); i++) {
            for (int j = i + 1; j < indexes.size(); j++) {
                IndexDef a = indexes.get(i);
                IndexDef b = indexes.get(j);
                boolean newToOurs = !hasIndexNamed(ours, a.name()) || !hasIndexNamed(ours, b.name());
                if (newToOurs && !a.fulltext() && !b.fulltext() && sameColumns(a, b)) {
                    problems.add("multiple indexes covering the same column set cannot be merged: '" + a.name()
                            + "' and '" + b.name() + "'");
                }
            }
        }
    }

    private static boolean hasIndexNamed(TableSchema schema, String name) {
        return schema.indexes().stream().anyMatch(ix -> ix.name().equalsIgnoreCase(name));
    }

    private static boolean sameColumns(IndexDef a, IndexDef b) {
        if (a.columns().size() != b.columns().size()) {
            return false;
        }
        for (int i = 0; i < a.columns().size(); i++) {
            if (!a.columns().get(i).equalsIgnoreCase(b.columns().get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Merges named schema members (indexes, CHECK constraints, foreign keys) matched by name: a member added on one
     * side is kept, one dropped on one side and untouched on the other is dropped, and one changed on one side
     * takes that change. Ours' order first, then what only theirs has.
     */
    private static <T> List<T> mergeNamed(String kind, List<T> base, List<T> ours, List<T> theirs,
                                          Function<T, String> name, Function<T, String> show,
                                          List<String> problems) {
        Map<String, T> b = byName(base, name);
        Map<String, T> o = byName(ours, name);
        Map<String, T> t = byName(theirs, name);
        List<String> order = new ArrayList<>(o.keySet());
        t.keySet().stream().filter(k -> !o.containsKey(k)).forEach(order::add);
        List<T> out = new ArrayList<>();
        for (String key : order) {
            T bi = b.get(key);
            T oi = o.get(key);
            T ti = t.get(key);
            if (bi == null) {
                if (oi != null && ti != null && !oi.equals(ti)) {
                    problems.add(kind + " '" + name.apply(oi) + "' added on both sides with different definitions");
                } else {
                    out.add(oi != null ? oi : ti);
                }
            } else if (oi == null || ti == null) {
                T kept = oi != null ? oi : ti;
                if (!kept.equals(bi)) {
                    problems.add(kind + " '" + name.apply(bi) + "' dropped on one side and modified on the other");
                }
            } else {
                T m = pick(kind + " '" + name.apply(bi) + "'", bi, oi, ti, problems, show);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /**
     * A recorded schema-conflict description without its foreign-key problems (null when nothing else is left):
     * Dolt's merge previews compare table schemas without their foreign keys.
     */
    public static String withoutForeignKeyProblems(String description) {
        if (description == null) {
            return null;
        }
        String rest = java.util.Arrays.stream(description.split("; "))
                .filter(p -> !p.startsWith("foreign key '")).collect(java.util.stream.Collectors.joining("; "));
        return rest.isEmpty() ? null : rest;
    }

    /** How many separate schema conflicts a table's recorded description holds (one per column, index, ...). */
    public static int conflictCount(String description) {
        return description == null ? 0 : description.split("; ").length;
    }

    /** The column with a numeric literal default (quoted or not) written in one canonical way. */
    static Column withCanonicalDefault(Column c) {
        TypeKind k = c.type().kind();
        String d = c.defaultSql();
        if (d == null || !(k.isInteger() || k == TypeKind.DECIMAL || k == TypeKind.FLOAT || k == TypeKind.DOUBLE)) {
            return c;
        }
        String bare = d.length() >= 2 && d.startsWith("'") && d.endsWith("'") ? d.substring(1, d.length() - 1) : d;
        try {
            String canonical = new java.math.BigDecimal(bare.trim()).stripTrailingZeros().toPlainString();
            return new Column(c.name(), c.type(), c.nullable(), canonical, c.autoIncrement(), c.comment(), c.tag(),
                    c.generatedSql(), c.stored(), c.onUpdateSql());
        } catch (NumberFormatException notANumber) {
            return c;
        }
    }

    /** The usual three-way rule for one value: take the side that changed; both changed alike is fine. */
    static <T> T pick(String what, T base, T ours, T theirs, List<String> problems) {
        return pick(what, base, ours, theirs, problems, String::valueOf);
    }

    static <T> T pick(String what, T base, T ours, T theirs, List<String> problems,
                      java.util.function.Function<T, String> show) {
        if (Objects.equals(ours, theirs) || Objects.equals(base, theirs)) {
            return ours;
        }
        if (Objects.equals(base, ours)) {
            return theirs;
        }
        problems.add(what + " changed differently on both sides (ours: " + show.apply(ours) + ", theirs: "
                + show.apply(theirs) + ")");
        return null;
    }

    /** A column as the user wrote it, for conflict messages. */
    static String describe(Column c) {
        StringBuilder sb = new StringBuilder(c.type().sqlName());
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        if (c.defaultSql() != null) {
            sb.append(" DEFAULT ").append(c.defaultSql());
        }
        if (c.autoIncrement()) {
            sb.append(" AUTO_INCREMENT");
        }
        return sb.toString();
    }

    private static Map<Long, Column> byTag(TableSchema s) {
        Map<Long, Column> m = new LinkedHashMap<>();
        s.columns().forEach(c -> m.put(c.tag(), c));
        return m;
    }

    private static <T> Map<String, T> byName(List<T> members, Function<T, String> name) {
        Map<String, T> m = new LinkedHashMap<>();
        members.forEach(x -> m.put(name.apply(x).toLowerCase(Locale.ROOT), x));
        return m;
    }
}
