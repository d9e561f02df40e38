package dev.scion.sql.plan;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.dolt.SystemTables;
import dev.scion.sql.dolt.TableFunctions;
import dev.scion.sql.session.Session;
import dev.scion.sql.dolt.SystemTable;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.RootValue;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** One database revision as a Calcite schema: its tables at the session's working root, plus system tables. */
public final class DatabaseSchema extends AbstractSchema {
    private final Session session;
    private final DatabaseState state;

    /** @param session whose privileges every table lookup checks and whose table functions it resolves */
    public DatabaseSchema(Session session, DatabaseState state) {
        this.state = state;
        this.session = session;
    }

    @Override
    public Lookup<Table> tables() {
        return new NameLookup<>(this::resolve, this::names);
    }

    private Named<Table> resolve(String name) {
        Optional<DatabaseState> temporary = session.temporaryTables().shadowing(state, name);
        if (temporary.isPresent()) {
            return resolveTemporary(temporary.get(), name);
        }
        RootValue root = state.workingRoot();
        // a table read by a DEFINER view was checked against the view's definer when the view was expanded
        Optional<String> definerRead = dev.scion.sql.frontend.ViewSecurity.definerReadOf(name);
        Optional<String> stored = root.resolveName(definerRead.orElse(name));
        if (stored.isPresent()) {
            if (definerRead.isEmpty()) {
                dev.scion.sql.privilege.AccessChecks.requireTable(session,
                        dev.scion.sql.privilege.Privilege.SELECT, state.databaseName(), stored.get());
            }
            Hash h = root.tableHash(stored.get());
            // a definer read keeps its marked name, so Calcite's later look-ups by that name stay exempt too
            return new Named<>(definerRead.isPresent() ? name : stored.get(), new ScionTable(state, stored.get(),
                    dev.scion.sql.dolt.SchemaOverride.apply(session, state, stored.get(),
                            state.repo().readTable(state.buffer(), h))));
        }
        Optional<dev.scion.sql.dolt.NonlocalTables.Resolved> nonlocal =
                dev.scion.sql.dolt.NonlocalTables.find(session, state, name);
        if (nonlocal.isPresent()) {
            var n = nonlocal.get();
            dev.scion.sql.privilege.AccessChecks.requireTable(session, dev.scion.sql.privilege.Privilege.SELECT,
                    n.database().databaseName(), n.stored());
            return new Named<>(name, new ScionTable(n.database(), n.stored(), n.value()));
        }
        // table functions arrive as encoded names (dolt.TableFunctionRewriter) and keep them: the converter
        // looks the table up again by the name given here
        Optional<String> functionName = TableFunctions.functionOf(name);
        if (functionName.isPresent()) {
            // table functions (dolt_diff(), dolt_log(), dolt_commit_diff_<t>, ...) read the database's history
            // like its system tables, so they need SELECT on the database; checked before the function reads
            // anything, so a refused caller learns nothing from its errors either
            dev.scion.sql.privilege.AccessChecks.requireTable(session, dev.scion.sql.privilege.Privilege.SELECT,
                    state.databaseName(), functionName.get());
            SystemTable function = TableFunctions.find(name, session, state).orElseThrow();
            return new Named<>(name, new SystemTableAdapter(state, function));
        }
        Optional<SystemTable> sys = SystemTables.find(name, state);
        if (sys.isPresent()) {
            // system tables (dolt_log, dolt_diff_t, ...) show the database's history: SELECT on the database
            dev.scion.sql.privilege.AccessChecks.requireTable(session, dev.scion.sql.privilege.Privilege.SELECT,
                    state.databaseName(), sys.get().name());
        }
        return sys.<Named<Table>>map(t -> new Named<>(t.name(), new SystemTableAdapter(state, t))).orElse(null);
    }

    /** The session's temporary table {@code name} in {@code home}: it shadows a base table of that name. */
    private Named<Table> resolveTemporary(DatabaseState home, String name) {
        RootValue root = home.workingRoot();
        String stored = root.resolveName(name).orElseThrow();
        // MySQL grants every privilege on a temporary table to the session that created it
        return new Named<>(stored, new ScionTable(home, stored, home.repo().readTable(home.buffer(),
                root.tableHash(stored))));
    }

    private Set<String> names() {
        Set<String> s = new HashSet<>(state.workingRoot().tables().keySet());
        s.addAll(SystemTables.names());
        return s;
    }
}
