package dev.scion.sql.dml;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Fits a DATETIME, TIMESTAMP or TIME value to its column's fractional-second digits (0 to 6; 0 when none are
 * declared). MySQL rounds half away from zero, which can carry into the next second, minute or day; with
 * sql_mode TIME_TRUNCATE_FRACTIONAL it cuts the extra digits instead.
 */
final class FractionalSeconds {
    private FractionalSeconds() {
    }

    static LocalDateTime fit(LocalDateTime t, int fsp, boolean truncate) {
        long unit = unit(fsp);
        long nanos = t.getNano();
        long fitted = fitNanos(nanos, unit, truncate);
        return fitted == nanos ? t : t.withNano(0).plusNanos(fitted);
    }

    /** A TIME's magnitude is fitted, so -00:00:00.5 rounds to -00:00:01 as 00:00:00.5 rounds to 00:00:01. */
    static Duration fit(Duration d, int fsp, boolean truncate) {
        long unit = unit(fsp);
        Duration abs = d.abs();
        long nanos = abs.getNano();
        long fitted = fitNanos(nanos, unit, truncate);
        if (fitted == nanos) {
            return d;
        }
        Duration r = Duration.ofSeconds(abs.getSeconds()).plusNanos(fitted);
        return d.isNegative() ? r.negated() : r;
    }

    private static long unit(int fsp) {
        int digits = Math.max(0, Math.min(6, fsp));
        long unit = 1;
        for (int i = digits; i < 9; i++) {
            unit *= 10;
        }
        return unit;
    }

    private static long fitNanos(long nanos, long unit, boolean truncate) {
        return truncate ? nanos / unit * unit : (nanos + unit / 2) / unit * unit;
    }
}
