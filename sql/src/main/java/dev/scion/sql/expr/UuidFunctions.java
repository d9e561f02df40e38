package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.util.UUID;

/**
 * MySQL 8's UUID functions: UUID(), UUID_SHORT(), IS_UUID, UUID_TO_BIN and BIN_TO_UUID with the swap flag, and Dolt's
 * LAST_INSERT_UUID(). A UUID's text is read as MySQL reads it: 32 hex digits, optionally grouped 8-4-4-4-12 by
 * dashes, optionally in braces. The swap flag moves the time-high group to the front (and back), so UUIDs of
 * version 1 sort by time as binary keys.
 */
final class UuidFunctions {
    /**
     * UUID_SHORT()'s counter, as MySQL builds it: (server_id & 255) << 56, plus the server's start time in seconds
     * << 24, plus one per call. Like MySQL's, it is set up once at start-up from the server_id of then (1, as
     * MySQL's default; a later SET GLOBAL server_id does not change it).
     */
    private static final java.util.concurrent.atomic.AtomicLong SHORT = new java.util.concurrent.atomic.AtomicLong(
            ((Long) dev.scion.sql.session.SystemVariables.defaultValue("server_id") & 255) << 56
                    | (System.currentTimeMillis() / 1000 & 0xFFFFFFFFL) << 24);

    private UuidFunctions() {
    }

    /** The compiled call, or null if {@code name} is not one of these functions. */
    static Expr compile(String name, Expr[] a) {
        switch (name) {
            case "UUID":
                return (row, ctx) -> UUID.randomUUID().toString();
            case "UUID_SHORT":
                return (row, ctx) -> SHORT.incrementAndGet();
            case "LAST_INSERT_UUID":
                return (row, ctx) -> ctx.session().lastInsertUuid();
            case "IS_UUID":
                return (row, ctx) -> {
                    Object v = a[0].eval(row, ctx);
                    return v == null ? null : (Object) (UuidText.parse(Values.toStringValue(v)) != null ? 1L : 0L);
                };
            case "UUID_TO_BIN":
                return (row, ctx) -> {
                    Object v = a[0].eval(row, ctx);
                    if (v == null) {
                        return null;
                    }
                    byte[] bin = UuidText.parse(Values.toStringValue(v));
                    if (bin == null) {
                        throw incorrect(Values.toStringValue(v), "uuid_to_bin");
                    }
                    return swapped(a, row, ctx) ? UuidText.swap(bin) : bin;
                };
            case "BIN_TO_UUID":
                return (row, ctx) -> {
                    Object v = a[0].eval(row, ctx);
                    if (v == null) {
                        return null;
                    }
                    byte[] bin = BuiltinFunctions.bytes(v);
                    if (bin.length != 16) {
                        throw incorrect(Values.toStringValue(v), "bin_to_uuid");
                    }
                    return UuidText.format(swapped(a, row, ctx) ? UuidText.unswap(bin) : bin);
                };
            default:
                return null;
        }
    }

    /** MySQL reads the optional second argument as a truth value; NULL means no swap. */
    private static boolean swapped(Expr[] a, Object[] row, dev.scion.sql.exec.ExecContext ctx) {
        if (a.length < 2) {
            return false;
        }
        Boolean t = Values.truth(a[1].eval(row, ctx));
        return t != null && t;
    }

    private static SqlError incorrect(String value, String function) {
        return new SqlError(ErrorCode.WRONG_VALUE_FOR_TYPE, "Incorrect string value: '" + value
                + "' for function " + function);
    }
}
