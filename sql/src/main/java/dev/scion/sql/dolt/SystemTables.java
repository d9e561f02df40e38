package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.ops.DoltTables;
import dev.scion.versioning.schema.TableSchema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The system tables every database offers: fixed ones, and families named after a user table (dolt_x_&lt;t&gt;). */
public final class SystemTables {
    private static final List<SystemTable> ALL = List.of(new DoltLogTable(), new DoltBranchesTable(), new DoltBranchActivityTable(),
            new DoltRemotesTable(), new DoltRemoteBranchesTable(),
            new DoltStatusTable(), new DoltStatusTable(true), new DoltTagsTable(), new DoltCommitsTable(), new DoltCommitAncestorsTable(),
            new DoltConflictsTable(), new DoltMergeStatusTable(), new DoltDiffTable(),
            new DoltConstraintViolationsTable(), new DoltSchemaConflictsTable(),
            new DoltColumnDiffTable(), new DoltStash.Table(), new DoltRebaseTable(), new DoltHelpTable(),
            new DoltStatisticsTable(), new DoltBackupsTable());

    /**
     * Fixed tables that exist but that Dolt leaves out of SHOW TABLES under @@dolt_show_system_tables (they are
     * listed by neither its generated-table list nor as per-table families).
     */
    private static final Set<String> UNLISTED = Set.of("dolt_column_diff", "dolt_diff", "dolt_merge_status",
            "dolt_rebase", "dolt_schema_conflicts", "dolt_statistics", "dolt_tags");

    /** The per-table families SHOW TABLES lists for every user table, as Dolt does. */
    private static final List<String> LISTED_FAMILIES = List.of(CommitDiffRewriter.PREFIX,
            DoltConflictsForTable.PREFIX, DoltConstraintViolationsForTable.PREFIX, DoltDiffForTable.PREFIX,
            DoltHistoryForTable.PREFIX, DoltWorkspaceForTable.PREFIX);

    private SystemTables() {
    }

    /** A fixed system table by name (no per-table families: those need the database). */
    public static Optional<SystemTable> find(String name) {
        return ALL.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /** A system table of this database revision, including the per-table families. */
    public static Optional<SystemTable> find(String name, DatabaseState db) {
        Optional<SystemTable> fixed = find(name);
        if (fixed.isPresent()) {
            return fixed;
        }
        Optional<TableSchema> versioned = DoltTables.schema(name);
        if (versioned.isPresent()) {
            return Optional.of(new AbsentDoltTable(name.toLowerCase(Locale.ROOT), versioned.get()));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String prefix : List.of(DoltConflictsForTable.PREFIX, DoltDiffForTable.PREFIX,
                DoltHistoryForTable.PREFIX, DoltConstraintViolationsForTable.PREFIX, DoltWorkspaceForTable.PREFIX,
                DoltBlameForTable.PREFIX)) {
            if (!lower.startsWith(prefix)) {
                continue;
            }
            String table = name.substring(prefix.length());
            RootValue root = db.workingRoot();
            Optional<String> stored = root.resolveName(table);
            if (stored.isPresent()) {
                TableSchema schema = db.repo().readTable(db.buffer(), root.tableHash(stored.get())).schema();
                return Optional.of(switch (prefix) {
                    case DoltDiffForTable.PREFIX -> new DoltDiffForTable(stored.get(), schema);
                    case DoltHistoryForTable.PREFIX -> new DoltHistoryForTable(stored.get(), schema);
                    case DoltConstraintViolationsForTable.PREFIX ->
                            new DoltConstraintViolationsForTable(stored.get(), schema);
                    case DoltWorkspaceForTable.PREFIX -> DoltWorkspaceForTable.of(db, stored.get(), schema);
                    case DoltBlameForTable.PREFIX -> new DoltBlameForTable(stored.get(), schema);
                    default -> DoltConflictsForTable.of(db, stored.get(), schema);
                });
            }
        }
        return Optional.empty();
    }

    /**
     * The system tables SHOW TABLES lists when @@dolt_show_system_tables is on: Dolt's generated tables, and the
     * dolt_x_&lt;t&gt; families of each user table (not of Dolt's own versioned tables, nor of views).
     */
    public static Set<String> listedNames(java.util.Collection<String> userTables) {
        Set<String> s = new TreeSet<>(names());
        s.removeAll(UNLISTED);
        for (String t : userTables) {
            if (!t.toLowerCase(Locale.ROOT).startsWith("dolt_")) {
                LISTED_FAMILIES.forEach(prefix -> s.add(prefix + t));
            }
        }
        return s;
    }

    public static Set<String> names() {
        Set<String> s = new TreeSet<>();
        ALL.forEach(t -> s.add(t.name()));
        return s;
    }
}
