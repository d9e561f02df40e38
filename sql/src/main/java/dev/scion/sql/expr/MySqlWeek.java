package dev.scion.sql.expr;

import java.time.LocalDate;

/**
 * MySQL's week numbering (its calc_week): WEEK(d, mode) and YEARWEEK(d, mode). The mode's three bits say whether
 * Monday starts the week, whether a week at the year's edge counts in the neighbouring year (YEARWEEK always
 * does) and whether week 1 is the first week containing the first weekday (else the first with four or more days
 * in the year), after MySQL's week_mode flips the last bit for Sunday-first modes.
 */
final class MySqlWeek {
    private static final int MONDAY_FIRST = 1;
    private static final int WEEK_YEAR = 2;
    private static final int FIRST_WEEKDAY = 4;
    /** MySQL's day number of 1970-01-01 (its calendar counts days from year 0). */
    private static final long EPOCH_DAYNR = 719528L;

    private MySqlWeek() {
    }

    static long week(LocalDate d, int mode) {
        return calcWeek(d, weekMode(mode))[0];
    }

    static long yearWeek(LocalDate d, int mode) {
        long[] weekAndYear = calcWeek(d, weekMode(mode) | WEEK_YEAR);
        return weekAndYear[1] * 100 + weekAndYear[0];
    }

    private static int weekMode(int mode) {
        int format = mode & 7;
        if ((format & MONDAY_FIRST) == 0) {
            format ^= FIRST_WEEKDAY;
        }
        return format;
    }

    /** The week number and the year it belongs to. */
    private static long[] calcWeek(LocalDate d, int behaviour) {
        long daynr = dayNumber(d);
        long firstDaynr = dayNumber(d.withDayOfYear(1));
        boolean mondayFirst = (behaviour & MONDAY_FIRST) != 0;
        boolean weekYear = (behaviour & WEEK_YEAR) != 0;
        boolean firstWeekday = (behaviour & FIRST_WEEKDAY) != 0;
        long weekday = weekday(firstDaynr, !mondayFirst);
        long year = d.getYear();
        if (d.getMonthValue() == 1 && d.getDayOfMonth() <= 7 - weekday) {
            if (!weekYear && (firstWeekday && weekday != 0 || !firstWeekday && weekday >= 4)) {
                return new long[] {0, year};
            }
            weekYear = true;
            year--;
            long days = daysInYear(year);
            firstDaynr -= days;
            weekday = (weekday + 53 * 7 - days) % 7;
        }
        long days;
        if (firstWeekday && weekday != 0 || !firstWeekday && weekday >= 4) {
            days = daynr - (firstDaynr + (7 - weekday));
        } else {
            days = daynr - (firstDaynr - weekday);
        }
        if (weekYear && days >= 52 * 7) {
            weekday = (weekday + daysInYear(year)) % 7;
            if (!firstWeekday && weekday < 4 || firstWeekday && weekday == 0) {
                return new long[] {1, year + 1};
            }
        }
        return new long[] {days / 7 + 1, year};
    }

    /**
     * MySQL's day number (its calc_daynr): days from 0000-01-01, which is day 1. MySQL's year 0 has no 29 February,
     * so its January and February are one day later than the proleptic calendar's; from March on the two agree.
     */
    private static long dayNumber(LocalDate d) {
        long n = d.toEpochDay() + EPOCH_DAYNR;
        return d.getYear() == 0 && d.getMonthValue() <= 2 ? n + 1 : n;
    }

    /** 0 is Monday, or Sunday when sundayFirst. */
    private static long weekday(long daynr, boolean sundayFirst) {
        return Math.floorMod(daynr + 5 + (sundayFirst ? 1 : 0), 7);
    }

    private static long daysInYear(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0 && year != 0) ? 366 : 365;
    }
}
