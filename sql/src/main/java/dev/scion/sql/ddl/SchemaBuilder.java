package dev.scion.sql.ddl;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.ddl.SqlMySqlIndex;
import dev.scion.sql.parser.ddl.SqlMySqlKeyPart;
import dev.scion.sql.parser.MySqlParser;
import dev.scion.sql.parser.ddl.SqlMySqlCheck;
import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table schema under construction, shared by CREATE TABLE and ALTER TABLE so both apply MySQL's rules the same
 * way: unique column and index names, generated index names, NOT NULL primary key columns, one auto-increment
 * column that must be indexed.
 */
final class SchemaBuilder {
    private final String table;
    final List<Column> columns = new ArrayList<>();
    final List<String> primaryKey = new ArrayList<>();
    final List<IndexDef> indexes = new ArrayList<>();
    final List<CheckDef> checks = new ArrayList<>();
    final List<ForeignKeyDef> foreignKeys = new ArrayList<>();
    /** Key parts with a prefix length ({@code col(10)}), checked against their column's type in {@link #build}. */
    private final List<SqlMySqlKeyPart> prefixedParts = new ArrayList<>();
    /** The table's default collation for text columns (null: the default {@code utf8mb4_0900_bin}). */
    String collation;
    /**
     * Whether the row keys hold the collation sort keys of text key columns (TableSchema#collatedPrimaryKey): set
     * for a new table or a rewrite of every row, else kept from the table, whose row tree is kept too.
     */
    boolean collatedPrimaryKey;
    /** The table COMMENT (null or empty: none). */
    String comment;
    /** sql_mode REAL_AS_FLOAT when the statement runs: a REAL column is FLOAT, not DOUBLE. */
    boolean realAsFloat;

    SchemaBuilder(String table) {
        this.table = table;
        checkIdentifier(table);
        if (table != null && table.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
            // Dolt names a database's own versioned settings (its collation) __DATABASE__<db> in dolt_status and
            // dolt_diff, so no table may take such a name
            throw new SqlError(ErrorCode.UNKNOWN_ERROR, "Invalid table name " + table + ". Table names beginning with `"
                    + RESERVED_PREFIX + "` are reserved for internal use");
        }
    }

    private static final String RESERVED_PREFIX = "__DATABASE__";

    /** MySQL's limit on table, column and index names: 64 characters (1059). */
    static void checkIdentifier(String name) {
        if (name != null && name.codePointCount(0, name.length()) > 64) {
            throw new SqlError(ErrorCode.TOO_LONG_IDENT, "Identifier name '" + name + "' is too long");
        }
    }

    static SchemaBuilder from(String table, TableSchema schema) {
        SchemaBuilder b = new SchemaBuilder(table);
        b.columns.addAll(schema.columns());
        b.primaryKey.addAll(schema.primaryKey());
        b.indexes.addAll(schema.indexes());
        b.checks.addAll(schema.checks());
        b.foreignKeys.addAll(schema.foreignKeys());
        b.collation = schema.collation();
        b.collatedPrimaryKey = schema.collatedPrimaryKey();
        b.comment = schema.comment();
        return b;
    }

