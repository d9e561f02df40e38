package dev.scion.cli.command;

import dev.scion.cli.support.Terminal;
import dev.scion.sql.catalog.Collations;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.ops.Status;
import dev.scion.versioning.repo.Repository;

import java.util.List;
import java.util.Objects;

/**
 * The database collation's part of {@code scion diff}, under the pseudo-table {@code __DATABASE__<db>} as Dolt
 * shows it: the old and new CREATE DATABASE text, or with --sql (and in -r json's schema_diff) the ALTER DATABASE
 * that turns one into the other. --stat counts rows, so it has nothing to show for a setting, and --summary
 * prints nothing for it, as Dolt's.
 */
final class DatabaseCollationDiff {
    private final Repository repo;
    private final Terminal term;
    private final String database;

    DatabaseCollationDiff(Repository repo, Terminal term, String database) {
        this.repo = repo;
        this.term = term;
        this.database = database;
    }

    /** The pseudo-table's name. */
    String entry() {
        return Status.DATABASE_ENTRY_PREFIX + database;
    }

    /** Prints the change, if the collation differs and {@code only} is empty or names the pseudo-table. */
    void print(DiffPrinter.Mode mode, RootValue from, RootValue to, List<String> only) {
        if (!shown(from, to, only) || mode == DiffPrinter.Mode.STAT || mode == DiffPrinter.Mode.SUMMARY) {
            return;
        }
        String before = collationOf(from);
        String after = collationOf(to);
        var out = term.out();
        String quoted = quoted();
        if (mode == DiffPrinter.Mode.SQL) {
            out.println(alter(to));
            return;
        }
        out.println(term.bold("diff --scion a/" + entry() + " b/" + entry()));
        out.println(term.bold("--- a/" + entry()));
        out.println(term.bold("+++ b/" + entry()));
        out.println(term.red("-" + createDatabase(quoted, before)));
        out.println(term.green("+" + createDatabase(quoted, after)));
    }

    /**
     * For -r json: the pseudo-table's name and its ALTER DATABASE, on two lines, or null when the collation did
     * not change (or {@code only} leaves it out).
     */
    String json(RootValue from, RootValue to, List<String> only) {
        return shown(from, to, only) ? entry() + "\n" + alter(to) : null;
    }

    private boolean shown(RootValue from, RootValue to, List<String> only) {
        return !Objects.equals(from.collation(), to.collation())
                && (only.isEmpty() || only.stream().anyMatch(entry()::equalsIgnoreCase));
    }

    private String alter(RootValue to) {
        return "ALTER DATABASE " + quoted() + " COLLATE='" + collationOf(to) + "';";
    }

    private String quoted() {
        return "`" + database.replace("`", "``") + "`";
    }

    /** A root that sets none has the repository's setting, or the default. */
    private String collationOf(RootValue root) {
        String c = root.collation() != null ? root.collation() : repo.databaseCollation();
        return Collations.effective(c);
    }

    private static String createDatabase(String quoted, String collation) {
        return "CREATE DATABASE " + quoted + " /*!40100 DEFAULT CHARACTER SET " + Collations.charsetOf(collation)
                + " COLLATE " + collation + " */;";
    }
}
