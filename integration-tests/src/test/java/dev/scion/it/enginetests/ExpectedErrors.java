package dev.scion.it.enginetests;

import java.util.Map;
import java.util.Set;

/**
 * The MySQL error numbers of the go-mysql-server errors ({@code "ExpectedErr": {"$go": "sql.ErrX"}}) whose number
 * is certain, so an assertion that names one passes only on that error, not on any error. An error not listed
 * here is checked as "some error": its MySQL number is not fixed (GMS raises it for several MySQL conditions:
 * ErrSyntaxError also stands for MySQL's 1314 "LOCK is not allowed in stored procedures") or not known here.
 */
final class ExpectedErrors {
    private static final Map<String, Set<Integer>> NUMBERS = Map.ofEntries(
            Map.entry("sql.ErrForeignKeyChildViolation", Set.of(1452)),
            Map.entry("sql.ErrForeignKeyParentViolation", Set.of(1451)),
            Map.entry("sql.ErrUniqueKeyViolation", Set.of(1062)),
            Map.entry("sql.ErrPrimaryKeyViolation", Set.of(1062)),
            Map.entry("sql.ErrTableNotFound", Set.of(1146)),
            Map.entry("sql.ErrCheckConstraintViolated", Set.of(3819)),
            Map.entry("sql.ErrColumnExists", Set.of(1060)),
            Map.entry("sql.ErrStoredProcedureDoesNotExist", Set.of(1305)),
            Map.entry("sql.ErrSavepointDoesNotExist", Set.of(1305)),
            Map.entry("sql.ErrNonAggregatedColumnWithoutGroupBy", Set.of(1140)));

    /** go-mysql-server's text of a MySQL error it raises as such: "message (errno N) (sqlstate S)". */
    private static final java.util.regex.Pattern WITH_NUMBERS =
            java.util.regex.Pattern.compile("(?s)(.*) \\(errno (\\d+)\\) \\(sqlstate ([0-9A-Z]{5})\\)");

    private ExpectedErrors() {
    }

    /**
     * Whether an error matches an ExpectedErrStr: its message contains the text, case aside (go-mysql-server
     * lower-cases the first letters of MySQL's texts, Go's convention for error strings: "can't create a TRIGGER
     * ..." for MySQL's "Can't create a TRIGGER ...", "blob/text column" for "BLOB/TEXT column"); a text that ends
     * in GMS's "(errno N) (sqlstate S)" needs the message before it and that number and SQLSTATE.
     */
    static boolean matchesText(String expected, java.sql.SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher m = WITH_NUMBERS.matcher(expected);
        if (m.matches()) {
            return containsIgnoringCase(message, m.group(1)) && e.getErrorCode() == Integer.parseInt(m.group(2))
                    && m.group(3).equals(e.getSQLState());
        }
        return containsIgnoringCase(message, expected);
    }

    private static boolean containsIgnoringCase(String message, String text) {
        return message.toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether an error numbered {@code errno} is the one {@code goName} names (true when the number is not known). */
    static boolean matches(String goName, int errno) {
        Set<Integer> numbers = NUMBERS.get(goName);
        return numbers == null || numbers.contains(errno);
    }
}
