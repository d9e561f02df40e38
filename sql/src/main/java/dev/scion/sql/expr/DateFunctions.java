package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.scion.sql.expr.BuiltinFunctions.str;
import static dev.scion.sql.expr.BuiltinFunctions.strictN;

/**
 * MySQL's date and time functions. Arguments may be dates, datetimes or strings; a string that is not a date gives
 * NULL, as in MySQL (which also warns). Times of day use the server's clock in UTC.
 */
final class DateFunctions {
    private DateFunctions() {
    }

    private static final Pattern DATE_DIGITS = Pattern.compile("\\s*(\\d{4})(\\d{2})(\\d{2})(?:(\\d{2})(\\d{2})(\\d{2}))?\\s*");
    private static final Pattern TIME_TEXT = Pattern.compile("\\s*(-)?(\\d{1,3}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,6}))?)?\\s*");

    static Expr compile(String name, RexCall call, Expr[] a) {
        switch (name) {
            case "CURDATE", "CURRENT_DATE":
                return (row, ctx) -> LocalDate.now(SessionTimeZone.of(ctx.session()));
            case "UTC_DATE":
                return (row, ctx) -> LocalDate.now(ZoneOffset.UTC);
            case "CURTIME", "CURRENT_TIME", "LOCALTIME":
                return (row, ctx) -> MySqlTime.of(LocalTime.now(SessionTimeZone.of(ctx.session())).withNano(0));
            case "UTC_TIME":
                return (row, ctx) -> MySqlTime.of(LocalTime.now(ZoneOffset.UTC).withNano(0));
            case "UTC_TIMESTAMP":
                return (row, ctx) -> LocalDateTime.now(ZoneOffset.UTC).withNano(0);
            case "DATE":
                return strictN(a, v -> ZeroDates.isZero(v[0]) ? dev.scion.storage.tuple.ZeroDate.DATE : date(v[0]));
            case "TIME":
                return strictN(a, v -> MySqlTime.of(v[0]));
            case "TIMESTAMP", "DATETIME":
                return strictN(a, v -> v.length > 1 ? TimeFunctions.timestampPlus(v[0], v[1]) : dateTime(v[0]));
            case "YEAR", "MONTH", "QUARTER":
                return ExtractFunction.datePart(name, a[0]);
            case "DAY", "DAYOFMONTH":
                return ExtractFunction.datePart("DAY", a[0]);
            case "DAYOFWEEK":
                return dateField(a, d -> (long) (d.getDayOfWeek().getValue() % 7 + 1));
            case "WEEKDAY":
                return dateField(a, d -> (long) (d.getDayOfWeek().getValue() - 1));
            case "DAYOFYEAR":
                return dateField(a, d -> (long) d.getDayOfYear());
            case "DAYNAME":
                return dateField(a, d -> d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case "MONTHNAME":
                return dateField(a, d -> d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case "LAST_DAY":
                return dateField(a, d -> d.withDayOfMonth(d.lengthOfMonth()));
            case "TO_DAYS":
                return dateField(a, d -> d.toEpochDay() + 719528L);
            case "FROM_DAYS":
                return strictN(a, v -> {
                    long n = Values.toLong(v[0]);
                    return n < 366 ? null : (Object) LocalDate.ofEpochDay(n - 719528L);
                });
            case "WEEK":
                return strictN(a, v -> {
                    LocalDateTime t = dateTime(v[0]);
                    return t == null ? null : (Object) week(t.toLocalDate(), v.length > 1 ? (int) Values.toLong(v[1]) : 0);
                });
            case "WEEKOFYEAR":
                return dateField(a, d -> (long) d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "YEARWEEK":
                return strictN(a, v -> {
                    LocalDateTime t = dateTime(v[0]);
                    return t == null ? null
                            : (Object) MySqlWeek.yearWeek(t.toLocalDate(), v.length > 1 ? (int) Values.toLong(v[1]) : 0);
                });
            case "HOUR":
                return strictN(a, v -> timeField(v[0], 0));
            case "MINUTE":
                return strictN(a, v -> timeField(v[0], 1));
            case "SECOND":
                return strictN(a, v -> timeField(v[0], 2));
            case "MICROSECOND":
                return strictN(a, v -> timeField(v[0], 3));
            case "DATEDIFF":
                return strictN(a, v -> {
                    LocalDateTime x = dateTime(v[0]);
                    LocalDateTime y = dateTime(v[1]);
                    return x == null || y == null ? null
                            : (Object) ChronoUnit.DAYS.between(y.toLocalDate(), x.toLocalDate());
                });
            case "DATE_ADD", "ADDDATE", "DATE_SUB", "SUBDATE":
                return addInterval(call, a, name.equals("DATE_SUB") || name.equals("SUBDATE"));
            case "DATE_FORMAT":
                return strictN(a, v -> {
                    LocalDateTime t = dateTime(v[0]);
                    return t == null ? null : MySqlDateFormat.format(t, str(v[1]));
                });
            case "TIME_FORMAT":
                return strictN(a, v -> {
                    LocalTime t = time(v[0]);
                    return t == null ? null : MySqlDateFormat.format(LocalDate.of(2000, 1, 1).atTime(t), str(v[1]));
                });
            case "STR_TO_DATE":
                return strToDate(a, call.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP);
            case "GET_FORMAT":
                return strictN(a, v -> DateFormats.of(str(v[0]), str(v[1])));
            case "UNIX_TIMESTAMP":
                return (row, ctx) -> {
                    if (a.length == 0) {
                        return System.currentTimeMillis() / 1000;
                    }
                    Object v = a[0].eval(row, ctx);
                    if (ZeroDates.isZero(v)) {
                        return 0L; // MySQL's answer for the zero date, in every zone
                    }
                    LocalDateTime t = v == null ? null : dateTime(v);
                    if (t == null) {
                        return null;
                    }
                    // the datetime is local time of the session's zone
                    long s = t.atZone(SessionTimeZone.of(ctx.session())).toEpochSecond();
                    return t.getNano() == 0 ? (Object) s
                            : BigDecimal.valueOf(s).add(BigDecimal.valueOf(t.getNano() / 1000, 6));
                };
            case "FROM_UNIXTIME":
                return (row, ctx) -> {
                    java.time.ZoneId zone = SessionTimeZone.of(ctx.session());
                    return strictN(a, v -> {
                        BigDecimal s = Values.toDecimal(v[0]);
                        LocalDateTime t = LocalDateTime.ofInstant(java.time.Instant.ofEpochSecond(s.longValue(),
                                s.remainder(BigDecimal.ONE).movePointRight(9).intValue()), zone);
                        return v.length > 1 ? MySqlDateFormat.format(t, str(v[1])) : t;
                    }).eval(row, ctx);
                };
            case "MAKEDATE":
                return strictN(a, v -> {
                    long day = Values.toLong(v[1]);
                    return day <= 0 ? null : (Object) LocalDate.of((int) Values.toLong(v[0]), 1, 1).plusDays(day - 1);
                });
            case "SEC_TO_TIME":
                return strictN(a, v -> {
                    long s = Values.toLong(v[0]);
                    long abs = Math.abs(s);
                    return (s < 0 ? "-" : "") + String.format(Locale.ROOT, "%02d:%02d:%02d", abs / 3600, abs / 60 % 60,
                            abs % 60);
                });
            case "TIME_TO_SEC":
                return strictN(a, v -> {
                    Duration t = MySqlTime.of(v[0]);
                    // whole seconds toward zero (the declared type is an integer)
                    return t == null ? null : (Object) (t.isNegative() ? -t.abs().getSeconds() : t.getSeconds());
                });
            default:
                return null;
        }
    }

    interface DateBody {
        Object apply(LocalDate d);
    }

    private static Expr dateField(Expr[] a, DateBody body) {
        return (row, ctx) -> strictN(a, v -> {
            LocalDateTime t = dateTime(v[0]);
            if (t == null) {
                warnNoDate(ctx, v[0]);
                return null;
            }
            return body.apply(t.toLocalDate());
        }).eval(row, ctx);
    }

    /** MySQL's warning beside the NULL of a function that needs a calendar date and got none (the zero date, text). */
    static void warnNoDate(dev.scion.sql.exec.ExecContext ctx, Object v) {
        ctx.session().addWarning(ErrorCode.TRUNCATED_WRONG_VALUE.code(),
                "Incorrect datetime value: '" + Values.toStringValue(v) + "'");
    }

    static LocalDate date(Object v) {
        LocalDateTime t = dateTime(v);
        return t == null ? null : t.toLocalDate();
    }

    /** The value as a datetime, or null if it is not one (MySQL returns NULL with a warning). */
    static LocalDateTime dateTime(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof LocalTime t) {
            return LocalDate.now(ZoneOffset.UTC).atTime(t);
        }
        if (v instanceof Duration d) {
            return MySqlTime.onToday(d);
        }
        String s = Values.isNumeric(v) ? Values.toDecimal(v).toBigInteger().toString() : str(v);
        try {
            DateTimeText.Reading text = DateTimeText.read(s);
            if (text != null && !text.truncated()) {
                return text.value();
            }
            Matcher m = DATE_DIGITS.matcher(s);
            if (m.matches()) {
                LocalDateTime t = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).atStartOfDay();
                if (m.group(4) != null) {
                    t = t.withHour(Integer.parseInt(m.group(4))).withMinute(Integer.parseInt(m.group(5)))
                            .withSecond(Integer.parseInt(m.group(6)));
                }
                return t;
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    static LocalTime time(Object v) {
        if (v instanceof LocalTime t) {
            return t;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalTime();
        }
        if (v instanceof LocalDate) {
            return LocalTime.MIDNIGHT;
        }
        if (v instanceof Duration d) {
            // a TIME column's value; a time of day only when it lies within one day
            return d.isNegative() || d.toDays() > 0 ? null : LocalTime.ofNanoOfDay(d.toNanos());
        }
        String s = str(v);
        Matcher m = TIME_TEXT.matcher(s);
        if (m.matches() && m.group(1) == null && Integer.parseInt(m.group(2)) < 24) {
            LocalTime t = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
            return m.group(5) == null ? t : t.withNano(Integer.parseInt((m.group(5) + "00000").substring(0, 6)) * 1000);
        }
        LocalDateTime t = dateTime(v);
        return t == null ? null : t.toLocalTime();
    }

    private static Object timeField(Object v, int field) {
        if (v instanceof Duration d) {
            Duration abs = d.abs();
            return switch (field) {
                case 0 -> abs.toHours();
                case 1 -> (long) abs.toMinutesPart();
                case 2 -> (long) abs.toSecondsPart();
                default -> (long) (abs.toNanosPart() / 1000);
            };
        }
        String s = str(v);
        Matcher m = TIME_TEXT.matcher(s);
        if (m.matches() && !(v instanceof LocalDateTime)) {
            return switch (field) {
                case 0 -> Long.parseLong(m.group(2));
                case 1 -> Long.parseLong(m.group(3));
                case 2 -> m.group(4) == null ? 0L : Long.parseLong(m.group(4));
                default -> m.group(5) == null ? 0L : Long.parseLong((m.group(5) + "00000").substring(0, 6));
            };
        }
        LocalTime t = time(v);
        if (t == null) {
            return null;
        }
        return switch (field) {
            case 0 -> (long) t.getHour();
            case 1 -> (long) t.getMinute();
            case 2 -> (long) t.getSecond();
            default -> (long) (t.getNano() / 1000);
        };
    }

    /**
     * STR_TO_DATE: NULL with warning 1411 when the text does not fit the format (StrToDate). Typed DATETIME (a
     * format only known at run time), a date read is that day's midnight.
     */
    private static Expr strToDate(Expr[] a, boolean dateTime) {
        return (row, ctx) -> {
            Object text = a[0].eval(row, ctx);
            Object format = a.length > 1 ? a[1].eval(row, ctx) : null;
            if (text == null || format == null) {
                return null;
            }
            Object v = StrToDate.parse(str(text), str(format));
            if (v == null) {
                ctx.session().addWarning(ErrorCode.WRONG_VALUE_FOR_TYPE.code(), "Incorrect datetime value: '"
                        + str(text) + "' for function str_to_date");
            }
            return dateTime && v instanceof LocalDate d ? d.atStartOfDay() : v;
        };
    }

    /** MySQL's WEEK(date, mode). */
    static long week(LocalDate d, int mode) {
        return MySqlWeek.week(d, mode);
    }

    /** DATE_ADD(d, INTERVAL n unit) and friends; a plain number as the second argument means days. */
    private static Expr addInterval(RexCall call, Expr[] a, boolean subtract) {
        RexNode interval = call.getOperands().get(1);
        SqlTypeName type = interval.getType().getSqlTypeName();
        boolean yearMonth = type.getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
        boolean dayTime = type.getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME;
        return (row, ctx) -> strictN(a, v -> {
            LocalDateTime t = dateTime(v[0]);
            if (t == null) {
                warnNoDate(ctx, v[0]); // the zero date and text that is no date
                return null;
            }
            boolean dateOnly = (v[0] instanceof LocalDate || (v[0] instanceof String s && s.strip().length() <= 10));
            LocalDateTime r;
            if (yearMonth) {
                long months = Values.toLong(v[1]);
                r = t.plusMonths(subtract ? -months : months);
            } else if (dayTime) {
                long millis = Values.toDecimal(v[1]).longValue();
                r = t.plus(Duration.ofMillis(subtract ? -millis : millis));
                dateOnly &= millis % 86_400_000L == 0;
            } else {
                long days = Values.toLong(v[1]);
                r = t.plusDays(subtract ? -days : days);
            }
            if (r.getYear() < 0 || r.getYear() > 9999) {
                // MySQL's range ends at 9999-12-31 and starts at year 0
                ctx.session().addWarning(ErrorCode.DATETIME_FUNCTION_OVERFLOW.code(),
                        "Datetime function: datetime field overflow");
                return null;
            }
            if (v[0] instanceof String) {
                return dateOnly ? r.toLocalDate().toString() : Values.toStringValue(r);
            }
            return dateOnly ? r.toLocalDate() : r;
        }).eval(row, ctx);
    }

    static boolean isIntervalLiteral(RexNode n) {
        return n instanceof RexLiteral && n.getType().getSqlTypeName().getFamily() != null
                && n.getType().getSqlTypeName().getName().startsWith("INTERVAL");
    }
}
