package dev.scion.sql.event;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code EVERY quantity unit} of a recurring event. The quantity is kept as written ({@code 3}, {@code '1:2'})
 * because SHOW EVENTS and information_schema.EVENTS report it that way; its parts are read as MySQL reads an
 * interval literal: the numbers in it fill the unit's fields from the right, so {@code '1:2' DAY_SECOND} is one
 * minute and two seconds.
 */
public record EventInterval(String quantity, Unit unit) {

    /** The interval units an event accepts (MySQL refuses the MICROSECOND ones for events). */
    public enum Unit {
        YEAR(Field.YEAR), QUARTER(Field.QUARTER), MONTH(Field.MONTH), WEEK(Field.WEEK), DAY(Field.DAY),
        HOUR(Field.HOUR), MINUTE(Field.MINUTE), SECOND(Field.SECOND),
        YEAR_MONTH(Field.YEAR, Field.MONTH), DAY_HOUR(Field.DAY, Field.HOUR),
        DAY_MINUTE(Field.DAY, Field.HOUR, Field.MINUTE), DAY_SECOND(Field.DAY, Field.HOUR, Field.MINUTE, Field.SECOND),
        HOUR_MINUTE(Field.HOUR, Field.MINUTE), HOUR_SECOND(Field.HOUR, Field.MINUTE, Field.SECOND),
        MINUTE_SECOND(Field.MINUTE, Field.SECOND);

        private final Field[] fields;

        Unit(Field... fields) {
            this.fields = fields;
        }

        /** The unit of that name, or null. */
        public static Unit of(String word) {
            try {
                return valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private enum Field { YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND }

    /** Checks the quantity: every part a number, and the whole interval positive (1542 otherwise). */
    public EventInterval {
        long[] parts = parts(quantity, unit);
        boolean positive = false;
        for (long p : parts) {
            positive |= p > 0;
        }
        if (!positive) {
            throw new SqlError(ErrorCode.EVENT_INTERVAL_NOT_POSITIVE_OR_TOO_BIG,
                    "INTERVAL is either not positive or too big");
        }
    }

    /** {@code start} plus {@code times} intervals, computed from the start so month ends do not drift. */
    public LocalDateTime after(LocalDateTime start, long times) {
        long[] parts = parts(quantity, unit);
        LocalDateTime t = start;
        for (int i = 0; i < parts.length; i++) {
            long n = Math.multiplyExact(parts[i], times);
            t = switch (unit.fields[i]) {
                case YEAR -> t.plusYears(n);
                case QUARTER -> t.plusMonths(Math.multiplyExact(n, 3));
                case MONTH -> t.plusMonths(n);
                case WEEK -> t.plusWeeks(n);
                case DAY -> t.plusDays(n);
                case HOUR -> t.plusHours(n);
                case MINUTE -> t.plusMinutes(n);
                case SECOND -> t.plusSeconds(n);
            };
        }
        return t;
    }

    /** Whether every field is a fixed number of seconds (no months or years), so the next run is a division away. */
    boolean fixedLength() {
        for (Field f : unit.fields) {
            if (f == Field.YEAR || f == Field.QUARTER || f == Field.MONTH) {
                return false;
            }
        }
        return true;
    }

    /** The length in seconds of a {@link #fixedLength()} interval. */
    long seconds() {
        return java.time.Duration.between(LocalDateTime.of(2000, 1, 1, 0, 0),
                after(LocalDateTime.of(2000, 1, 1, 0, 0), 1)).getSeconds();
    }

    /** The quantity as SQL text: a bare number, or a quoted string for anything else. */
    public String sql() {
        return quantity.matches("\\d+") ? quantity : "'" + quantity.replace("'", "''") + "'";
    }

    private static long[] parts(String quantity, Unit unit) {
        String q = quantity.strip();
        if (q.startsWith("-")) {
            throw new SqlError(ErrorCode.EVENT_INTERVAL_NOT_POSITIVE_OR_TOO_BIG,
                    "INTERVAL is either not positive or too big");
        }
        List<Long> numbers = new ArrayList<>();
        for (String piece : q.split("[^0-9]+")) {
            if (!piece.isEmpty()) {
                try {
                    numbers.add(Long.parseLong(piece));
                } catch (NumberFormatException e) {
                    throw new SqlError(ErrorCode.EVENT_INTERVAL_NOT_POSITIVE_OR_TOO_BIG,
                            "INTERVAL is either not positive or too big");
                }
            }
        }
        int n = unit.fields.length;
        if (numbers.size() > n) {
            // MySQL reads a single-field unit's value as a number ('2.5' DAY is 2 days): only the leading part
            numbers = unit.fields.length == 1 ? List.of(numbers.get(0)) : numbers.subList(numbers.size() - n,
                    numbers.size());
        }
        long[] parts = new long[n];
        for (int i = 0; i < numbers.size(); i++) {
            parts[n - numbers.size() + i] = numbers.get(i);
        }
        return parts;
    }
}
