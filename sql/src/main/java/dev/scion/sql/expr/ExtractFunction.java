package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's {@code EXTRACT(unit FROM x)} for any x (MySqlCallRewrites turns the call into SCION_EXTRACT('unit', x);
 * Calcite's own EXTRACT refuses numbers and strings). As in MySQL, date units (YEAR, QUARTER, MONTH, WEEK, DAY,
 * YEAR_MONTH) read x as a date, where 0 is the zero date and a number that is no date gives NULL with warning
 * 1292; the other units read x as a time (a number is hhmmss, or a datetime when it has more than six digits) and
 * combine fields as MySQL does: DAY_SECOND of '2020-03-04 05:06:07' is 4050607, a negative time negates them.
 */
final class ExtractFunction {
    private static final Pattern TIME_TEXT = Pattern.compile(
            "\\s*(-)?(\\d{1,3}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,6})\\d*)?)?\\s*");
    private static final Pattern ZERO_DATE = Pattern.compile("\\s*0{1,4}-0{1,2}-0{1,2}(?:[ T]0{1,2}:0{1,2}:0{1,2}(?:\\.0*)?)?\\s*");

    /** The fields of a date or time as MySQL's MYSQL_TIME holds them; all zeros is the zero date. */
    private record Parts(long year, long month, long day, long hour, long minute, long second, long micros,
                         boolean negative) {
        static Parts of(LocalDateTime t) {
            return new Parts(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                    t.getSecond(), t.getNano() / 1000, false);
        }

        static Parts of(LocalTime t) {
            return new Parts(0, 0, 0, t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000, false);
        }

        static Parts of(java.time.Duration d) {
            java.time.Duration abs = d.abs();
            long s = abs.getSeconds();
            return new Parts(0, 0, 0, s / 3600, s / 60 % 60, s % 60, abs.getNano() / 1000, d.isNegative());
        }

        boolean zeroDate() {
            return year == 0 && month == 0 && day == 0;
        }
    }

    private ExtractFunction() {
    }

    static Expr compile(Expr[] a) {
        return (row, ctx) -> {
            Object unit = a[0].eval(row, ctx);
            Object v = a[1].eval(row, ctx);
            if (unit == null || v == null) {
                return null;
            }
            String u = Values.toStringValue(unit).toUpperCase(Locale.ROOT);
            boolean dateUnit = switch (u) {
                case "YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "YEAR_MONTH" -> true;
                default -> false;
            };
            Parts p = dateUnit ? asDate(v, ctx) : asTime(v, ctx);
            return p == null ? null : (Object) field(u, p);
        };
    }

    /**
     * YEAR(x), MONTH(x), DAY(x) / DAYOFMONTH(x) and QUARTER(x): MySQL reads x as EXTRACT does, so the zero date
     * (0, FALSE, '0000-00-00') gives 0 where the functions that need a real day (DAYOFWEEK, DAYNAME, ...) give NULL.
     */
    static Expr datePart(String unit, Expr arg) {
        return (row, ctx) -> {
            Object v = arg.eval(row, ctx);
            if (v == null) {
                return null;
            }
            Parts p = asDate(v, ctx);
            return p == null ? null : (Object) field(unit, p);
        };
    }

    private static long field(String unit, Parts p) {
        long sign = p.negative ? -1 : 1;
        long hms = p.hour * 10000 + p.minute * 100 + p.second;
        return switch (unit) {
            case "YEAR" -> p.year;
            case "YEAR_MONTH" -> p.year * 100 + p.month;
            case "QUARTER" -> (p.month + 2) / 3;
            case "MONTH" -> p.month;
            case "WEEK" -> week(p);
            case "DAY" -> p.day;
            case "DAY_HOUR" -> (p.day * 100 + p.hour) * sign;
            case "DAY_MINUTE" -> (p.day * 10000 + p.hour * 100 + p.minute) * sign;
            case "DAY_SECOND" -> (p.day * 1_000_000 + hms) * sign;
            case "HOUR" -> p.hour * sign;
            case "HOUR_MINUTE" -> (p.hour * 100 + p.minute) * sign;
            case "HOUR_SECOND" -> hms * sign;
            case "MINUTE" -> p.minute * sign;
            case "MINUTE_SECOND" -> (p.minute * 100 + p.second) * sign;
            case "SECOND" -> p.second * sign;
            case "MICROSECOND" -> p.micros * sign;
            case "DAY_MICROSECOND" -> ((p.day * 1_000_000 + hms) * 1_000_000 + p.micros) * sign;
            case "HOUR_MICROSECOND" -> (hms * 1_000_000 + p.micros) * sign;
            case "MINUTE_MICROSECOND" -> ((p.minute * 100 + p.second) * 1_000_000 + p.micros) * sign;
            case "SECOND_MICROSECOND" -> (p.second * 1_000_000 + p.micros) * sign;
            default -> throw new SqlError(ErrorCode.PARSE_ERROR, "You have an error in your SQL syntax; unknown"
                    + " EXTRACT unit " + unit);
        };
    }

