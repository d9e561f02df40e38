package dev.scion.sql.session;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.util.List;
import java.util.Locale;

/**
 * The text a {@code SET sql_mode} stores, made as MySQL 8 makes it: names in any case, order or repetition (empty
 * parts too, as {@code REPLACE(@@sql_mode, 'X', '')} leaves) become one comma-separated list in MySQL's own order
 * (the order of the modes' bits), the combination modes ANSI and TRADITIONAL bring their member modes with them,
 * and a number is read as the bit set itself. An unknown name, or a number with bits of no mode, is 1231; the old
 * modes older dumps set are dropped ({@link #DROPPED}).
 */
public final class SqlModeValue {
    private SqlModeValue() {
    }

    /**
     * Scion's default (MySQL 8's also has ONLY_FULL_GROUP_BY, NO_ZERO_IN_DATE, NO_ZERO_DATE and
     * ERROR_FOR_DIVISION_BY_ZERO): every place that shows or runs with the default reads it here.
     */
    public static final String DEFAULT = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION";

    /** MySQL 8's modes by bit; null marks a bit MySQL no longer uses (its old names are refused, as in MySQL 8). */
    private static final List<String> BY_BIT = java.util.Arrays.asList("REAL_AS_FLOAT", "PIPES_AS_CONCAT",
            "ANSI_QUOTES", "IGNORE_SPACE", null, "ONLY_FULL_GROUP_BY", "NO_UNSIGNED_SUBTRACTION", "NO_DIR_IN_CREATE",
            null, null, null, null, null, null, null, null, null, null, "ANSI", "NO_AUTO_VALUE_ON_ZERO",
            "NO_BACKSLASH_ESCAPES", "STRICT_TRANS_TABLES", "STRICT_ALL_TABLES", "NO_ZERO_IN_DATE", "NO_ZERO_DATE",
            "ALLOW_INVALID_DATES", "ERROR_FOR_DIVISION_BY_ZERO", "TRADITIONAL", null, "HIGH_NOT_PRECEDENCE",
            "NO_ENGINE_SUBSTITUTION", "PAD_CHAR_TO_FULL_LENGTH", "TIME_TRUNCATE_FRACTIONAL");

    /**
     * Modes of MySQL 5.7 and MariaDB that MySQL 8 refuses. Their dumps set them in a versioned comment around every
     * routine and trigger ({@code SET sql_mode = '...,NO_AUTO_CREATE_USER,...'}), and such a dump must load, so
     * they are accepted and dropped: none changes what Scion does with a statement it accepts.
     */
    private static final java.util.Set<String> DROPPED = java.util.Set.of("NO_AUTO_CREATE_USER", "NO_FIELD_OPTIONS",
            "NO_KEY_OPTIONS", "NO_TABLE_OPTIONS", "DB2", "MAXDB", "MSSQL", "MYSQL323", "MYSQL40", "ORACLE",
            "POSTGRESQL", "SIMULTANEOUS_ASSIGNMENT", "EMPTY_STRING_IS_NULL", "TIME_ROUND_FRACTIONAL");

    private static final long ANSI_MEMBERS = bits("REAL_AS_FLOAT", "PIPES_AS_CONCAT", "ANSI_QUOTES", "IGNORE_SPACE",
            "ONLY_FULL_GROUP_BY");
    private static final long TRADITIONAL_MEMBERS = bits("STRICT_TRANS_TABLES", "STRICT_ALL_TABLES",
            "NO_ZERO_IN_DATE", "NO_ZERO_DATE", "ERROR_FOR_DIVISION_BY_ZERO", "NO_ENGINE_SUBSTITUTION");

    /** The canonical text of {@code value} (a string of names or a number), or 1231 naming what was given. */
    public static String normalise(Object value) {
        if (value == null) {
            throw refused("NULL");
        }
        long set = value instanceof Number n ? fromNumber(n, value) : fromNames(value.toString());
        if ((set & bit("ANSI")) != 0) {
            set |= ANSI_MEMBERS;
        }
        if ((set & bit("TRADITIONAL")) != 0) {
            set |= TRADITIONAL_MEMBERS;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < BY_BIT.size(); i++) {
            if ((set & (1L << i)) != 0) {
                text.append(text.isEmpty() ? "" : ",").append(BY_BIT.get(i));
            }
        }
        return text.toString();
    }

    private static long fromNumber(Number n, Object value) {
        long set = n.longValue();
        if (set < 0 || (set & ~known()) != 0 || n.doubleValue() != set) {
            throw refused(value.toString());
        }
        return set;
    }

    private static long fromNames(String text) {
        long set = 0;
        for (String part : text.split(",", -1)) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty() || DROPPED.contains(name)) {
                continue;
            }
            int i = BY_BIT.indexOf(name);
            if (i < 0) {
                throw refused(part.strip());
            }
            set |= 1L << i;
        }
        return set;
    }

    private static long known() {
        long all = 0;
        for (int i = 0; i < BY_BIT.size(); i++) {
            all |= BY_BIT.get(i) == null ? 0 : 1L << i;
        }
        return all;
    }

    private static long bit(String name) {
        return 1L << BY_BIT.indexOf(name);
    }

    private static long bits(String... names) {
        long set = 0;
        for (String n : names) {
            set |= bit(n);
        }
        return set;
    }

    private static SqlError refused(String given) {
        return new SqlError(ErrorCode.WRONG_VALUE_FOR_VAR, "Variable 'sql_mode' can't be set to the value of '"
                + given + "'");
    }
}
