package dev.scion.versioning.ops;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The versioned tables with a meaning to version control, dolt_docs, dolt_ignore, dolt_tests, dolt_query_catalog
 * and dolt_nonlocal_tables. They are ordinary tables of
 * the root (committed, diffed and merged like any other) that exist only once something is written to them;
 * until then they read as empty. Their columns get the tags a CREATE TABLE of the same definition would give, so
 * a table made either way merges with the other.
 */
public final class DoltTables {
    public static final String DOCS = "dolt_docs";
    public static final String IGNORE = "dolt_ignore";
    /** Dolt's saved SQL unit tests, run by dolt_test_run(). */
    public static final String TESTS = "dolt_tests";
    /** Names (or patterns) of tables read and written on another branch (Dolt's nonlocal tables). */
    public static final String NONLOCAL = "dolt_nonlocal_tables";
    /** Saved queries with a name and a display order (Dolt's query catalog). */
    public static final String QUERY_CATALOG = "dolt_query_catalog";

    private static final TableSchema DOCS_SCHEMA = new TableSchema(List.of(
            column(DOCS, "doc_name", ColumnType.of(TypeKind.VARCHAR, 16383), false),
            column(DOCS, "doc_text", ColumnType.of(TypeKind.LONGTEXT), true)), List.of("doc_name"), List.of());
    private static final TableSchema IGNORE_SCHEMA = new TableSchema(List.of(
            column(IGNORE, "pattern", ColumnType.of(TypeKind.VARCHAR, 16383), false),
            column(IGNORE, "ignored", ColumnType.of(TypeKind.TINYINT), false)), List.of("pattern"), List.of());
    private static final TableSchema TESTS_SCHEMA = new TableSchema(List.of(
            column(TESTS, "test_name", ColumnType.of(TypeKind.VARCHAR, 16383), false),
            column(TESTS, "test_group", ColumnType.of(TypeKind.VARCHAR, 16383), true),
            column(TESTS, "test_query", ColumnType.of(TypeKind.LONGTEXT), false),
            column(TESTS, "assertion_type", ColumnType.of(TypeKind.VARCHAR, 16383), false),
            column(TESTS, "assertion_comparator", ColumnType.of(TypeKind.VARCHAR, 16383), false),
            column(TESTS, "assertion_value", ColumnType.of(TypeKind.LONGTEXT), true)),
            List.of("test_name"), List.of());
    private static final TableSchema QUERY_CATALOG_SCHEMA = new TableSchema(List.of(
            column(QUERY_CATALOG, "id", ColumnType.of(TypeKind.VARCHAR, 16383), false),
            column(QUERY_CATALOG, "display_order", new ColumnType(TypeKind.BIGINT, -1, -1, true, List.of()), false),
            column(QUERY_CATALOG, "name", ColumnType.of(TypeKind.VARCHAR, 16383), true),
            column(QUERY_CATALOG, "query", ColumnType.of(TypeKind.VARCHAR, 16383), true),
            column(QUERY_CATALOG, "description", ColumnType.of(TypeKind.VARCHAR, 16383), true)),
            List.of("id"), List.of());

    private static final TableSchema NONLOCAL_SCHEMA = new TableSchema(List.of(
            column(NONLOCAL, "table_name", ColumnType.of(TypeKind.VARCHAR, 2048), false),
            column(NONLOCAL, "target_ref", ColumnType.of(TypeKind.VARCHAR, 2048), true),
            column(NONLOCAL, "ref_table", ColumnType.of(TypeKind.VARCHAR, 2048), true),
            column(NONLOCAL, "options", ColumnType.of(TypeKind.VARCHAR, 2048), true)),
            List.of("table_name"), List.of());

    private DoltTables() {
    }

    /** The schema of one of these tables; empty for any other name. */
    public static Optional<TableSchema> schema(String table) {
        return switch (table.toLowerCase(Locale.ROOT)) {
            case DOCS -> Optional.of(DOCS_SCHEMA);
            case IGNORE -> Optional.of(IGNORE_SCHEMA);
            case TESTS -> Optional.of(TESTS_SCHEMA);
            case QUERY_CATALOG -> Optional.of(QUERY_CATALOG_SCHEMA);
            case NONLOCAL -> Optional.of(NONLOCAL_SCHEMA);
            default -> Optional.empty();
        };
    }

    private static Column column(String table, String name, ColumnType type, boolean nullable) {
        long tag = (table + "." + name).hashCode() & 0xffffffffL;
        return new Column(name, type, nullable, null, false, null, tag);
    }
}
