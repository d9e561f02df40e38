package dev.scion.sql.expr;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import static dev.scion.sql.expr.BuiltinFunctions.strictN;

/**
 * MySQL's unit-based and time-of-day arithmetic: TIMESTAMPDIFF, TIMESTAMPADD, CONVERT_TZ, TIMEDIFF, ADDTIME,
 * SUBTIME, MAKETIME. TIMESTAMPDIFF / TIMESTAMPADD receive their unit as a string (MySqlCallRewrites), so they take
 * strings, dates and datetimes alike, as MySQL does.
 */
final class TimeFunctions {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private TimeFunctions() {
    }

    static Expr compile(String name, Expr[] a) {
        return switch (name) {
            case "SCION_TIMESTAMPDIFF" -> strictN(a, v -> diff(unit(v[0]), v[1], v[2]));
            case "SCION_TIMESTAMPADD" -> (row, ctx) -> strictN(a, v -> {
                Object sum = add(unit(v[0]), Values.toLong(v[1]), v[2]);
                if (sum == null && DateFunctions.dateTime(v[2]) == null) {
                    DateFunctions.warnNoDate(ctx, v[2]);
                }
                return sum;
            }).eval(row, ctx);
            case "CONVERT_TZ" -> strictN(a, v -> convertTz(v[0], Values.toStringValue(v[1]),
                    Values.toStringValue(v[2])));
            case "TIMEDIFF" -> strictN(a, v -> timeDiff(v[0], v[1]));
            case "ADDTIME" -> strictN(a, v -> addTime(v[0], v[1], 1));
            case "SUBTIME" -> strictN(a, v -> addTime(v[0], v[1], -1));
            case "MAKETIME" -> strictN(a, v -> {
                long h = Values.toLong(v[0]);
                long m = Values.toLong(v[1]);
                long s = Values.toLong(v[2]);
                if (m < 0 || m > 59 || s < 0 || s > 59) {
                    return null;
                }
                return duration((Math.abs(h) * 3600 + m * 60 + s) * (h < 0 ? -1 : 1));
            });
            default -> null;
        };
    }

    /** A unit of TIMESTAMPDIFF / TIMESTAMPADD: java.time's unit and how many of it make one (QUARTER = 3 months). */
    private record Unit(ChronoUnit chrono, int times) {
    }

    private static Unit unit(Object v) {
        String u = Values.toStringValue(v).toUpperCase(Locale.ROOT);
        if (u.startsWith("SQL_TSI_")) {
            u = u.substring(8);
        }
        return switch (u) {
            case "MICROSECOND" -> new Unit(ChronoUnit.MICROS, 1);
            case "SECOND" -> new Unit(ChronoUnit.SECONDS, 1);
            case "MINUTE" -> new Unit(ChronoUnit.MINUTES, 1);
            case "HOUR" -> new Unit(ChronoUnit.HOURS, 1);
            case "DAY" -> new Unit(ChronoUnit.DAYS, 1);
            case "WEEK" -> new Unit(ChronoUnit.WEEKS, 1);
            case "MONTH" -> new Unit(ChronoUnit.MONTHS, 1);
            case "QUARTER" -> new Unit(ChronoUnit.MONTHS, 3);
            case "YEAR" -> new Unit(ChronoUnit.YEARS, 1);
            default -> throw new dev.scion.sql.error.SqlError(dev.scion.sql.error.ErrorCode.PARSE_ERROR,
                    "You have an error in your SQL syntax; unknown unit " + u);
        };
    }

    /** Whole units from {@code a} to {@code b}, truncated toward zero (MySQL counts complete months and years). */
    private static Object diff(Unit unit, Object a, Object b) {
        LocalDateTime x = DateFunctions.dateTime(a);
        LocalDateTime y = DateFunctions.dateTime(b);
        if (x == null || y == null) {
            return null;
        }
        return unit.chrono().between(x, y) / unit.times();
    }

