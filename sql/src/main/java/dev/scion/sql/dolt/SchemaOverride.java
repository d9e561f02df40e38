package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.history.RevisionResolver;
import dev.scion.versioning.merge.IndexRebuilder;
import dev.scion.versioning.merge.RowRemapper;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.repo.VersioningException;

import java.util.Map;
import java.util.Optional;

/**
 * {@code @@dolt_override_schema}: while it names a revision, every user table is read in the schema it has at that
 * revision. Rows are mapped by column tag (so renamed columns keep their data), columns the data lacks read as
 * NULL, columns the override lacks are left out. The mapped table is built in the transaction's chunk buffer for
 * the query that reads it (cost: one pass over the table, so this suits ad-hoc queries over older data rather than
 * hot paths); nothing is written. Tables read at an overridden schema cannot be written.
 */
public final class SchemaOverride {
    public static final String VARIABLE = "dolt_override_schema";

    private SchemaOverride() {
    }

    /** The revision the session overrides schemas with, or empty. */
    public static Optional<String> revision(Session session) {
        Object v = session.variable(VARIABLE);
        if (v == null || String.valueOf(v).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(v).strip());
    }

    /** {@code value} (table {@code name} of {@code db}) as the session should see it. */
    public static TableValue apply(Session session, DatabaseState db, String name, TableValue value) {
        Optional<String> rev = revision(session);
        if (rev.isEmpty()) {
            return value;
        }
        TableValue target = tableAt(session, db, rev.get(), name);
        if (target.schema().equals(value.schema())) {
            return value;
        }
        var buf = db.buffer();
        Hash rows = new RowRemapper(value.schema(), target.schema()).remapAll(buf, value.rows(),
                converter(session, value.schema(), target.schema()));
        return IndexRebuilder.rebuild(buf, new TableValue(target.schema(), rows, Map.of(), value.autoIncrement()));
    }

    /**
     * Converts the values of columns whose type differs between the data's schema and the override's, as an
     * assignment would (lenient: a value that does not fit is adjusted with a warning, e.g. a longer string is
     * truncated to the override's length). NULL stays NULL, even in a column the override declares NOT NULL.
     */
    private static java.util.function.UnaryOperator<Object[]> converter(Session session,
            dev.scion.versioning.schema.TableSchema from, dev.scion.versioning.schema.TableSchema to) {
        java.util.List<Integer> changed = new java.util.ArrayList<>();
        for (int i = 0; i < to.columns().size(); i++) {
            var target = to.columns().get(i);
            for (var c : from.columns()) {
                if (c.tag() == target.tag() && !c.type().equals(target.type())) {
                    changed.add(i);
                }
            }
        }
        if (changed.isEmpty()) {
            return java.util.function.UnaryOperator.identity();
        }
        return row -> {
            for (int i : changed) {
                if (row[i] != null) {
                    row[i] = dev.scion.sql.dml.ColumnValues.coerce(row[i], to.columns().get(i), 0, session);
                }
            }
            return row;
        };
    }

    /**
     * The schema table {@code name} has at the session's override revision, or null without an override; a table
     * the revision lacks is an error, as in Dolt. dolt_diff() shows both sides in it.
     */
    static TableSchema overriddenSchema(Session session, DatabaseState db, String name) {
        return revision(session).map(rev -> tableAt(session, db, rev, name).schema()).orElse(null);
    }

    private static TableValue tableAt(Session session, DatabaseState db, String rev, String name) {
        Hash commit;
        try {
            commit = new RevisionResolver(db.repo()).resolve(rev, session.headOf(db))
                    .map(RevisionResolver.Resolved::commit).orElse(null);
        } catch (VersioningException | IllegalArgumentException e) {
            throw new SqlError(ErrorCode.VERSIONING, "invalid commit spec specified in dolt_override_schema: "
                    + e.getMessage());
        }
        if (commit == null) {
            String base = rev.replaceAll("([~^]\\d*)+$", "");
            throw new SqlError(ErrorCode.VERSIONING, "unable to resolve schema override value: "
                    + (Hash.isHashString(base) ? "target commit not found" : "branch not found: " + base));
        }
        RootValue root = db.repo().readRoot(db.buffer(), db.repo().readCommit(commit).root());
        Optional<String> stored = root.resolveName(name);
        if (stored.isEmpty()) {
            throw new SqlError(ErrorCode.NO_SUCH_TABLE, "unable to find table '" + name
                    + "' at overridden schema root");
        }
        return db.repo().readTable(db.buffer(), root.tables().get(stored.get()));
    }

    /** Writes go to the stored schema, which the session does not see: refused while an override is set. */
    public static void refuseWrite(Session session, String table) {
        if (revision(session).isPresent()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "table '" + table + "' cannot be written while "
                    + "@@dolt_override_schema is set");
        }
    }
}
