package dev.scion.sql.dml;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.sql.dolt.SystemTables;
import dev.scion.storage.Hash;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.ops.DoltTables;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import dev.scion.versioning.repo.AutoIncrementCounters;

import java.util.List;

/** The table a write statement names, resolved in the session's transaction, and the editor that changes it. */
public final class TableTarget {
    private final DatabaseState database;
    private final String name;
    private final TableValue value;

    private TableTarget(DatabaseState database, String name, TableValue value) {
        this.database = database;
        this.name = name;
        this.value = value;
    }

    public static TableTarget resolve(Session session, SqlNode node) {
        if (!(node instanceof SqlIdentifier id)) {
            throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support writing to "
                    + node);
        }
        List<String> names = id.names;
        DatabaseState db = names.size() > 1 ? session.database(names.get(names.size() - 2)) : session.current();
        String table = names.get(names.size() - 1);
        // the session's temporary table of that name first; it is writable even on a read-only revision
        db = session.temporaryTables().resolve(db, table);
        if (db.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "database '" + db.name() + "' is read-only");
        }
        dev.scion.sql.dolt.SchemaOverride.refuseWrite(session, table);
        RootValue root = db.workingRoot();
        String stored = root.resolveName(table).orElse(null);
        if (stored == null && DoltTables.schema(table).isPresent()) {
            // dolt_docs / dolt_ignore come into being with their first write
            stored = table.toLowerCase(java.util.Locale.ROOT);
            var empty = ProllyMap.empty(db.buffer()).root();
            TableValue created = new TableValue(DoltTables.schema(table).get(), empty, java.util.Map.of(), 0);
            db.setWorkingRoot(root.withTable(stored, created.write(db.buffer())));
            return new TableTarget(db, stored, created);
        }
        if (stored == null) {
            var nonlocal = dev.scion.sql.dolt.NonlocalTables.find(session, db, table);
            if (nonlocal.isPresent()) {
                if (nonlocal.get().database().isReadOnly()) {
                    throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "database '" + nonlocal.get().database().name()
                            + "' is read-only");
                }
                return new TableTarget(nonlocal.get().database(), nonlocal.get().stored(), nonlocal.get().value());
            }
            if (SystemTables.find(table).isPresent()) {
                throw new SqlError(ErrorCode.UNKNOWN_ERROR, "table '" + table + "' is read-only");
            }
            throw SqlError.noSuchTable(db.name(), table);
        }
        return new TableTarget(db, stored, db.repo().readTable(db.buffer(), root.tableHash(stored)));
    }

    /** A table already resolved in the session's transaction (the write fast path resolves names itself). */
    static TableTarget of(DatabaseState database, String storedName, TableValue value) {
        return new TableTarget(database, storedName, value);
    }

    public DatabaseState database() {
        return database;
    }

    public String name() {
        return name;
    }

    public TableValue value() {
        return value;
    }

    /**
     * The branch's shared counter for this table's generated ids (docs/versioned-sql.md, "Transactions"), or null
     * when the table has no auto-increment column or the database is not a writable branch. A transaction that has
     * written nothing yet sees the committed value and shows it to the counter.
     */
    SharedAutoIncrement sharedAutoIncrement() {
        if (database.isDetached() || database.isReadOnly() || !hasAutoIncrement(value.schema())) {
            return null;
        }
        AutoIncrementCounters.Counter counter = database.repo().autoIncrements(database.branch()).table(name);
        var start = database.startWorkingSet();
        if (start != null && database.readsSnapshotRoot()) {
            counter.observeCommitted(value.autoIncrement(), () ->
                    database.repo().workingSet(database.branch()).working().equals(start.working()));
        }
        return new SharedAutoIncrement(counter, database, name);
    }

    private static boolean hasAutoIncrement(dev.scion.versioning.schema.TableSchema schema) {
        for (var c : schema.columns()) {
            if (c.autoIncrement()) {
                return true;
            }
        }
        return false;
    }

    public TableEditor editor() {
        return new TableEditor(name, value, database.buffer());
    }

    /** Installs the editor's result in the transaction's working root; returns the table value installed. */
    public TableValue apply(TableEditor editor) {
        TableValue next = editor.finish();
        RootValue root = database.workingRoot();
        Hash before = database.workingRootHash();
        // the repository keeps the value it wrote, so the next statement's lookup does not decode it again
        database.setWorkingRoot(root.withTable(name, database.repo().writeTable(database.buffer(), next)));
        if (next.schema() == value.schema()) {
            // rows changed, no schema did: the foreign keys referencing each table are the same as before
            database.repo().sameForeignKeys(before, database.workingRootHash());
        }
        return next;
    }
}
