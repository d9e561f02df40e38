package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Dolt's table functions: dolt_diff, dolt_diff_stat, dolt_diff_summary, dolt_schema_diff, dolt_patch, dolt_log,
 * dolt_preview_merge_conflicts_summary, dolt_preview_merge_conflicts, dolt_json_diff and dolt_query_diff.
 * A call reaches the catalog as a table name made of the function name and its arguments separated by NUL
 * characters (which no real table name contains); {@link #find} turns it back into a {@link SystemTable} built
 * for this session and database.
 */
public final class TableFunctions {
    private static final char SEPARATOR = '\0';
    private static final Set<String> NAMES = Set.of("dolt_diff", "dolt_diff_stat", "dolt_diff_summary",
            "dolt_schema_diff", "dolt_patch", "dolt_log", PreviewMergeConflictsFunction.SUMMARY,
            PreviewMergeConflictsFunction.ROWS, DoltTestRunFunction.NAME, BranchStatusFunction.NAME,
            ReflogFunction.NAME, JsonDiffFunction.NAME, QueryDiffFunction.NAME);

    private TableFunctions() {
    }

    static boolean isName(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    static String encode(String function, List<String> args) {
        StringBuilder b = new StringBuilder(function);
        for (String a : args) {
            b.append(SEPARATOR).append(a);
        }
        // a call without arguments still needs the marker, so it never meets a user table of that name
        return args.isEmpty() ? b.append(SEPARATOR).toString() : b.toString();
    }

    /** The table function a catalog name stands for, or empty if the name is an ordinary one. */
    /** The function an encoded table name calls ({@code dolt_diff}, {@code dolt_commit_diff}, ...), if it is one. */
    public static Optional<String> functionOf(String encoded) {
        int sep = encoded.indexOf(SEPARATOR);
        return sep < 0 ? Optional.empty() : Optional.of(encoded.substring(0, sep));
    }

    public static Optional<SystemTable> find(String encoded, Session session, DatabaseState db) {
        int sep = encoded.indexOf(SEPARATOR);
        if (sep < 0) {
            return Optional.empty();
        }
        String function = encoded.substring(0, sep);
        String rest = encoded.substring(sep + 1);
        List<String> args = rest.isEmpty() ? List.of() : Arrays.asList(rest.split(String.valueOf(SEPARATOR), -1));
        return Optional.of(switch (function) {
            case "dolt_diff" -> DiffFunction.create(session, db, args);
            case "dolt_commit_diff" -> DiffFunction.commitDiff(session, db, args);
            case DoltDiffForTable.AT_FUNCTION -> DoltDiffForTable.at(db, args);
            case "dolt_diff_stat" -> DiffStatFunction.create(session, db, args);
            case "dolt_diff_summary" -> DiffSummaryFunction.create(session, db, args);
            case "dolt_schema_diff" -> SchemaDiffFunction.create(session, db, args);
            case "dolt_patch" -> PatchFunction.create(session, db, args);
            case "dolt_log" -> LogFunction.create(session, db, args);
            case BranchStatusFunction.NAME -> BranchStatusFunction.create(session, db, args);
            case DoltTestRunFunction.NAME -> DoltTestRunFunction.create(session, db, args);
            case PreviewMergeConflictsFunction.SUMMARY -> PreviewMergeConflictsFunction.summary(session, db, args);
            case PreviewMergeConflictsFunction.ROWS -> PreviewMergeConflictsFunction.rows(session, db, args);
            case ReflogFunction.NAME -> ReflogFunction.create(session, db, args);
            case JsonDiffFunction.NAME -> JsonDiffFunction.create(args);
            case QueryDiffFunction.NAME -> QueryDiffFunction.create(session, args);
            default -> throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "unknown table function " + function);
        });
    }
}
