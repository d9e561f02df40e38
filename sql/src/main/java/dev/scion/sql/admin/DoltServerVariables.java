package dev.scion.sql.admin;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.util.Locale;
import java.util.Set;

/**
 * The values SET accepts for Dolt's server variables that carry more than an ON / OFF switch. Scion does no
 * replication, so the variables naming a remote to replicate to or from may only stay empty: a Dolt user who sets one
 * expects every commit to be pushed (or every read to pull), and storing the name while nothing happens would hide
 * that the data is not replicated. dolt_log_level takes Dolt's level names.
 */
final class DoltServerVariables {
    private static final Set<String> REPLICATION_REMOTES = Set.of("dolt_replicate_to_remote",
            "dolt_read_replica_remote", "dolt_replication_remote_url_template");
    private static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug", "trace");

    private DoltServerVariables() {
    }

    /** {@code value} as stored for {@code name} (lower-case), or the error SET gives for it. */
    static Object check(String name, String written, Object value) {
        if (REPLICATION_REMOTES.contains(name) && value != null && !value.toString().isEmpty()) {
            throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "Scion does no replication: '" + written
                    + "' can only be empty (push commits with dolt_push, pull them with dolt_pull)");
        }
        if (name.equals("dolt_log_level") && value != null) {
            String level = value.toString().toLowerCase(Locale.ROOT);
            if (!LOG_LEVELS.contains(level)) {
                throw new SqlError(ErrorCode.WRONG_VALUE_FOR_VAR, "Variable '" + written
                        + "' can't be set to the value of '" + value + "'");
            }
            return level;
        }
        return value;
    }
}
