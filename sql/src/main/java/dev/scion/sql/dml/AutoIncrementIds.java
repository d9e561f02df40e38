package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.versioning.model.AutoIncrementValue;
import dev.scion.versioning.schema.Column;

import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * How a row's auto-increment column meets the table's unsigned counter ({@link AutoIncrementValue}): what an
 * explicit value makes the next generated one, and which generated value a column of a given type receives.
 */
public final class AutoIncrementIds {
    private AutoIncrementIds() {
    }

    /**
     * The counter's next value after an explicit {@code value} was stored, or 0 (which raises nothing) for a
     * negative one: MySQL's counter ignores values below zero. A BIGINT UNSIGNED value from 2^63 on arrives as a
     * BigInteger and keeps its 64 bits.
     */
    public static long nextAfterExplicit(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long l = ((Number) value).longValue();
            return l < 0 ? 0 : AutoIncrementValue.after(l);
        }
        // a literal from 2^63 on is a DECIMAL, a stored BIGINT UNSIGNED value a BigInteger: keep all 64 bits
        BigInteger i = value instanceof BigInteger b ? b
                : dev.scion.sql.expr.Values.toDecimal(value).setScale(0, RoundingMode.HALF_UP).toBigInteger();
        if (i.signum() < 0) {
            return 0;
        }
        return i.bitLength() > 64 ? AutoIncrementValue.LAST : AutoIncrementValue.after(i.longValue());
    }

    /**
     * The value a generated {@code id} stores in {@code col}. InnoDB hands out a smaller type's largest value once
     * the counter is past it, so a full column fails on that value's duplicate (1062), not on range (1264); a
     * BIGINT UNSIGNED counter instead runs out at 2^64-1, which MySQL refuses to hand out (1467).
     */
    static Object generated(long id, Column col) {
        if (col.type().unsigned() && col.type().kind() == dev.scion.versioning.schema.TypeKind.BIGINT) {
            if (id == AutoIncrementValue.LAST) {
                throw new SqlError(ErrorCode.AUTOINC_READ_FAILED,
                        "Failed to read auto-increment value from storage engine");
            }
            return AutoIncrementValue.asNumber(id);
        }
        long largest = ColumnValues.largest(col.type());
        return AutoIncrementValue.above(id, largest) ? largest : id;
    }
}