    /**
     * WEEK with default_week_format 0. MySQL's calc_week on the zero date counts from day 0 to the first day of
     * year 0 (day 1): -1 days, and -1 / 7 + 1 is week 1.
     */
    private static long week(Parts p) {
        if (p.zeroDate()) {
            return 1;
        }
        return DateFunctions.week(LocalDate.of((int) p.year, (int) p.month, (int) p.day), 0);
    }

    private static Parts asDate(Object v, ExecContext ctx) {
        if (v instanceof LocalDateTime t) {
            return Parts.of(t);
        }
        if (v instanceof LocalDate d) {
            return Parts.of(d.atStartOfDay());
        }
        if (v instanceof LocalTime t) {
            return Parts.of(LocalDate.now(java.time.ZoneOffset.UTC).atTime(t));
        }
        if (v instanceof java.time.Duration d) {
            return Parts.of(MySqlTime.onToday(d));
        }
        if (Values.isNumeric(v)) {
            return numberAsDateTime(Values.toDecimal(v), ctx);
        }
        String s = Values.toStringValue(v);
        if (ZERO_DATE.matcher(s).matches()) {
            return new Parts(0, 0, 0, 0, 0, 0, 0, false);
        }
        LocalDateTime t = DateFunctions.dateTime(v);
        if (t == null) {
            return invalid(s, ctx);
        }
        return Parts.of(t);
    }

    private static Parts asTime(Object v, ExecContext ctx) {
        if (v instanceof LocalDateTime t) {
            return Parts.of(t);
        }
        if (v instanceof LocalTime t) {
            return Parts.of(t);
        }
        if (v instanceof java.time.Duration d) {
            return Parts.of(d);
        }
        if (v instanceof LocalDate d) {
            return Parts.of(d.atStartOfDay());
        }
        if (Values.isNumeric(v)) {
            BigDecimal n = Values.toDecimal(v);
            if (n.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
                return numberAsDateTime(n, ctx);
            }
            long whole = n.abs().setScale(0, RoundingMode.DOWN).longValueExact();
            long micros = n.abs().subtract(BigDecimal.valueOf(whole)).movePointRight(6)
                    .setScale(0, RoundingMode.HALF_UP).longValue();
            long minute = whole / 100 % 100;
            long second = whole % 100;
            if (minute > 59 || second > 59) {
                return invalid(n.toPlainString(), ctx);
            }
            return new Parts(0, 0, 0, whole / 10000, minute, second, micros, n.signum() < 0);
        }
        String s = Values.toStringValue(v);
        Matcher m = TIME_TEXT.matcher(s);
        if (m.matches()) {
            long minute = Long.parseLong(m.group(3));
            long second = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
            if (minute > 59 || second > 59) {
                return invalid(s, ctx);
            }
            long micros = m.group(5) == null ? 0 : Long.parseLong((m.group(5) + "00000").substring(0, 6));
            return new Parts(0, 0, 0, Long.parseLong(m.group(2)), minute, second, micros, m.group(1) != null);
        }
        return asDate(v, ctx);
    }

    /**
     * A number as MySQL's number_to_datetime reads it: YYMMDD or YYYYMMDD, with hhmmss after them (a two-digit
     * year below 70 is 20YY); 0 is the zero date.
     */
    private static Parts numberAsDateTime(BigDecimal n, ExecContext ctx) {
        if (n.signum() == 0) {
            return new Parts(0, 0, 0, 0, 0, 0, 0, false);
        }
        if (n.signum() < 0 || n.compareTo(new BigDecimal("99991231235959")) > 0) {
            return invalid(n.toPlainString(), ctx);
        }
        long x = n.setScale(0, RoundingMode.DOWN).longValueExact();
        long date = x;
        long time = 0;
        if (x >= 100_000_000L) {
            date = x / 1_000_000;
            time = x % 1_000_000;
        }
        long year = date / 10000;
        long month = date / 100 % 100;
        long day = date % 100;
        if (date < 1_000_000 && x < 100_000_000L) {
            year += year < 70 ? 2000 : 1900;
        } else if (year < 100 && x >= 100_000_000L && date < 1_000_000) {
            year += year < 70 ? 2000 : 1900;
        }
        try {
            LocalDateTime t = LocalDateTime.of((int) year, (int) month, (int) day, (int) (time / 10000),
                    (int) (time / 100 % 100), (int) (time % 100));
            return Parts.of(t);
        } catch (java.time.DateTimeException e) {
            return invalid(n.toPlainString(), ctx);
        }
    }

    private static Parts invalid(String text, ExecContext ctx) {
        ctx.session().addWarning(ErrorCode.TRUNCATED_WRONG_VALUE.code(), "Incorrect datetime value: '" + text + "'");
        return null;
    }
}