    int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    int requireColumn(String name) {
        int i = columnIndex(name);
        if (i < 0) {
            throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + name + "' in '" + table + "'");
        }
        return i;
    }

    void addColumn(Column c, int position) {
        checkIdentifier(c.name());
        if (columnIndex(c.name()) >= 0) {
            throw new SqlError(ErrorCode.DUP_FIELDNAME, "Duplicate column name '" + c.name() + "'");
        }
        columns.add(position < 0 ? columns.size() : position, c);
    }

    void setPrimaryKey(List<String> cols) {
        if (!primaryKey.isEmpty()) {
            throw new SqlError(ErrorCode.MULTIPLE_PRI_KEY, "Multiple primary key defined");
        }
        primaryKey.addAll(cols);
    }

    /** Adds a PRIMARY KEY, UNIQUE, INDEX or FULLTEXT definition (SPATIAL becomes a plain index). */
    void addIndex(SqlMySqlIndex def) {
        List<String> cols = new ArrayList<>();
        List<Integer> prefixes = new ArrayList<>();
        String name = def.getEffectiveName() == null ? null : def.getEffectiveName().getSimple();
        boolean fulltext = def.getIndexKind() == SqlMySqlIndex.Kind.FULLTEXT;
        List<SqlMySqlKeyPart> parts = def.getParts();
        for (int p = 0; p < parts.size(); p++) {
            SqlMySqlKeyPart part = parts.get(p);
            if (part.getColumn() == null) {
                FunctionalKeyParts.refuseIn(def.getIndexKind() == SqlMySqlIndex.Kind.PRIMARY, fulltext);
                if (name == null) {
                    // an unnamed index is named after its first part; an expression has no name of its own
                    SqlMySqlKeyPart first = parts.get(0);
                    name = freeIndexName(first.getColumn() != null ? first.getColumn().getSimple()
                            : FunctionalKeyParts.DEFAULT_INDEX_NAME);
                } else {
                    checkNewName(name);
                }
                Column hidden = FunctionalKeyParts.hiddenColumn(table, name, p, part.getExpression(), columns);
                columns.add(hidden);
                cols.add(hidden.name());
                prefixes.add(0);
                continue;
            }
            cols.add(part.getColumn().getSimple());
            prefixes.add(Math.max(0, part.getPrefixLength()));
            if (part.getPrefixLength() >= 0) {
                prefixedParts.add(part);
            }
        }
        if (def.getIndexKind() == SqlMySqlIndex.Kind.PRIMARY) {
            setPrimaryKey(cols);
            return;
        }
        if (def.getIndexKind() == SqlMySqlIndex.Kind.SPATIAL) {
            requireSpatialKeyable(cols);
        }
        addIndex(name, cols, def.isUnique(), fulltext);
        if (!fulltext) {
            IndexDef added = indexes.remove(indexes.size() - 1);
            IndexDef declared = new IndexDef(added.name(), added.columns(), added.unique(), false, prefixes, true);
            indexes.add(declared);
            // MySQL drops an index it made for a foreign key once a declared index can serve the key instead
            indexes.removeIf(ix -> ix != declared && ix.forForeignKey() && declared.supersedes(ix));
        }
    }

    /** Adds the index MySQL makes for a foreign key whose columns no index leads with. */
    void addForeignKeyIndex(String name, List<String> cols) {
        addIndex(name, cols, false);
        indexes.set(indexes.size() - 1, indexes.get(indexes.size() - 1).withForForeignKey(true));
    }

    /** A SPATIAL index covers one NOT NULL spatial column (1252), as MySQL requires. */
    private void requireSpatialKeyable(List<String> cols) {
        for (String name : cols) {
            Column c = columns.stream().filter(col -> col.name().equalsIgnoreCase(name)).findFirst().orElse(null);
            if (c == null) {
                continue; // reported as an unknown key column where the index is built
            }
            if (!c.type().kind().isSpatial() || cols.size() > 1) {
                throw new SqlError(ErrorCode.SPATIAL_MUST_HAVE_GEOM_COL,
                        "A SPATIAL index may only contain a geometrical type column.");
            }
            if (c.nullable()) {
                throw new SqlError(ErrorCode.SPATIAL_CANT_HAVE_NULL, "All parts of a SPATIAL index must be NOT NULL");
            }
        }
    }

    /** A new index's name: PRIMARY is the primary key's alone (1280), and no two indexes share one (1061). */
    void checkNewName(String name) {
        if (name.equalsIgnoreCase("PRIMARY")) {
            throw new SqlError(ErrorCode.WRONG_NAME_FOR_INDEX, "Incorrect index name '" + name + "'");
        }
        if (hasIndex(name)) {
            throw new SqlError(ErrorCode.DUP_KEYNAME, "Duplicate key name '" + name + "'");
        }
    }

    void addIndex(String name, List<String> cols, boolean unique) {
        addIndex(name, cols, unique, false);
    }

    void addIndex(String name, List<String> cols, boolean unique, boolean fulltext) {
        if (name == null) {
            name = freeIndexName(cols.get(0));
        } else {
            checkNewName(name);
        }
        // every index built from now on keys its parts as MySQL compares them (collation, prefix)
        indexes.add(new IndexDef(name, cols, unique, fulltext, java.util.List.of(), true));
    }

    /**
     * Gives every index collated keys: for a rebuild that writes every index afresh anyway (ALTER TABLE changing
     * rows or column types), so an old table's indexes follow their collations from then on.
     */
    void collateAllKeys() {
        indexes.replaceAll(d -> d.withCollatedKeys(true));
        collatedPrimaryKey = true;
    }

    /**
     * Removes the hidden columns of index {@code name}'s functional key parts (MySQL drops them with the index)
     * and returns their positions, highest first.
     */
    List<Integer> dropHiddenColumnsOf(String name) {
        List<Integer> removed = new ArrayList<>();
        for (IndexDef ix : indexes) {
            if (!ix.name().equalsIgnoreCase(name)) {
                continue;
            }
            for (String c : ix.columns()) {
                int i = columnIndex(c);
                if (i >= 0 && columns.get(i).hidden()) {
                    removed.add(i);
                }
            }
        }
        removed.sort(java.util.Comparator.reverseOrder());
        for (int i : removed) {
            columns.remove(i);
        }
        return removed;
    }

    boolean hasIndex(String name) {
        return indexes.stream().anyMatch(i -> i.name().equalsIgnoreCase(name));
    }

    /** MySQL names an unnamed index after its first column, then {@code col_2}, {@code col_3} ... */
    private String freeIndexName(String column) {
        if (!hasIndex(column) && !column.equalsIgnoreCase("PRIMARY")) {
            return column;
        }
        for (int n = 2; ; n++) {
            String candidate = column + "_" + n;
            if (!hasIndex(candidate)) {
                return candidate;
            }
        }
    }

    /** Checks the finished definition and returns it. */
    /** Column {@code idx} as NOT NULL (a DEFAULT NULL goes with it), as key and AUTO_INCREMENT columns are. */
    private void makeNotNull(int idx) {
        Column c = columns.get(idx);
        if (c.nullable()) {
            columns.set(idx, new Column(c.name(), c.type(), false, "NULL".equals(c.defaultSql()) ? null
                    : c.defaultSql(), c.autoIncrement(), c.comment(), c.tag(), c.generatedSql(), c.stored(),
                    c.onUpdateSql()));
        }
    }

    TableSchema build() {
        if (columns.isEmpty()) {
            throw new SqlError(ErrorCode.CANT_REMOVE_ALL_FIELDS,
                    "You can't delete all columns with ALTER TABLE; use DROP TABLE instead");
        }
        List<String> pk = new ArrayList<>();
        for (String k : primaryKey) {
            int idx = columnIndex(k);
            if (idx < 0) {
                throw new SqlError(ErrorCode.KEY_COLUMN_DOES_NOT_EXIST, "Key column '" + k
                        + "' doesn't exist in table");
            }
            pk.add(columns.get(idx).name());
            makeNotNull(idx);
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).autoIncrement()) {
                makeNotNull(i); // MySQL makes an AUTO_INCREMENT column NOT NULL, key or not
            }
        }
        List<IndexDef> idx = new ArrayList<>();
        for (IndexDef d : indexes) {
            List<String> cols = new ArrayList<>();
            for (String c : d.columns()) {
                int i = columnIndex(c);
                if (i < 0) {
                    throw new SqlError(ErrorCode.KEY_COLUMN_DOES_NOT_EXIST, "Key column '" + c
                            + "' doesn't exist in table");
                }
                cols.add(columns.get(i).name());
                if (d.fulltext() && !columns.get(i).type().kind().isString()) {
                    throw new SqlError(ErrorCode.BAD_FT_COLUMN, "Column '" + columns.get(i).name()
                            + "' cannot be part of FULLTEXT index");
                }
            }
            idx.add(d.withColumns(cols));
        }
        for (SqlMySqlKeyPart part : prefixedParts) {
            checkPrefix(part);
        }
        DefaultExpressionOrder.check(columns);
        List<Column> autos = columns.stream().filter(Column::autoIncrement).toList();
        if (autos.size() > 1 || (autos.size() == 1 && !isKeyPrefix(autos.get(0).name(), pk, idx))) {
            throw new SqlError(ErrorCode.WRONG_AUTO_KEY, "Incorrect table definition; there can be only one auto "
                    + "column and it must be defined as a key");
        }
        for (ForeignKeyDef fk : foreignKeys) {
            for (String c : fk.columns()) {
                if (columnIndex(c) < 0) {
                    throw new SqlError(ErrorCode.FK_COLUMN_DROPPED, "Cannot drop column '" + c
                            + "': needed in a foreign key constraint '" + fk.name() + "'");
                }
                // SET NULL must be able to store NULL: MySQL refuses the key on (or a change to) a NOT NULL column
                if ((fk.onDelete() == ForeignKeyDef.Action.SET_NULL || fk.onUpdate() == ForeignKeyDef.Action.SET_NULL)
                        && !columns.get(columnIndex(c)).nullable()) {
                    throw new SqlError(ErrorCode.FK_COLUMN_NOT_NULL, "Column '" + columns.get(columnIndex(c)).name()
                            + "' cannot be NOT NULL: needed in a foreign key constraint '" + fk.name() + "' SET NULL");
                }
            }
        }
        String stored = dev.scion.sql.catalog.Collations.stored(collation);
        TableSchema out = new TableSchema(columns, pk, idx, checks, foreignKeys, stored, collatedPrimaryKey, comment);
        List<IndexDef> normalised = idx.stream().map(d -> d.normalisedFor(out)).toList();
        return normalised.equals(idx) ? out
                : new TableSchema(columns, pk, normalised, checks, foreignKeys, stored, collatedPrimaryKey, comment);
    }

    /**
     * MySQL's rules for a key part's prefix length: not 0 (1391), and only on a string or binary column, no longer
     * than a CHAR / VARCHAR / BINARY / VARBINARY column's length (1089). TEXT and BLOB take any prefix.
     */
    private void checkPrefix(SqlMySqlKeyPart part) {
        String name = part.getColumn().getSimple();
        int i = columnIndex(name);
        if (i < 0) {
            return; // reported as a missing key column
        }
        if (part.getPrefixLength() == 0) {
            throw new SqlError(ErrorCode.KEY_PART_0, "Key part '" + name + "' length cannot be 0");
        }
        ColumnType type = columns.get(i).type();
        boolean sized = switch (type.kind()) {
            case CHAR, VARCHAR, BINARY, VARBINARY -> true;
            default -> false;
        };
        boolean lob = switch (type.kind()) {
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> true;
            default -> false;
        };
        if ((!sized && !lob) || (sized && part.getPrefixLength() > type.maxLength())) {
            throw new SqlError(ErrorCode.WRONG_SUB_KEY, "Incorrect prefix key; the used key part isn't a string, "
                    + "the used length is longer than the key part, or the storage engine doesn't support unique "
                    + "prefix keys");
        }
    }

    private static boolean isKeyPrefix(String column, List<String> pk, List<IndexDef> indexes) {
        String lc = column.toLowerCase(Locale.ROOT);
        if (!pk.isEmpty() && pk.get(0).toLowerCase(Locale.ROOT).equals(lc)) {
            return true;
        }
        return indexes.stream().anyMatch(i -> i.columns().get(0).toLowerCase(Locale.ROOT).equals(lc));
    }

    /**
     * Before dropping {@code column}: as MySQL, a CHECK constraint on that column alone is dropped with it, and one
     * that also uses other columns makes the drop fail (3959).
     */
    void dropChecksOn(String column) {
        List<CheckDef> kept = new ArrayList<>();
        for (CheckDef check : checks) {
            java.util.Set<String> used = columnsOf(check);
            if (!used.contains(column.toLowerCase(Locale.ROOT))) {
                kept.add(check);
            } else if (used.size() > 1) {
                throw new SqlError(ErrorCode.DEPENDENT_BY_CHECK_CONSTRAINT, "Check constraint '" + check.name()
                        + "' uses column '" + column + "', hence column cannot be dropped or renamed.");
            }
        }
        checks.clear();
        checks.addAll(kept);
    }

    /** The column names (lower case) a CHECK constraint's expression names. */
    private static java.util.Set<String> columnsOf(CheckDef check) {
        java.util.Set<String> names = new java.util.HashSet<>();
        try {
            MySqlParser.parseExpression(check.expressionSql()).accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
                @Override
                public Void visit(org.apache.calcite.sql.SqlIdentifier id) {
                    names.add(id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT));
                    return null;
                }
            });
        } catch (org.apache.calcite.sql.parser.SqlParseException e) {
            throw new SqlError(ErrorCode.UNKNOWN_ERROR, "stored check constraint '" + check.name()
                    + "' does not parse: " + e.getMessage());
        }
        return names;
    }

    /**
     * Adds a CHECK constraint; an unnamed one is called {@code <table>_chk_<n>} as in MySQL. A NOT ENFORCED one is
     * kept, marked so, and validated like any other.
     */
    void addCheck(SqlMySqlCheck check) {
        String name = check.getName() == null ? null : check.getName().getSimple();
        if (name == null) {
            int n = checks.size() + 1;
            while (hasCheck(table + "_chk_" + n)) {
                n++;
            }
            name = table + "_chk_" + n;
        } else if (hasCheck(name)) {
            throw new SqlError(ErrorCode.DUP_CHECK_NAME, "Duplicate check constraint name '" + name + "'.");
        }
        CheckExpressions.requireDeterministic(name, check.getExpression());
        String text = check.getExpression().toSqlString(c -> c.withDialect(MySqlParser.DIALECT)
                .withClauseStartsLine(false).withClauseEndsLine(false)).getSql();
        checks.add(new CheckDef(name, text, check.isEnforced()));
    }

    boolean hasForeignKey(String name) {
        return foreignKeys.stream().anyMatch(f -> f.name().equalsIgnoreCase(name));
    }

    boolean hasCheck(String name) {
        return checks.stream().anyMatch(c -> c.name().equalsIgnoreCase(name));
    }

    String table() {
        return table;
    }
}
