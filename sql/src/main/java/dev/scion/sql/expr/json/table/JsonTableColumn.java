package dev.scion.sql.expr.json.table;

import dev.scion.sql.parser.ddl.SqlMySqlDataType;

import java.util.List;

/**
 * One entry of a JSON_TABLE COLUMNS clause as parsed: an ordinality counter, a value or EXISTS column read by a
 * path relative to the row, or a NESTED PATH with columns of its own.
 */
public record JsonTableColumn(Kind kind, String name, SqlMySqlDataType type, String path,
                              OnMissing onEmpty, String emptyDefault, OnMissing onError, String errorDefault,
                              List<JsonTableColumn> nested) {

    public enum Kind { ORDINALITY, VALUE, EXISTS, NESTED }

    /** What a value column gives when its path finds nothing (ON EMPTY) or a value it cannot hold (ON ERROR). */
    public enum OnMissing { NULL, DEFAULT, ERROR }

    public static JsonTableColumn ordinality(String name) {
        return new JsonTableColumn(Kind.ORDINALITY, name, null, null, OnMissing.NULL, null, OnMissing.NULL, null,
                List.of());
    }

    public static JsonTableColumn exists(String name, SqlMySqlDataType type, String path) {
        return new JsonTableColumn(Kind.EXISTS, name, type, path, OnMissing.NULL, null, OnMissing.NULL, null,
                List.of());
    }

    public static JsonTableColumn value(String name, SqlMySqlDataType type, String path, OnMissing onEmpty,
                                        String emptyDefault, OnMissing onError, String errorDefault) {
        return new JsonTableColumn(Kind.VALUE, name, type, path, onEmpty, emptyDefault, onError, errorDefault,
                List.of());
    }

    public static JsonTableColumn nested(String path, List<JsonTableColumn> columns) {
        return new JsonTableColumn(Kind.NESTED, null, null, path, OnMissing.NULL, null, OnMissing.NULL, null,
                List.copyOf(columns));
    }
}
