package dev.scion.sql.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's TIME values at run time. Every TIME a query computes is a {@link Duration} (signed, whole microseconds,
 * hours past 24), the form a TIME column stores, so a column, a literal, a CAST and CURTIME() compare and hash alike.
 * Other values are read as a TIME the way MySQL's str_to_time / number_to_time read them: text
 * {@code [-][D ]H:MM[:SS][.ffffff]}, digits {@code [[H]HMM]SS[.ffffff]}, a datetime's time of day.
 */
public final class MySqlTime {
    /** MySQL's range: -838:59:59.999999 to 838:59:59.999999 (CAST and functions clip to it). */
    public static final long MAX_SECONDS = 838 * 3600 + 59 * 60 + 59;

    private static final Pattern COLON_TEXT = Pattern.compile(
            "\\s*(-)?\\s*(?:(\\d+)\\s+)?(\\d+):(\\d{1,2})(?::(\\d{1,2}))?(?:\\.(\\d*))?\\s*");
    private static final Pattern DAY_HOUR_TEXT = Pattern.compile("\\s*(-)?\\s*(\\d+)\\s+(\\d+)(?:\\.(\\d*))?\\s*");
    private static final Pattern DIGIT_TEXT = Pattern.compile("\\s*(-)?\\s*(\\d+)(?:\\.(\\d*))?\\s*");
    /** Beyond hhhhhhmmss a number is a datetime (MySQL's number_to_time). */
    private static final long DATETIME_NUMBER = 10_000_000_000L;

    private MySqlTime() {
    }

    /** The TIME {@code v} reads as, or null when it is none (NULL, 'abc', '10:61:00', 1260). */
    public static Duration of(Object v) {
        if (v == null || v instanceof Duration) {
            return (Duration) v;
        }
        if (v instanceof LocalTime t) {
            return Duration.ofNanos(t.toNanoOfDay());
        }
        if (v instanceof LocalDateTime t) {
            return Duration.ofNanos(t.toLocalTime().toNanoOfDay());
        }
        if (v instanceof LocalDate) {
            return Duration.ZERO;
        }
        if (v instanceof Boolean b) {
            return Duration.ofSeconds(b ? 1 : 0);
        }
        if (v instanceof Number) {
            return ofNumber(Values.toDecimal(v));
        }
        return parse(Values.toStringValue(v));
    }

    /** The TIME of a time of day. */
    public static Duration of(LocalTime t) {
        return Duration.ofNanos(t.toNanoOfDay());
    }

    /** Text read as a TIME, or null. */
    static Duration parse(String s) {
        Matcher m = COLON_TEXT.matcher(s);
        if (m.matches()) {
            long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            return fields(m.group(1) != null, days * 24 + Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                    m.group(5) == null ? 0 : Long.parseLong(m.group(5)), m.group(6));
        }
        m = DAY_HOUR_TEXT.matcher(s);
        if (m.matches()) {
            return fields(m.group(1) != null, Long.parseLong(m.group(2)) * 24 + Long.parseLong(m.group(3)), 0, 0,
                    m.group(4));
        }
        m = DIGIT_TEXT.matcher(s);
        if (m.matches() && m.group(2).length() <= 10) {
            long n = Long.parseLong(m.group(2));
            return fields(m.group(1) != null, n / 10000, n / 100 % 100, n % 100, m.group(3));
        }
        LocalDateTime t = DateFunctions.dateTime(s);
        return t == null ? null : of(t);
    }

    private static Duration ofNumber(BigDecimal n) {
        BigDecimal abs = n.abs();
        if (abs.compareTo(BigDecimal.valueOf(DATETIME_NUMBER)) >= 0) {
            LocalDateTime t = DateFunctions.dateTime(n);
            return t == null ? null : of(t);
        }
        long whole = abs.setScale(0, RoundingMode.DOWN).longValueExact();
        long micros = abs.subtract(BigDecimal.valueOf(whole)).movePointRight(6).setScale(0, RoundingMode.DOWN)
                .longValue();
        return build(n.signum() < 0, whole / 10000, whole / 100 % 100, whole % 100, micros);
    }

    private static Duration fields(boolean negative, long hours, long minutes, long seconds, String fraction) {
        long micros = fraction == null ? 0 : roundedMicros(fraction);
        if (micros == 1_000_000) {
            seconds++;
            micros = 0;
            if (seconds == 60) {
                seconds = 0;
                minutes++;
                if (minutes == 60) {
                    minutes = 0;
                    hours++;
                }
            }
        }
        return build(negative, hours, minutes, seconds, micros);
    }

    /**
     * Fraction digits as microseconds, rounded at the seventh digit as MySQL rounds (not truncates) a literal's
     * extra digits: ".9999994" is 999999, ".9999995" is 1000000 (a carry into the seconds).
     */
    static long roundedMicros(String digits) {
        if (digits.isEmpty()) {
            return 0;
        }
        long micros = Long.parseLong((digits + "000000").substring(0, 6));
        return digits.length() > 6 && digits.charAt(6) >= '5' ? micros + 1 : micros;
    }

    private static Duration build(boolean negative, long hours, long minutes, long seconds, long micros) {
        if (minutes > 59 || seconds > 59) {
            return null;
        }
        Duration d = Duration.ofSeconds(hours * 3600 + minutes * 60 + seconds, micros * 1000);
        return clip(negative ? d.negated() : d);
    }

    /** {@code d} within MySQL's TIME range. */
    public static Duration clip(Duration d) {
        if (d.getSeconds() >= MAX_SECONDS + 1) {
            return Duration.ofSeconds(MAX_SECONDS);
        }
        if (d.getSeconds() < -MAX_SECONDS) {
            return Duration.ofSeconds(-MAX_SECONDS);
        }
        return d;
    }

    /** [-]HH:MM:SS, with six fraction digits when the value has a fraction; hours may pass 24 (and 99). */
    public static String text(Duration d) {
        boolean negative = d.isNegative();
        Duration abs = d.abs();
        long s = abs.getSeconds();
        String base = String.format("%s%02d:%02d:%02d", negative ? "-" : "", s / 3600, s / 60 % 60, s % 60);
        int nanos = abs.getNano();
        return nanos == 0 ? base : base + "." + String.format("%06d", nanos / 1000);
    }

    /** The number MySQL makes of a TIME: [-]hhmmss, with the fraction after the point (10:00:00.5 is 100000.5). */
    public static Object number(Duration d) {
        Duration abs = d.abs();
        long s = abs.getSeconds();
        long hhmmss = s / 3600 * 10000 + s / 60 % 60 * 100 + s % 60;
        if (abs.getNano() == 0) {
            return d.isNegative() ? -hhmmss : hhmmss;
        }
        BigDecimal n = BigDecimal.valueOf(hhmmss).add(BigDecimal.valueOf(abs.getNano() / 1000, 6));
        return d.isNegative() ? n.negate() : n;
    }

    /** The datetime a TIME stands for where a datetime is wanted: today (UTC, as SYSTEM is) plus the time. */
    static LocalDateTime onToday(Duration d) {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay().plus(d);
    }
}