    /**
     * TIMESTAMPADD: a date-only argument moved by days or longer units stays a date ("2024-01-02"); anything
     * else is a datetime.
     */
    private static Object add(Unit unit, long n, Object v) {
        LocalDateTime t = DateFunctions.dateTime(v);
        if (t == null) {
            return null;
        }
        LocalDateTime r = t.plus(n * unit.times(), unit.chrono());
        boolean dateOnly = (v instanceof LocalDate || !(v instanceof LocalDateTime)
                && Values.toStringValue(v).strip().length() <= 10)
                && unit.chrono().compareTo(ChronoUnit.DAYS) >= 0;
        if (dateOnly) {
            return r.toLocalDate().toString();
        }
        return r.getNano() == 0 ? r.format(DATETIME) : r.format(DATETIME) + String.format(Locale.ROOT, ".%06d",
                r.getNano() / 1000);
    }

    /** CONVERT_TZ with offsets ('+01:00') or zone names Java knows; NULL for a zone it cannot read. */
    private static Object convertTz(Object v, String from, String to) {
        LocalDateTime t = DateFunctions.dateTime(v);
        ZoneId f = zone(from);
        ZoneId z = zone(to);
        if (t == null || f == null || z == null) {
            return null;
        }
        return t.atZone(f).withZoneSameInstant(z).toLocalDateTime();
    }

    private static ZoneId zone(String name) {
        String n = name.strip();
        if (n.equalsIgnoreCase("SYSTEM")) {
            return java.time.ZoneOffset.UTC;
        }
        try {
            if (n.startsWith("+") || n.startsWith("-")) {
                return java.time.ZoneOffset.of(n.length() == 5 ? n.charAt(0) + "0" + n.substring(1) : n);
            }
            return ZoneId.of(n);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * TIMEDIFF: a TIME, to the microsecond. Two datetimes (values or text longer than a time) subtract as instants;
     * anything else as TIMEs.
     */
    private static Object timeDiff(Object a, Object b) {
        Duration x = point(a);
        Duration y = point(b);
        if (x == null || y == null) {
            return null;
        }
        return MySqlTime.clip(x.minus(y));
    }

    /** TIMESTAMP(dt, time): the datetime plus a TIME (to the microsecond), or null if either is not one. */
    static LocalDateTime timestampPlus(Object dt, Object time) {
        LocalDateTime t = DateFunctions.dateTime(dt);
        Duration d = MySqlTime.of(time);
        return t == null || d == null ? null : t.plus(d);
    }

    /**
     * ADDTIME/SUBTIME, to the microsecond: a datetime stays a datetime, a TIME a TIME. Text arguments give text
     * (MySQL's string result), with a fraction only when there is one.
     */
    private static Object addTime(Object a, Object delta, int sign) {
        Duration d = MySqlTime.of(delta);
        if (d == null) {
            return null;
        }
        Duration signed = sign < 0 ? d.negated() : d;
        boolean text = !(a instanceof LocalDateTime || a instanceof LocalTime || a instanceof Duration);
        if (a instanceof LocalDateTime || text && isDateTimeText(a)) {
            LocalDateTime r = DateFunctions.dateTime(a).plus(signed);
            return text ? Values.toStringValue(r) : r;
        }
        Duration t = MySqlTime.of(a);
        if (t == null) {
            return null;
        }
        Duration r = MySqlTime.clip(t.plus(signed));
        return text ? MySqlTime.text(r) : r;
    }

    private static boolean isDateTimeText(Object v) {
        return Values.toStringValue(v).strip().length() > 10 && DateFunctions.dateTime(v) != null;
    }

    /** A value as a point to subtract: a datetime's time since the epoch, a TIME's since midnight. */
    private static Duration point(Object v) {
        if (v instanceof LocalDateTime t) {
            return Duration.ofSeconds(t.toEpochSecond(java.time.ZoneOffset.UTC), t.getNano());
        }
        if (!(v instanceof LocalTime || v instanceof Duration) && isDateTimeText(v)) {
            return point(DateFunctions.dateTime(v));
        }
        return MySqlTime.of(v);
    }

    /** A TIME value's text, clipped to MySQL's range. */
    private static String duration(long seconds) {
        long s = Math.max(-MySqlTime.MAX_SECONDS, Math.min(MySqlTime.MAX_SECONDS, seconds));
        long abs = Math.abs(s);
        return (s < 0 ? "-" : "") + String.format(Locale.ROOT, "%02d:%02d:%02d", abs / 3600, abs / 60 % 60, abs % 60);
    }
}
