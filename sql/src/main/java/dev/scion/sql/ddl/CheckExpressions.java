package dev.scion.sql.ddl;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.Locale;
import java.util.Set;

/**
 * What a CHECK constraint's expression may call. MySQL refuses (3814) the built-in functions whose value depends on
 * the session, the clock or chance, since a row that passed its check could fail it later; subqueries (3815) and
 * variables (3816) for the same reason.
 */
final class CheckExpressions {
    private static final Set<String> DISALLOWED = Set.of("BENCHMARK", "CONNECTION_ID", "CURDATE", "CURRENT_DATE",
            "CURRENT_ROLE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURTIME", "DATABASE",
            "FOUND_ROWS", "GET_LOCK", "IS_FREE_LOCK", "IS_USED_LOCK", "LAST_INSERT_ID", "LOAD_FILE", "LOCALTIME",
            "LOCALTIMESTAMP", "NOW", "RAND", "RELEASE_ALL_LOCKS", "RELEASE_LOCK", "ROW_COUNT", "SCHEMA",
            "SESSION_USER", "SLEEP", "SYSDATE", "SYSTEM_USER", "USER", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP",
            "UUID", "UUID_SHORT", "VERSION");
    /** The ones MySQL reads without parentheses (reserved words, so never a column's name). */
    private static final Set<String> NILADIC = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "CURRENT_USER", "LOCALTIME", "LOCALTIMESTAMP", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP");

    private CheckExpressions() {
    }

    /**
     * Whether {@code expression} calls none of the functions, sub-queries and variables a CHECK may not use: the
     * same rule MySQL applies to a functional key part, which reports it with its own error.
     */
    static boolean isDeterministic(SqlNode expression) {
        try {
            requireDeterministic("", expression);
            return true;
        } catch (SqlError refused) {
            return false;
        }
    }

    /** Throws 3814 naming the first disallowed function {@code expression} calls. */
    static void requireDeterministic(String constraint, SqlNode expression) {
        expression.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind().belongsTo(org.apache.calcite.sql.SqlKind.QUERY)) {
                    throw new SqlError(ErrorCode.CHECK_CONSTRAINT_FUNCTION, "An expression of a check constraint '"
                            + constraint + "' contains disallowed function.");
                }
                refuse(call.getOperator().getName());
                return super.visit(call);
            }

            @Override
            public Void visit(SqlIdentifier id) {
                if (!id.names.isEmpty() && id.names.get(0).startsWith("@")) {
                    // the text rewriter has made user and system variables identifiers named @x / @@x
                    throw new SqlError(ErrorCode.CHECK_CONSTRAINT_VARIABLES, "An expression of a check constraint '"
                            + constraint + "' cannot refer to user or system variables.");
                }
                if (id.isSimple() && NILADIC.contains(id.getSimple().toUpperCase(Locale.ROOT))) {
                    refuse(id.getSimple()); // CURRENT_USER and the like written without parentheses
                }
                return null;
            }

            private void refuse(String name) {
                if (DISALLOWED.contains(name.toUpperCase(Locale.ROOT))) {
                    throw new SqlError(ErrorCode.CHECK_CONSTRAINT_NAMED_FUNCTION, "An expression of a check "
                            + "constraint '" + constraint + "' contains disallowed function: "
                            + name.toLowerCase(Locale.ROOT) + ".");
                }
            }
        });
    }
}
