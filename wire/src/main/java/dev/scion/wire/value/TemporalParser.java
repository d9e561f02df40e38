package dev.scion.wire.value;

import java.time.Duration;

/** Lenient parsing of MySQL date/time strings (zero dates included) for the binary protocol. */
final class TemporalParser {

    private TemporalParser() {
    }

    /**
     * "YYYY-MM-DD[ HH:MM:SS[.ffffff]]" (a 'T' separator is accepted) into {year, month, day, hour, minute,
     * second, microsecond}, or null.
     */
    static int[] parseDateTime(String s) {
        String t = s.trim();
        int[] f = new int[7];
        int[] pos = {0};
        f[0] = number(t, pos, 4);
        if (f[0] < 0 || !expect(t, pos, '-')) {
            return null;
        }
        f[1] = number(t, pos, 2);
        if (f[1] < 0 || !expect(t, pos, '-')) {
            return null;
        }
        f[2] = number(t, pos, 2);
        if (f[2] < 0) {
            return null;
        }
        if (pos[0] == t.length()) {
            return f;
        }
        if (!expect(t, pos, ' ') && !expect(t, pos, 'T')) {
            return null;
        }
        f[3] = number(t, pos, 2);
        if (f[3] < 0 || !expect(t, pos, ':')) {
            return null;
        }
        f[4] = number(t, pos, 2);
        if (f[4] < 0 || !expect(t, pos, ':')) {
            return null;
        }
        f[5] = number(t, pos, 2);
        if (f[5] < 0) {
            return null;
        }
        if (pos[0] < t.length()) {
            if (!expect(t, pos, '.')) {
                return null;
            }
            f[6] = micros(t, pos);
            if (f[6] < 0) {
                return null;
            }
        }
        return pos[0] == t.length() ? f : null;
    }

    /** "[-]H+:MM:SS[.ffffff]" into a Duration, or null. */
    static Duration parseTime(String s) {
        String t = s.trim();
        int[] pos = {0};
        boolean negative = expect(t, pos, '-');
        int hours = number(t, pos, 9);
        if (hours < 0 || !expect(t, pos, ':')) {
            return null;
        }
        int minutes = number(t, pos, 2);
        if (minutes < 0 || !expect(t, pos, ':')) {
            return null;
        }
        int seconds = number(t, pos, 2);
        if (seconds < 0) {
            return null;
        }
        int micros = 0;
        if (pos[0] < t.length()) {
            if (!expect(t, pos, '.')) {
                return null;
            }
            micros = micros(t, pos);
            if (micros < 0 || pos[0] != t.length()) {
                return null;
            }
        }
        Duration d = Duration.ofSeconds(hours * 3600L + minutes * 60L + seconds, micros * 1000L);
        return negative ? d.negated() : d;
    }

    private static int number(String t, int[] pos, int maxDigits) {
        int start = pos[0];
        int value = 0;
        while (pos[0] < t.length() && pos[0] - start < maxDigits && Character.isDigit(t.charAt(pos[0]))) {
            value = value * 10 + (t.charAt(pos[0]) - '0');
            pos[0]++;
        }
        return pos[0] == start ? -1 : value;
    }

    private static int micros(String t, int[] pos) {
        int start = pos[0];
        int value = 0;
        int digits = 0;
        while (pos[0] < t.length() && Character.isDigit(t.charAt(pos[0]))) {
            if (digits < 6) {
                value = value * 10 + (t.charAt(pos[0]) - '0');
                digits++;
            }
            pos[0]++;
        }
        if (pos[0] == start) {
            return -1;
        }
        for (; digits < 6; digits++) {
            value *= 10;
        }
        return value;
    }

    private static boolean expect(String t, int[] pos, char c) {
        if (pos[0] < t.length() && t.charAt(pos[0]) == c) {
            pos[0]++;
            return true;
        }
        return false;
    }
}
