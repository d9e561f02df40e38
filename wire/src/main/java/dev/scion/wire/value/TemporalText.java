package dev.scion.wire.value;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Text forms of dates and times as MySQL prints them. */
public final class TemporalText {

    /** Column decimals value meaning "not fixed": fractions are printed only when present. */
    public static final int NOT_FIXED_DEC = 31;

    private TemporalText() {
    }

    public static String date(LocalDate date) {
        StringBuilder sb = new StringBuilder(10);
        appendDate(sb, date);
        return sb.toString();
    }

    public static String dateTime(LocalDateTime dateTime, int decimals) {
        StringBuilder sb = new StringBuilder(26);
        appendDate(sb, dateTime.toLocalDate());
        sb.append(' ');
        appendTime(sb, dateTime.getHour(), dateTime.getMinute(), dateTime.getSecond());
        appendFraction(sb, dateTime.getNano(), decimals);
        return sb.toString();
    }

    /** A datetime already in text ('0000-00-00 00:00:00') with {@code decimals} zero fraction digits added. */
    public static String dateTime(String wholeSeconds, int decimals) {
        StringBuilder sb = new StringBuilder(wholeSeconds);
        appendFraction(sb, 0, decimals);
        return sb.toString();
    }

    public static String time(LocalTime time, int decimals) {
        StringBuilder sb = new StringBuilder(15);
        appendTime(sb, time.getHour(), time.getMinute(), time.getSecond());
        appendFraction(sb, time.getNano(), decimals);
        return sb.toString();
    }

    /** [-]HH:MM:SS[.ffffff]; hours may exceed 24 (and 99). */
    public static String duration(Duration duration, int decimals) {
        StringBuilder sb = new StringBuilder(17);
        if (duration.isNegative()) {
            sb.append('-');
            duration = duration.negated();
        }
        long seconds = duration.getSeconds();
        long hours = seconds / 3600;
        if (hours < 10) {
            sb.append('0');
        }
        sb.append(hours).append(':');
        pad2(sb, (int) (seconds / 60 % 60));
        sb.append(':');
        pad2(sb, (int) (seconds % 60));
        appendFraction(sb, duration.getNano(), decimals);
        return sb.toString();
    }

    private static void appendDate(StringBuilder sb, LocalDate date) {
        int year = date.getYear();
        if (year < 0) {
            sb.append('-');
            year = -year;
        }
        if (year < 1000) {
            sb.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        sb.append(year).append('-');
        pad2(sb, date.getMonthValue());
        sb.append('-');
        pad2(sb, date.getDayOfMonth());
    }

    private static void appendTime(StringBuilder sb, int hour, int minute, int second) {
        pad2(sb, hour);
        sb.append(':');
        pad2(sb, minute);
        sb.append(':');
        pad2(sb, second);
    }

    /** Microseconds truncated (or zero-padded) to {@code decimals} digits; see {@link #NOT_FIXED_DEC}. */
    static void appendFraction(StringBuilder sb, int nanos, int decimals) {
        int digits;
        if (decimals >= 1 && decimals <= 6) {
            digits = decimals;
        } else if (decimals > 6 && nanos / 1000 != 0) {
            digits = 6;
        } else {
            return;
        }
        String micros = Integer.toString(nanos / 1000);
        sb.append('.');
        for (int i = micros.length(); i < 6 && digits > 0; i++, digits--) {
            sb.append('0');
        }
        if (digits > 0) {
            sb.append(micros, 0, digits);
        }
    }

    private static void pad2(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        sb.append(value);
    }
}
