package dev.scion.wire.api;

/** MySQL column types with their protocol codes. */
public enum MySqlType {
    DECIMAL(0x00), TINY(0x01), SHORT(0x02), LONG(0x03), FLOAT(0x04), DOUBLE(0x05), NULL(0x06), TIMESTAMP(0x07),
    LONGLONG(0x08), INT24(0x09), DATE(0x0a), TIME(0x0b), DATETIME(0x0c), YEAR(0x0d), VARCHAR(0x0f), BIT(0x10),
    JSON(0xf5), NEWDECIMAL(0xf6), ENUM(0xf7), SET(0xf8), TINY_BLOB(0xf9), MEDIUM_BLOB(0xfa), LONG_BLOB(0xfb),
    BLOB(0xfc), VAR_STRING(0xfd), STRING(0xfe), GEOMETRY(0xff);

    private final int code;

    MySqlType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isText() {
        return switch (this) {
            case VARCHAR, VAR_STRING, STRING, ENUM, SET, JSON, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB, BLOB -> true;
            default -> false;
        };
    }

    /** Indexed by code: every parameter of every COM_STMT_EXECUTE looks its type up. */
    private static final MySqlType[] BY_CODE = new MySqlType[256];

    static {
        for (MySqlType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    public static MySqlType fromCode(int code) {
        MySqlType t = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (t == null) {
            throw new IllegalArgumentException("unknown MySQL type code " + code);
        }
        return t;
    }
}
