package dev.scion.sql.lock;

import dev.scion.sql.catalog.DatabaseState;

/**
 * The latest committed version of a row a transaction just locked, which its snapshot had differently:
 * {@code snapshotValue} is what the snapshot held, {@code latestValue} what the branch holds now (encoded row
 * values; null for no row).
 */
public record CurrentRow(DatabaseState database, String table, byte[] key, byte[] snapshotValue,
                         byte[] latestValue) {
}
