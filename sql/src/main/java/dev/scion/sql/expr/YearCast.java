package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.session.Session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CAST(x AS YEAR) and CONVERT(x, YEAR), as MySQL 8 defines them: a number 1901-2155 is that year, 1-69 is 2001-2069
 * and 70-99 is 1970-1999; the number 0 is 0 but a string that reads as 0 is 2000; a fractional number is rounded
 * first; a date or datetime gives its year and a TIME the current year. Anything else (out of range, not a number)
 * is NULL with warning 1292. A string that only starts with a number is read as that number, with the same
 * warning.
 */
public final class YearCast {
    private static final Pattern NUMBER = Pattern.compile("\\s*([+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?)(.*)",
            Pattern.DOTALL);

    private YearCast() {
    }

    public static Object of(Object v, Session session) {
        if (v == null) {
            return null;
        }
        if (ZeroDates.isZero(v) && !(v instanceof String) && !(v instanceof byte[])) {
            return 0L;
        }
        if (v instanceof LocalDate d) {
            return inRange(d.getYear(), v, session);
        }
        if (v instanceof LocalDateTime t) {
            return inRange(t.getYear(), v, session);
        }
        if (v instanceof MySqlTime) {
            return (long) LocalDate.now(SessionTimeZone.of(session)).getYear();
        }
        if (v instanceof byte[] b) {
            return text(new String(b, StandardCharsets.UTF_8), session);
        }
        if (v instanceof String s) {
            return text(s, session);
        }
        if (v instanceof Boolean b) {
            return number(b ? 1 : 0, false, v, session);
        }
        BigDecimal d = Values.toDecimal(v);
        return number(d.setScale(0, RoundingMode.HALF_UP), false, v, session);
    }

    private static Object text(String s, Session session) {
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) {
            return invalid(s, session);
        }
        BigDecimal d = new BigDecimal(m.group(1)).setScale(0, RoundingMode.HALF_UP);
        if (!m.group(5).isBlank()) {
            warn(s, session);
        }
        return number(d, true, s, session);
    }

    private static Object number(long n, boolean fromText, Object original, Session session) {
        return number(BigDecimal.valueOf(n), fromText, original, session);
    }

    private static Object number(BigDecimal d, boolean fromText, Object original, Session session) {
        if (d.signum() == 0) {
            return fromText ? 2000L : 0L;
        }
        if (d.compareTo(BigDecimal.ONE) >= 0 && d.compareTo(BigDecimal.valueOf(69)) <= 0) {
            return 2000L + d.longValue();
        }
        if (d.compareTo(BigDecimal.valueOf(70)) >= 0 && d.compareTo(BigDecimal.valueOf(99)) <= 0) {
            return 1900L + d.longValue();
        }
        if (d.compareTo(BigDecimal.valueOf(1901)) >= 0 && d.compareTo(BigDecimal.valueOf(2155)) <= 0) {
            return d.longValue();
        }
        return invalid(original, session);
    }

    private static Object inRange(int year, Object original, Session session) {
        return year >= 1901 && year <= 2155 ? (Object) (long) year : invalid(original, session);
    }

    private static Object invalid(Object original, Session session) {
        warn(original, session);
        return null;
    }

    private static void warn(Object original, Session session) {
        session.addWarning(ErrorCode.TRUNCATED_WRONG_VALUE.code(),
                "Truncated incorrect YEAR value: '" + Values.toStringValue(original) + "'");
    }
}
