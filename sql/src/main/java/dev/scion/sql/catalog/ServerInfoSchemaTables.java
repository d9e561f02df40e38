package dev.scion.sql.catalog;

import dev.scion.sql.dolt.SystemTable;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * The information_schema tables MySQL 8 has beyond the catalog views of {@link InformationSchema}: the engine list,
 * MySQL's keywords, the per-table and per-column engine attributes, and the tables about features Scion has none of
 * (plugins, roles, resource groups, optimizer traces, tablespace files and InnoDB's internal state). Monitoring tools
 * and connectors select from these names; they get MySQL's columns, and no rows where Scion has nothing to report,
 * rather than error 1146.
 */
public final class ServerInfoSchemaTables {
    private static final String CATALOG = "def";

    /** The one storage engine, as SHOW ENGINES and information_schema.ENGINES list it. */
    private static final Object[] ENGINE_ROW = {"InnoDB", "DEFAULT",
        "Scion versioned prolly-tree storage (every table, whatever ENGINE names)", "YES", "NO", "YES"};

    private ServerInfoSchemaTables() {
    }

    public static Object[] engineRow() {
        return ENGINE_ROW.clone();
    }

    static List<SystemTable> tables() {
        return List.of(
                new InfoSchemaTable("ENGINES", s -> List.<Object[]>of(engineRow()))
                        .text("ENGINE", "SUPPORT", "COMMENT", "TRANSACTIONS", "XA", "SAVEPOINTS"),
                // the spatial reference systems Scion computes in: WGS 84 (SRID 0, the plane, is implied, as in MySQL);
                // MySQL lists the EPSG catalogue's 5000-odd, which Scion refuses as unknown SRIDs
                new InfoSchemaTable("ST_SPATIAL_REFERENCE_SYSTEMS", s -> List.<Object[]>of(new Object[] {
                    dev.scion.sql.expr.spatial.Geometries.srsName(4326), 4326L, "EPSG", 4326L,
                    dev.scion.sql.expr.spatial.Geometries.WGS84_DEFINITION, null}))
                        .text("SRS_NAME").integer("SRS_ID").text("ORGANIZATION").integer("ORGANIZATION_COORDSYS_ID")
                        .text("DEFINITION", "DESCRIPTION"),
                new InfoSchemaTable("ST_UNITS_OF_MEASURE", s -> dev.scion.sql.expr.spatial.LengthUnits.rows())
                        .text("UNIT_NAME", "UNIT_TYPE").floating("CONVERSION_FACTOR").text("DESCRIPTION"),
                new InfoSchemaTable("KEYWORDS", s -> MysqlKeywords.rows()).text("WORD").integer("RESERVED"),
                new InfoSchemaTable("TABLES_EXTENSIONS", ServerInfoSchemaTables::tablesExtensions)
                        .text("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "ENGINE_ATTRIBUTE",
                                "SECONDARY_ENGINE_ATTRIBUTE"),
                new InfoSchemaTable("VIEW_TABLE_USAGE", ViewTableUsage::rows)
                        .text("VIEW_CATALOG", "VIEW_SCHEMA", "VIEW_NAME", "TABLE_CATALOG", "TABLE_SCHEMA",
                                "TABLE_NAME"),
                new InfoSchemaTable("COLUMNS_EXTENSIONS", ServerInfoSchemaTables::columnsExtensions)
                        .text("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ENGINE_ATTRIBUTE",
                                "SECONDARY_ENGINE_ATTRIBUTE"),
                // Scion keeps no tablespace files: every table lives in the database's prolly-tree store
                empty("FILES").integer("FILE_ID").text("FILE_NAME", "FILE_TYPE", "TABLESPACE_NAME",
                        "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "LOGFILE_GROUP_NAME")
                        .integer("LOGFILE_GROUP_NUMBER").text("ENGINE", "FULLTEXT_KEYS")
                        .integer("DELETED_ROWS", "UPDATE_COUNT", "FREE_EXTENTS", "TOTAL_EXTENTS", "EXTENT_SIZE",
                                "INITIAL_SIZE", "MAXIMUM_SIZE", "AUTOEXTEND_SIZE")
                        .timestamp("CREATION_TIME", "LAST_UPDATE_TIME", "LAST_ACCESS_TIME")
                        .integer("RECOVER_TIME", "TRANSACTION_COUNTER", "VERSION").text("ROW_FORMAT")
                        .integer("TABLE_ROWS", "AVG_ROW_LENGTH", "DATA_LENGTH", "MAX_DATA_LENGTH", "INDEX_LENGTH",
                                "DATA_FREE").timestamp("CREATE_TIME", "UPDATE_TIME", "CHECK_TIME")
                        .integer("CHECKSUM").text("STATUS", "EXTRA"),
                empty("TABLESPACES_EXTENSIONS").text("TABLESPACE_NAME", "ENGINE_ATTRIBUTE"),
                // roles are refused (1235), so no account holds one
                empty("APPLICABLE_ROLES").text("USER", "HOST", "GRANTEE", "GRANTEE_HOST", "ROLE_NAME",
                        "ROLE_HOST", "IS_GRANTABLE", "IS_DEFAULT", "IS_MANDATORY"),
                empty("ROLE_ROUTINE_GRANTS").text("GRANTOR", "GRANTOR_HOST", "GRANTEE", "GRANTEE_HOST",
                        "SPECIFIC_CATALOG", "SPECIFIC_SCHEMA", "SPECIFIC_NAME", "ROUTINE_CATALOG", "ROUTINE_SCHEMA",
                        "ROUTINE_NAME", "PRIVILEGE_TYPE", "IS_GRANTABLE"),
                // no optimizer_trace recording, no plugins, no resource groups
                empty("OPTIMIZER_TRACE").text("QUERY", "TRACE").integer("MISSING_BYTES_BEYOND_MAX_MEM_SIZE",
                        "INSUFFICIENT_PRIVILEGES"),
                empty("PLUGINS").text("PLUGIN_NAME", "PLUGIN_VERSION", "PLUGIN_STATUS", "PLUGIN_TYPE",
                        "PLUGIN_TYPE_VERSION", "PLUGIN_LIBRARY", "PLUGIN_LIBRARY_VERSION", "PLUGIN_AUTHOR",
                        "PLUGIN_DESCRIPTION", "PLUGIN_LICENSE", "LOAD_OPTION"),
                empty("RESOURCE_GROUPS").text("RESOURCE_GROUP_NAME", "RESOURCE_GROUP_TYPE",
                        "RESOURCE_GROUP_ENABLED", "VCPU_IDS").integer("THREAD_PRIORITY"),
                // InnoDB's own buffer pool, compression, tablespace and transaction state: Scion is not InnoDB
                empty("INNODB_BUFFER_PAGE_LRU").integer("POOL_ID", "LRU_POSITION", "SPACE", "PAGE_NUMBER")
                        .text("PAGE_TYPE").integer("FLUSH_TYPE", "FIX_COUNT").text("IS_HASHED")
                        .integer("NEWEST_MODIFICATION", "OLDEST_MODIFICATION", "ACCESS_TIME")
                        .text("TABLE_NAME", "INDEX_NAME").integer("NUMBER_RECORDS", "DATA_SIZE", "COMPRESSED_SIZE")
                        .text("COMPRESSED", "IO_FIX", "IS_OLD").integer("FREE_PAGE_CLOCK"),
                empty("INNODB_CACHED_INDEXES").integer("SPACE_ID", "INDEX_ID", "N_CACHED_PAGES"),
                empty("INNODB_CMP_RESET").integer("PAGE_SIZE", "COMPRESS_OPS", "COMPRESS_OPS_OK", "COMPRESS_TIME",
                        "UNCOMPRESS_OPS", "UNCOMPRESS_TIME"),
                empty("INNODB_CMPMEM_RESET").integer("PAGE_SIZE", "BUFFER_POOL_INSTANCE", "PAGES_USED",
                        "PAGES_FREE", "RELOCATION_OPS", "RELOCATION_TIME"),
                empty("INNODB_CMP_PER_INDEX_RESET").text("DATABASE_NAME", "TABLE_NAME", "INDEX_NAME")
                        .integer("COMPRESS_OPS", "COMPRESS_OPS_OK", "COMPRESS_TIME", "UNCOMPRESS_OPS",
                                "UNCOMPRESS_TIME"),
                empty("INNODB_DATAFILES").integer("SPACE").text("PATH"),
                empty("INNODB_FOREIGN").text("ID", "FOR_NAME", "REF_NAME").integer("N_COLS", "TYPE"),
                empty("INNODB_FT_BEING_DELETED").integer("DOC_ID"),
                // Scion's full-text search drops no stopwords, so the default list is empty
                empty("INNODB_FT_DEFAULT_STOPWORD").text("value"),
                empty("INNODB_FT_INDEX_CACHE").text("WORD").integer("FIRST_DOC_ID", "LAST_DOC_ID", "DOC_COUNT",
                        "DOC_ID", "POSITION"),
                empty("INNODB_INDEXES").integer("INDEX_ID").text("NAME").integer("TABLE_ID", "TYPE", "N_FIELDS",
                        "PAGE_NO", "SPACE", "MERGE_THRESHOLD"),
                empty("INNODB_SESSION_TEMP_TABLESPACES").integer("ID", "SPACE").text("PATH").integer("SIZE")
                        .text("STATE", "PURPOSE"),
                empty("INNODB_TABLESPACES").integer("SPACE").text("NAME").integer("FLAG").text("ROW_FORMAT")
                        .integer("PAGE_SIZE", "ZIP_PAGE_SIZE").text("SPACE_TYPE")
                        .integer("FS_BLOCK_SIZE", "FILE_SIZE", "ALLOCATED_SIZE", "AUTOEXTEND_SIZE")
                        .text("SERVER_VERSION").integer("SPACE_VERSION").text("ENCRYPTION", "STATE"),
                empty("INNODB_TABLESTATS").integer("TABLE_ID").text("NAME", "STATS_INITIALIZED")
                        .integer("NUM_ROWS", "CLUST_INDEX_SIZE", "OTHER_INDEX_SIZE", "MODIFIED_COUNTER", "AUTOINC",
                                "REF_COUNT"),
                empty("INNODB_TRX").text("trx_id", "trx_state").timestamp("trx_started")
                        .text("trx_requested_lock_id").timestamp("trx_wait_started")
                        .integer("trx_weight", "trx_mysql_thread_id").text("trx_query", "trx_operation_state")
                        .integer("trx_tables_in_use", "trx_tables_locked", "trx_lock_structs",
                                "trx_lock_memory_bytes", "trx_rows_locked", "trx_rows_modified",
                                "trx_concurrency_tickets").text("trx_isolation_level")
                        .integer("trx_unique_checks", "trx_foreign_key_checks").text("trx_last_foreign_key_error")
                        .integer("trx_adaptive_hash_latched", "trx_adaptive_hash_timeout", "trx_is_read_only",
                                "trx_autocommit_non_locking", "trx_schedule_weight"));
    }

    private static InfoSchemaTable empty(String name) {
        return new InfoSchemaTable(name, s -> List.of());
    }

    /** One row per base table; Scion takes no ENGINE_ATTRIBUTE, so both attributes are NULL. */
    private static List<Object[]> tablesExtensions(Session session) {
        List<Object[]> rows = new ArrayList<>();
        InformationSchema.eachTable(session, (db, t) ->
                rows.add(new Object[] {CATALOG, db.name(), t.getKey(), null, null}));
        return rows;
    }

    /** One row per column of every base table, attributes NULL as for tables. */
    private static List<Object[]> columnsExtensions(Session session) {
        List<Object[]> rows = new ArrayList<>();
        InformationSchema.eachTable(session, (db, t) -> {
            for (Column c : t.getValue().schema().columns()) {
                rows.add(new Object[] {CATALOG, db.name(), t.getKey(), c.name(), null, null});
            }
        });
        return rows;
    }
}
