package dev.scion.sql.dolt;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the schema a system table declares, as Dolt declares it (MySQL types and key columns), for DESCRIBE and
 * SHOW COLUMNS. The planner's row type cannot say this: it has no TEXT, no unsigned BIGINT and no key.
 */
final class DeclaredSchema {
    private final List<Column> columns = new ArrayList<>();
    private final List<String> key = new ArrayList<>();

    DeclaredSchema column(String name, ColumnType type, boolean nullable) {
        columns.add(new Column(name, type, nullable, null, false, null, 0));
        return this;
    }

    /** A NOT NULL column that is part of the primary key. */
    DeclaredSchema key(String name, ColumnType type) {
        key.add(name);
        return column(name, type, false);
    }

    TableSchema build() {
        return new TableSchema(List.copyOf(columns), List.copyOf(key), List.of());
    }

    static ColumnType text() {
        return ColumnType.of(TypeKind.TEXT);
    }

    static ColumnType varchar(int length) {
        return ColumnType.of(TypeKind.VARCHAR, length);
    }

    /** tinyint(1), as MySQL shows BOOLEAN. */
    static ColumnType bool() {
        return ColumnType.of(TypeKind.BOOLEAN);
    }

    static ColumnType unsignedBigint() {
        return new ColumnType(TypeKind.BIGINT, -1, -1, true, List.of());
    }

    static ColumnType datetime3() {
        return ColumnType.of(TypeKind.DATETIME, 3);
    }
}
