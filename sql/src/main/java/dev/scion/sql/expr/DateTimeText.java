package dev.scion.sql.expr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's reading of text as a DATE or DATETIME where it is cast or compared: the date's parts may be separated by
 * any punctuation ('2019/12/31', '2020.01.02'), the time follows after a space, 'T' or a punctuation character
 * ('9999-12-31:23:59:59') with any punctuation between its parts, a seventh fraction digit rounds the sixth, and whatever follows a valid prefix is dropped ('2020-01-01 12:30asdf' is 12:30:00; MySQL warns 1292).
 */
final class DateTimeText {
    private static final Pattern PREFIX = Pattern.compile(
            "\\s*(\\d{1,4})\\p{Punct}(\\d{1,2})\\p{Punct}(\\d{1,2})"
                    + "(?:(?:T|\\s+|\\p{Punct})(\\d{1,2})\\p{Punct}(\\d{1,2})(?:\\p{Punct}(\\d{1,2})(?:\\.(\\d+))?)?)?");

    /** A datetime read from the text's start, and whether characters other than spaces were left over. */
    record Reading(LocalDateTime value, boolean truncated) {
    }

    private DateTimeText() {
    }

    /** The datetime the text starts with, or null when it starts with none. */
    static Reading read(String text) {
        Matcher m = PREFIX.matcher(text);
        if (!m.lookingAt()) {
            return null;
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(1).length() <= 2) {
                year += year < 70 ? 2000 : 1900;
            }
            LocalDateTime t = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    .atStartOfDay();
            if (m.group(4) != null) {
                t = t.withHour(Integer.parseInt(m.group(4))).withMinute(Integer.parseInt(m.group(5)))
                        .withSecond(m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                if (m.group(7) != null) {
                    t = t.plusNanos(MySqlTime.roundedMicros(m.group(7)) * 1000);
                }
            }
            return new Reading(t, !text.substring(m.end()).isBlank());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
