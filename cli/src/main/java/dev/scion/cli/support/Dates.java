package dev.scion.cli.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses --date values and the SCION_*_DATE variables, and prints dates the way git log does. */
public final class Dates {
    private static final DateTimeFormatter GIT = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy Z", Locale.ROOT);

    private Dates() {
    }

    /** Epoch millis of "@<seconds>", "<seconds>", ISO-8601 with or without zone, "yyyy-MM-dd[ HH:mm:ss]". */
    public static long parse(String s) {
        String v = s.trim();
        try {
            if (v.startsWith("@")) {
                return Long.parseLong(v.substring(1)) * 1000;
            }
            if (v.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(v) * 1000;
            }
            try {
                return OffsetDateTime.parse(v).toInstant().toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // fall through to local forms
            }
            String iso = v.replace(' ', 'T');
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay(Invocation.current().zone()).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(iso).atZone(Invocation.current().zone()).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            throw new CliError("fatal: invalid date format: " + s);
        }
    }

    /** Now, or the time in the named environment variable (for reproducible commits in scripts and tests). */
    public static long nowOr(String envVar) {
        return Invocation.current().getenv(envVar).map(Dates::parse).orElseGet(System::currentTimeMillis);
    }

    public static String git(long millis) {
        return GIT.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), Invocation.current().zone()));
    }
}
