package dev.scion.sql.dml;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Reads a string as MySQL reads one stored into a DATE, DATETIME or TIMESTAMP column: a date of 4- or 2-digit year,
 * month and day split by any punctuation, optionally followed by {@code T} or spaces and a time of hours, minutes,
 * seconds and a fraction; or the delimiter-free forms YYYYMMDD, YYMMDD, YYYYMMDDhhmmss and YYMMDDhhmmss. MySQL
 * stops at the first character that does not fit and keeps what it read, with a warning ("Data truncated" in
 * non-strict mode, error 1292 in strict mode); {@link Parsed#rest} says whether anything was left over.
 */
final class TemporalText {
    private TemporalText() {
    }

    /** The value read, whether a time part was present, and whether unread characters (other than spaces) remain. */
    record Parsed(LocalDateTime value, boolean hasTime, boolean rest) {
    }

    /** The value {@code text} starts with, or null when it does not start with a valid date. */
    static Parsed parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Character.isDigit(s.charAt(0)) && digitRun(s, 0) == s.length() ? digitsOnly(s) : delimited(s);
        } catch (DateTimeException e) {
            return null; // month 13, February 30, hour 25: no valid date
        }
    }

    private static Parsed digitsOnly(String s) {
        int n = s.length();
        int yearDigits;
        if (n == 8 || n == 14) {
            yearDigits = 4;
        } else if (n == 6 || n == 12) {
            yearDigits = 2;
        } else {
            return null;
        }
        int year = year(s.substring(0, yearDigits));
        int p = yearDigits;
        LocalDateTime t = LocalDate.of(year, num(s, p, 2), num(s, p + 2, 2)).atStartOfDay();
        if (n > p + 4) {
            p += 4;
            t = t.withHour(num(s, p, 2)).withMinute(num(s, p + 2, 2)).withSecond(num(s, p + 4, 2));
            return new Parsed(t, true, false);
        }
        return new Parsed(t, false, false);
    }

    private static Parsed delimited(String s) {
        int[] pos = {0};
        String yearText = digits(s, pos, 4);
        if (yearText == null || !punct(s, pos)) {
            return null;
        }
        String month = digits(s, pos, 2);
        if (month == null || !punct(s, pos)) {
            return null;
        }
        String day = digits(s, pos, 2);
        if (day == null) {
            return null;
        }
        LocalDateTime t = LocalDate.of(year(yearText), Integer.parseInt(month), Integer.parseInt(day)).atStartOfDay();
        int afterDate = pos[0];
        int p = afterDate;
        if (p < s.length() && s.charAt(p) == 'T') {
            p++;
        } else {
            while (p < s.length() && s.charAt(p) == ' ') {
                p++;
            }
        }
        pos[0] = p;
        String hour = p > afterDate ? digits(s, pos, 2) : null;
        if (hour == null) {
            return new Parsed(t, false, afterDate < s.length());
        }
        t = t.withHour(Integer.parseInt(hour));
        if (punct(s, pos)) {
            String minute = digits(s, pos, 2);
            if (minute != null) {
                t = t.withMinute(Integer.parseInt(minute));
                if (punct(s, pos)) {
                    String second = digits(s, pos, 2);
                    if (second != null) {
                        t = t.withSecond(Integer.parseInt(second));
                        if (pos[0] < s.length() && s.charAt(pos[0]) == '.') {
                            pos[0]++;
                            int start = pos[0];
                            int end = digitRun(s, start);
                            pos[0] = end;
                            if (end > start) {
                                // microseconds: six digits kept, MySQL rounds the seventh
                                String micros = (s.substring(start, Math.min(end, start + 6)) + "00000").substring(0, 6);
                                t = t.withNano(Integer.parseInt(micros) * 1000);
                            }
                        }
                    }
                }
            }
        }
        return new Parsed(t, true, pos[0] < s.length());
    }

    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        // two-digit years: 70-99 are 1970-1999, 00-69 are 2000-2069
        return digits.length() <= 2 ? y + (y < 70 ? 2000 : 1900) : y;
    }

    private static int num(String s, int from, int len) {
        return Integer.parseInt(s.substring(from, from + len));
    }

    private static int digitRun(String s, int from) {
        int p = from;
        while (p < s.length() && Character.isDigit(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /** One to {@code max} digits at {@code pos}, advancing it; null when there is none. */
    private static String digits(String s, int[] pos, int max) {
        int start = pos[0];
        int end = digitRun(s, start);
        if (end == start || end - start > max) {
            return null;
        }
        pos[0] = end;
        return s.substring(start, end);
    }

    /** One punctuation character (MySQL accepts any as a delimiter), advancing {@code pos}. */
    private static boolean punct(String s, int[] pos) {
        if (pos[0] < s.length()) {
            char ch = s.charAt(pos[0]);
            if (!Character.isLetterOrDigit(ch) && !Character.isWhitespace(ch)) {
                pos[0]++;
                return true;
            }
        }
        return false;
    }
}
