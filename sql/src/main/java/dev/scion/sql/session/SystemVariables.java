package dev.scion.sql.session;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The server's system variables with their defaults. Values are Long or String (null allowed). */
public final class SystemVariables {
    public static final String SERVER_VERSION = "8.0.40-scion";

    /** In name order, for SHOW VARIABLES. */
    private static final Map<String, Object> DEFAULTS = new TreeMap<>();
    /**
     * The same, hashed: every statement reads a few variables whose default it finds here (sql_mode, read_only,
     * dolt_override_schema, ...), and a tree lookup compares the name with several others.
     */
    private static final Map<String, Object> BY_NAME;

    /**
     * Dolt's boolean switches, normalised to 1 / 0 as MySQL's boolean variables are: the replication ones (Scion
     * does no replication, but a configuration that sets them, SET PERSIST ... = ON, must work),
     * strict_mysql_compatibility (refuse what MySQL refuses where Scion, like Dolt, is lenient by default) and
     * dolt_dont_merge_json (JSON cells both sides changed conflict instead of merging key by key).
     */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("dolt_skip_replication_errors",
            "dolt_read_replica_force_pull", "strict_mysql_compatibility", "dolt_dont_merge_json",
            "dolt_replicate_all_heads", "dolt_async_replication", "dolt_optimize_json", "dolt_allow_ci_creation",
            "dolt_transactions_disabled");

    /**
     * Dolt's names for variables Scion has under its own name: both read and write the one value. Dolt's
     * dolt_auto_gc_enabled switches the collector that runs by itself, which is what scion_auto_gc does.
     */
    private static final Map<String, String> ALIASES = Map.of("dolt_auto_gc_enabled", "scion_auto_gc");

    /**
     * Variables MySQL has only a global value for: SET SESSION of one is 1229. The server-wide switches and
     * limits, and the validate_password component's settings.
     */
    private static final java.util.Set<String> GLOBAL_ONLY = java.util.Set.of("max_connections", "back_log", "server_id",
            "gtid_mode", "gtid_executed", "gtid_purged", "gtid_executed_compression_period",
            "event_scheduler", "read_only", "super_read_only", "require_secure_transport", "local_infile",
            "validate_password.length", "validate_password.mixed_case_count", "validate_password.number_count",
            "validate_password.special_char_count", "validate_password.policy", "validate_password.check_user_name",
            "validate_password.dictionary_file", "dolt_log_level", "dolt_auto_gc_enabled",
            "dolt_replicate_to_remote", "dolt_replication_remote_url_template", "dolt_read_replica_remote",
            "dolt_replicate_heads", "dolt_replicate_all_heads", "dolt_async_replication",
            "dolt_skip_replication_errors", "dolt_read_replica_force_pull");

    /**
     * Variables no SET changes (1238): which server files LOAD DATA may read is the server's configuration, never a
     * client's choice; and Scion does no replication, so it keeps no global transaction identifiers: gtid_mode stays
     * OFF and the GTID sets stay empty (mysqldump and replication tools read them).
     */
    private static final java.util.Set<String> READ_ONLY = java.util.Set.of("secure_file_priv", "gtid_mode",
            "gtid_executed", "gtid_owned", "gtid_purged");

    /** Variables MySQL has only a session value for: SET GLOBAL of one is 1228. */
    private static final java.util.Set<String> SESSION_ONLY = java.util.Set.of("last_insert_id", "identity",
            "sql_log_bin", "timestamp", "insert_id", "warning_count", "error_count", "rand_seed1", "rand_seed2",
            "gtid_next", "dolt_transactions_disabled");

