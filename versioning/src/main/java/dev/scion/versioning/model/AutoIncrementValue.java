package dev.scion.versioning.model;

import java.math.BigInteger;

/**
 * An auto-increment value is an unsigned 64-bit number, as InnoDB's counter is: a BIGINT UNSIGNED column counts up
 * to 2^64-1. It is kept in a {@code long} (the stored form is unchanged: values below 2^63 have the same bits either
 * way, and no earlier version stored a value at or above it), so every comparison and increment here reads the
 * bits as unsigned.
 */
public final class AutoIncrementValue {
    /** 2^64-1, the largest value; the counter stays here once it reaches it (no generated value may take it). */
    public static final long LAST = -1L;

    private AutoIncrementValue() {
    }

    /** The value after {@code id}: {@code id + 1}, or {@link #LAST} when {@code id} is already the last. */
    public static long after(long id) {
        return id == LAST ? LAST : id + 1;
    }

    /** The larger of two values read as unsigned. */
    public static long larger(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    /** Whether {@code a} is above {@code b}, both read as unsigned. */
    public static boolean above(long a, long b) {
        return Long.compareUnsigned(a, b) > 0;
    }

    /** The value as a number SQL shows: a Long below 2^63, a BigInteger from there on. */
    public static Number asNumber(long value) {
        return value >= 0 ? Long.valueOf(value) : new BigInteger(Long.toUnsignedString(value));
    }
}
