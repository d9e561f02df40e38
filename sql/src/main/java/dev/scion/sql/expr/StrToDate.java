package dev.scion.sql.expr;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * STR_TO_DATE(text, format) read as MySQL's extract_date_time reads it. Spaces in the text are skipped before each
 * part of the format and spaces in the format match nothing; other characters must match. Reading stops when the
 * text runs out (the rest of the format is ignored) and characters left after the format are dropped. The result
 * is a DATE, a TIME or a DATETIME as the format names date parts, time parts or both ({@link #kind}). A date
 * with a zero month or day, an impossible date, or text that does not fit gives null (the caller warns).
 */
final class StrToDate {
    /** What a format produces. */
    enum Kind { DATE, TIME, DATETIME }

    private int year;
    private int month;
    private int day;
    private int hour;
    private int minute;
    private int second;
    private int micros;
    private int yearDay;
    private int week = -1;
    private boolean sundayFirstWeek;
    private boolean weekYearSpecified;
    private int weekYear;
    private boolean weekYearStrict;
    private boolean weekYearSundayFirst;
    private DayOfWeek weekday;
    private boolean twelveHour;
    private boolean pm;
    private int pos;

    private StrToDate() {
    }

    /** The kind of value {@code format} produces: DATETIME when it names both date and time parts, or neither. */
    static Kind kind(String format) {
        boolean date = false;
        boolean time = false;
        for (int i = 0; i + 1 < format.length(); i++) {
            if (format.charAt(i) != '%') {
                continue;
            }
            switch (format.charAt(++i)) {
                case 'a', 'b', 'c', 'd', 'D', 'e', 'j', 'm', 'M', 'u', 'U', 'v', 'V', 'w', 'W', 'x', 'X', 'y', 'Y' ->
                        date = true;
                case 'f', 'h', 'H', 'i', 'I', 'k', 'l', 'p', 'r', 's', 'S', 'T' -> time = true;
                default -> {
                }
            }
        }
        return date && !time ? Kind.DATE : time && !date ? Kind.TIME : Kind.DATETIME;
    }

    /** Whether the format reads microseconds (%f): the result then carries six fraction digits. */
    static boolean hasFraction(String format) {
        return format.contains("%f");
    }

    /** The value (LocalDate, Duration or LocalDateTime per {@link #kind}), or null when the text does not fit. */
    static Object parse(String text, String format) {
        StrToDate s = new StrToDate();
        if (!s.read(text, format)) {
            return null;
        }
        return s.value(kind(format));
    }

    private boolean read(String text, String format) {
        for (int i = 0; i < format.length() && pos < text.length(); i++) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos == text.length()) {
                break;
            }
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                if (Character.isWhitespace(c)) {
                    continue;
                }
                if (text.charAt(pos) != c) {
                    return false;
                }
                pos++;
                continue;
            }
            if (!specifier(text, format.charAt(++i))) {
                return false;
            }
        }
        return true;
    }

    private boolean specifier(String text, char f) {
        switch (f) {
            case 'Y' -> {
                int start = pos;
                year = number(text, 4);
                if (pos - start <= 2) {
                    year = twoDigitYear(year);
                }
            }
            case 'y' -> year = twoDigitYear(number(text, 2));
            case 'm', 'c' -> month = number(text, 2);
            case 'd', 'e' -> day = number(text, 2);
            case 'D' -> {
                day = number(text, 2);
                pos = Math.min(text.length(), pos + 2); // the suffix: st, nd, rd, th
            }
            case 'H', 'k' -> hour = number(text, 2);
            case 'h', 'I', 'l' -> {
                hour = number(text, 2);
                twelveHour = true;
            }
            case 'i' -> minute = number(text, 2);
            case 's', 'S' -> second = number(text, 2);
            case 'f' -> {
                int start = pos;
                int n = number(text, 6);
                micros = n * (int) Math.pow(10, 6 - (pos - start));
            }
            case 'p' -> {
                if (!twelveHour || pos + 2 > text.length()) {
                    return false;
                }
                String w = text.substring(pos, pos + 2).toUpperCase(Locale.ROOT);
                if (!w.equals("AM") && !w.equals("PM")) {
                    return false;
                }
                pm = w.equals("PM");
                pos += 2;
            }
            case 'M', 'b' -> {
                Month m = name(text, Month.values(), f == 'M' ? TextStyle.FULL : TextStyle.SHORT);
                if (m == null) {
                    return false;
                }
                month = m.getValue();
            }
            case 'W', 'a' -> {
                weekday = name(text, DayOfWeek.values(), f == 'W' ? TextStyle.FULL : TextStyle.SHORT);
                if (weekday == null) {
                    return false;
                }
            }
            case 'w' -> {
                int n = number(text, 1);
                if (n > 6) {
                    return false;
                }
                weekday = n == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(n);
            }
            case 'j' -> yearDay = number(text, 3);
            case 'U', 'V', 'u', 'v' -> {
                week = number(text, 2);
                sundayFirstWeek = f == 'U' || f == 'V';
                weekYearStrict = f == 'V' || f == 'v';
            }
            case 'X', 'x' -> {
                weekYear = number(text, 4);
                weekYearSpecified = true;
                weekYearSundayFirst = f == 'X';
            }
            case 'r' -> {
                return read(text, "%I:%i:%S %p");
            }
            case 'T' -> {
                return read(text, "%H:%i:%S");
            }
            case '.' -> {
                while (pos < text.length() && isPunct(text.charAt(pos))) {
                    pos++;
                }
            }
            case '@' -> {
                while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                    pos++;
                }
            }
            case '#' -> {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
            case '%' -> {
                if (text.charAt(pos) != '%') {
                    return false;
                }
                pos++;
            }
            default -> {
                return false;
            }
        }
        return pos >= 0;
    }

    /** Up to {@code max} digits; none is a mismatch (pos becomes -1, ending the read). */
    private int number(String text, int max) {
        int start = pos;
        int n = 0;
        while (pos < text.length() && pos - start < max && Character.isDigit(text.charAt(pos))) {
            n = n * 10 + text.charAt(pos) - '0';
            pos++;
        }
        if (pos == start) {
            pos = Integer.MIN_VALUE / 2; // no digits: the caller's check fails
        }
        return n;
    }

    private <E extends Enum<E>> E name(String text, E[] values, TextStyle style) {
        for (E v : values) {
            String n = v instanceof Month m ? m.getDisplayName(style, Locale.ENGLISH)
                    : ((DayOfWeek) v).getDisplayName(style, Locale.ENGLISH);
            if (text.regionMatches(true, pos, n, 0, n.length())) {
                pos += n.length();
                return v;
            }
        }
        return null;
    }

    private static boolean isPunct(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c > ' ';
    }

    private static int twoDigitYear(int y) {
        return y < 70 ? 2000 + y : y < 100 ? 1900 + y : y;
    }

    private Object value(Kind kind) {
        if (twelveHour) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (month > 12 || day > 31 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        if (kind == Kind.TIME) {
            return Duration.ofSeconds(hour * 3600L + minute * 60L + second, micros * 1000L);
        }
        LocalDate date;
        try {
            date = date();
        } catch (DateTimeException e) {
            return null;
        }
        if (date == null) {
            return null;
        }
        return kind == Kind.DATE ? date : date.atTime(hour, minute, second, micros * 1000);
    }

    /** The date read: from a day of the year, from a week and weekday, or from year, month and day. */
    private LocalDate date() {
        if (yearDay > 0) {
            return LocalDate.ofYearDay(year, yearDay);
        }
        if (week >= 0 && weekday != null) {
            return fromWeek();
        }
        if (month == 0 || day == 0) {
            return null; // a zero part: Scion stores no such date
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * MySQL's reading of a week and weekday: %U/%u count weeks of %Y, %V/%v of %X/%x (which they require, Sunday-
     * first %V with %X). Week 1 starts on the year's first Sunday (%U, %V) or on the Monday of the week holding
     * 4 January (%u, %v).
     */
    private LocalDate fromWeek() {
        if (weekYearStrict && (!weekYearSpecified || weekYearSundayFirst != sundayFirstWeek)
                || !weekYearStrict && weekYearSpecified) {
            return null;
        }
        LocalDate first = LocalDate.of(weekYearStrict ? weekYear : year, 1, 1);
        int dow = first.getDayOfWeek().getValue(); // Monday 1 .. Sunday 7
        long days;
        if (sundayFirstWeek) {
            int firstWeekday = dow % 7; // Sunday 0
            days = (firstWeekday == 0 ? 0 : 7) - firstWeekday + (week - 1) * 7L + weekday.getValue() % 7;
        } else {
            int firstWeekday = dow - 1; // Monday 0
            days = (firstWeekday <= 3 ? 0 : 7) - firstWeekday + (week - 1) * 7L + weekday.getValue() - 1;
        }
        return first.plus(days, ChronoUnit.DAYS);
    }
}
