package dev.scion.sql.lock;

import java.nio.ByteBuffer;

/**
 * One row of one table on one branch: what a row lock protects. {@code database} is the canonical database name and
 * {@code table} the stored table name, so two spellings of the same row meet on the same lock; {@code key} is the
 * row's encoded primary key (for a keyless table, its row hash).
 */
public record RowLockKey(String database, String branch, String table, ByteBuffer key) {

    public static RowLockKey of(String database, String branch, String table, byte[] key) {
        return new RowLockKey(database, branch, table, ByteBuffer.wrap(key));
    }
}
