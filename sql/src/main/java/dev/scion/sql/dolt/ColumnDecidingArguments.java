package dev.scion.sql.dolt;

import java.util.List;

/**
 * Which arguments of a table function decide its columns rather than only its rows: dolt_diff's table (the last
 * argument, after two revisions or one range), dolt_preview_merge_conflicts' table and dolt_query_diff's two
 * queries. Such an argument must be known when the call is planned (a literal, or a user variable or a prepared
 * statement's parameter, which are bound to literals before planning); a column of an earlier table is known only
 * per row, so a call taking one there is refused by name rather than planned with stand-in columns.
 */
final class ColumnDecidingArguments {
    private ColumnDecidingArguments() {
    }

    /** The positions of {@code function}'s arguments that decide its columns, for a call with {@code count}. */
    static List<Integer> of(String function, int count) {
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
