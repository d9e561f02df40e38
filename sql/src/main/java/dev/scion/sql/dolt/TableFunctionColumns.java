package dev.scion.sql.dolt;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What decides a table function's columns, for a call whose arguments are known only per row
 * ({@link DeferredTableFunction}). Some functions' columns depend on no argument (dolt_diff_stat, dolt_diff_summary,
 * dolt_patch, dolt_schema_diff, dolt_test_run, and dolt_log, whose options change its rows and cells but never its
 * columns in Scion): such a call is planned with the columns of a fixed call, so a table, a test name, an option or
 * an option's value from a column is no obstacle. Others' depend on some arguments: dolt_diff's table (the last
 * argument, after two revisions or one range), dolt_preview_merge_conflicts' table and dolt_query_diff's two
 * queries. Those must be known when the call is planned (a literal, or a user variable or a prepared statement's
 * parameter, which are bound to literals before planning); a column of an earlier table is refused by name rather
 * than planned with stand-in columns.
 */
final class TableFunctionColumns {
    /** A call that builds without reading a table (dolt_test_run's reads only dolt_tests), per function. */
    private static final List<String> REVISIONS = List.of("HEAD", "HEAD");
    private static final Map<String, List<String>> FIXED = Map.of("dolt_diff_stat", REVISIONS,
            "dolt_diff_summary", REVISIONS, "dolt_patch", REVISIONS, "dolt_schema_diff", REVISIONS,
            LogFunction.NAME, List.of(), DoltTestRunFunction.NAME, List.of("*"));

    private TableFunctionColumns() {
    }

    /** The arguments of a call whose columns are those of any call of {@code function}; empty if there is none. */
    static Optional<List<String>> fixedCall(String function) {
        return Optional.ofNullable(FIXED.get(function));
    }

    /** The positions of {@code function}'s arguments that decide its columns, for a call with {@code count}. */
    static List<Integer> decidingArguments(String function, int count) {
        return switch (function) {
            case "dolt_diff" -> count == 2 || count == 3 ? List.of(count - 1) : List.of();
            case PreviewMergeConflictsFunction.ROWS -> count == 3 ? List.of(2) : List.of();
            case QueryDiffFunction.NAME -> count == 2 ? List.of(0, 1) : List.of();
            default -> List.of();
        };
    }

    /** What the argument at {@code position} is, in words for an error message. */
    static String describe(String function, int position) {
        return function.equals(QueryDiffFunction.NAME) ? (position == 0 ? "first query" : "second query") : "table";
    }
}