    static {
        Object[][] defs = {
            {"auto_increment_increment", 1L}, {"auto_increment_offset", 1L}, {"autocommit", 1L},
            {"character_set_client", "utf8mb4"}, {"character_set_connection", "utf8mb4"},
            {"character_set_database", "utf8mb4"}, {"character_set_results", "utf8mb4"},
            {"character_set_server", "utf8mb4"}, {"character_set_system", "utf8mb3"},
            {"collation_connection", "utf8mb4_0900_bin"}, {"collation_database", "utf8mb4_0900_bin"},
            {"collation_server", "utf8mb4_0900_bin"}, {"default_storage_engine", "InnoDB"},
            {"init_connect", ""}, {"interactive_timeout", 28800L}, {"license", "Apache-2.0"},
            {"lower_case_table_names", 0L}, {"max_allowed_packet", 67108864L}, {"max_connections", 151L},
            {"net_buffer_length", 16384L}, {"net_read_timeout", 30L}, {"net_write_timeout", 60L},
            {"performance_schema", 0L}, {"query_cache_size", 0L}, {"query_cache_type", "OFF"},
            {"sql_mode", SqlModeValue.DEFAULT}, {"sql_select_limit", null},
            {"system_time_zone", "UTC"}, {"time_zone", "SYSTEM"},
            {"transaction_isolation", "REPEATABLE-READ"}, {"tx_isolation", "REPEATABLE-READ"},
            {"transaction_read_only", 0L}, {"tx_read_only", 0L}, {"wait_timeout", 28800L},
            {"version", SERVER_VERSION}, {"version_comment", "Scion - versioned MySQL-compatible database"},
            {"version_compile_os", "Linux"}, {"version_compile_machine", "x86_64"},
            {"hostname", "localhost"}, {"port", 3306L}, {"sql_auto_is_null", 0L}, {"sql_safe_updates", 0L},
            {"foreign_key_checks", 1L}, {"unique_checks", 1L}, {"sql_notes", 1L}, {"sql_warnings", 0L},
            {"last_insert_id", 0L}, {"identity", 0L}, {"innodb_lock_wait_timeout", 50L},
            {"lock_wait_timeout", 31536000L}, {"max_execution_time", 0L}, {"group_concat_max_len", 1024L},
            {"div_precision_increment", 4L}, {"event_scheduler", "ON"}, {"default_week_format", 0L}, {"local_infile", 0L},
            {"have_ssl", "DISABLED"}, {"have_openssl", "DISABLED"}, {"ssl_cipher", ""},
            {"require_secure_transport", 0L}, {"read_only", 0L}, {"super_read_only", 0L},
            {"explicit_defaults_for_timestamp", 1L}, {"session_track_system_variables", ""},
            {"session_track_state_change", 0L}, {"session_track_schema", 1L},
            {"session_track_transaction_info", "OFF"}, {"protocol_version", 10L}, {"datadir", ""},
            {"dolt_transaction_commit", 0L}, {"dolt_force_transaction_commit", 0L},
            {"dolt_allow_commit_conflicts", 0L}, {"dolt_show_branch_databases", 0L}, {"dolt_override_schema", null},
            {"dolt_commit_verification_groups", ""}, {"dolt_show_system_tables", 0L},
            {"dolt_committer_date", ""}, {"dolt_committer_email", ""}, {"dolt_committer_name", ""},
            {"dolt_skip_replication_errors", 0L}, {"dolt_read_replica_force_pull", 1L},
            {"dolt_transaction_commit_message", ""}, {"dolt_dont_merge_json", 0L},
            {"dolt_log_level", "info"}, {"dolt_optimize_json", 1L}, {"dolt_auto_gc_enabled", 1L},
            {"dolt_allow_ci_creation", 0L}, {"dolt_transactions_disabled", 0L},
            {"dolt_replicate_to_remote", ""}, {"dolt_replication_remote_url_template", ""},
            {"dolt_read_replica_remote", ""}, {"dolt_replicate_heads", ""}, {"dolt_replicate_all_heads", 0L},
            {"dolt_async_replication", 0L},
            {"strict_mysql_compatibility", 0L},
            {"scion_auto_gc", 1L}, {"scion_auto_gc_threshold", 268435456L},
            {"max_sp_recursion_depth", 0L}, {"cte_max_recursion_depth", 1000L}, {"sql_big_selects", 1L},
            {"big_tables", 0L}, {"optimizer_switch", ""}, {"profiling", 0L}, {"sql_quote_show_create", 1L},
            {"character_sets_dir", "/usr/share/mysql/charsets/"}, {"default_authentication_plugin",
                "caching_sha2_password"}, {"transaction_prealloc_size", 4096L}, {"net_retry_count", 10L},
            {"time_format", "%H:%i:%s"}, {"date_format", "%Y-%m-%d"}, {"datetime_format", "%Y-%m-%d %H:%i:%s"},
            {"back_log", 151L}, {"secure_file_priv", null}, {"server_id", 1L},
            {"gtid_mode", "OFF"}, {"gtid_executed", ""}, {"gtid_owned", ""}, {"gtid_purged", ""},
            {"gtid_next", "AUTOMATIC"}, {"gtid_executed_compression_period", 0L},
            {"validate_password.length", 8L}, {"validate_password.mixed_case_count", 1L},
            {"validate_password.number_count", 1L}, {"validate_password.special_char_count", 1L},
            {"validate_password.policy", "MEDIUM"}, {"validate_password.check_user_name", 1L},
            {"validate_password.dictionary_file", ""},
        };
        for (Object[] d : defs) {
            DEFAULTS.put((String) d[0], d[1]);
        }
        BY_NAME = new HashMap<>(DEFAULTS);
    }

    private SystemVariables() {
    }

    /** The name the value is kept under: Scion's own for a Dolt alias ({@link #ALIASES}), else {@code name}. */
    public static String canonical(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(key, key);
    }

    public static boolean isKnown(String name) {
        return BY_NAME.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the variable has no session value (SET SESSION of it is 1229). */
    public static boolean isGlobalOnly(String name) {
        return GLOBAL_ONLY.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether no SET changes the variable (1238). */
    public static boolean isReadOnly(String name) {
        return READ_ONLY.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the variable has no global value (SET GLOBAL of it is 1228). */
    public static boolean isSessionOnly(String name) {
        return SESSION_ONLY.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the variable is an ON / OFF switch whose value is stored as 1 / 0. */
    public static boolean isFlag(String name) {
        return FLAGS.contains(name.toLowerCase(Locale.ROOT));
    }

    public static Object defaultValue(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** Every variable with its default, in name order. */
    public static Map<String, Object> defaults() {
        return Collections.unmodifiableMap(DEFAULTS);
    }
}
