package dev.scion.wire.api;

/** Column definition flags. */
public enum ColumnFlag {
    NOT_NULL(1), PRIMARY_KEY(2), UNIQUE_KEY(4), MULTIPLE_KEY(8), BLOB(16), UNSIGNED(32), ZEROFILL(64),
    BINARY(128), ENUM(256), AUTO_INCREMENT(512), TIMESTAMP(1024), SET(2048), NO_DEFAULT_VALUE(4096),
    ON_UPDATE_NOW(8192), NUM(32768);

    private final int bit;

    ColumnFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
