package dev.scion.wire.api;

import java.util.Set;

/** A column definition as sent in a result set or COM_FIELD_LIST response. */
public record WireColumn(
        String schema,
        String table,
        String orgTable,
        String name,
        String orgName,
        int characterSet,
        long columnLength,
        MySqlType type,
        Set<ColumnFlag> flags,
        int decimals) {

    /** utf8mb4_0900_ai_ci. */
    public static final int UTF8MB4 = 255;
    /** binary. */
    public static final int BINARY = 63;

    public static WireColumn of(String name, MySqlType type, long length) {
        boolean text = type.isText();
        return new WireColumn("", "", "", name, name, text ? UTF8MB4 : BINARY, length, type,
                text ? Set.of() : Set.of(ColumnFlag.BINARY), type == MySqlType.DOUBLE || type == MySqlType.FLOAT ? 31 : 0);
    }
}
