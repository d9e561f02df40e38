package dev.scion.server.bridge;

import dev.scion.sql.result.ResultColumn;
import dev.scion.wire.api.ColumnFlag;
import dev.scion.wire.api.MySqlType;
import dev.scion.wire.api.WireColumn;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Maps the engine's result columns to protocol column definitions. */
final class ColumnTranslator {
    private ColumnTranslator() {
    }

    static List<WireColumn> translate(List<ResultColumn> columns) {
        return columns.stream().map(ColumnTranslator::translate).toList();
    }

    static WireColumn translate(ResultColumn c) {
        Set<ColumnFlag> flags = EnumSet.noneOf(ColumnFlag.class);
        MySqlType type = switch (c.kind()) {
            // MySQL describes ENUM and SET columns as CHAR (STRING) with a flag; clients key off the flag
            case ENUM -> {
                flags.add(ColumnFlag.ENUM);
                yield MySqlType.STRING;
            }
            case SET -> {
                flags.add(ColumnFlag.SET);
                yield MySqlType.STRING;
            }
            default -> MySqlType.valueOf(c.kind().name());
        };
        if (!c.nullable()) {
            flags.add(ColumnFlag.NOT_NULL);
        }
        if (c.primaryKey()) {
            flags.add(ColumnFlag.PRIMARY_KEY);
        }
        if (c.unsigned()) {
            flags.add(ColumnFlag.UNSIGNED);
        }
        if (c.autoIncrement()) {
            flags.add(ColumnFlag.AUTO_INCREMENT);
        }
        if (c.binary()) {
            flags.add(ColumnFlag.BINARY);
        }
        if (type == MySqlType.BLOB || type == MySqlType.GEOMETRY) {
            flags.add(ColumnFlag.BLOB);
        }
        boolean numeric = switch (type) {
            case TINY, SHORT, INT24, LONG, LONGLONG, NEWDECIMAL, DECIMAL, FLOAT, DOUBLE, YEAR, BIT -> true;
            default -> false;
        };
        if (numeric) {
            flags.add(ColumnFlag.NUM);
        }
        int charset = c.binary() ? WireColumn.BINARY : WireColumn.UTF8MB4;
        long length = c.binary() ? c.length() : c.length() * 4;
        return new WireColumn(c.schema(), c.table(), c.orgTable(), c.name(), c.orgName(), charset,
                Math.min(length, 0xFFFFFFFFL), type, flags, c.decimals());
    }
}
