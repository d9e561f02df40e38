package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.ops.NonlocalTableRules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tables that dolt_nonlocal_tables sends to another branch: a name this branch does not hold itself, matched by a
 * row of the table, is read and written as the row's {@code ref_table} in the working set of its {@code
 * target_ref}, bound in the session's transaction like {@code `db/target`.t} (so a write there commits with it).
 * A table this branch holds under that name is its own (Dolt lets the rule win; Scion's fast paths look at the
 * branch's own tables first).
 */
public final class NonlocalTables {
    /** A resolved table: the target branch's database state, its stored name there and its value. */
    public record Resolved(DatabaseState database, String stored, TableValue value) {
    }

    private NonlocalTables() {
    }

    /** The table {@code name} stands for on another branch, if a rule matches and that branch holds it. */
    public static Optional<Resolved> find(Session session, DatabaseState db, String name) {
        List<NonlocalTableRules.Rule> rules = rules(db);
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        return NonlocalTableRules.match(rules, name).flatMap(rule -> {
            DatabaseState target = target(session, db, rule);
            RootValue root = target.workingRoot();
            return root.resolveName(rule.targetName(name)).map(stored ->
                    new Resolved(target, stored, target.repo().readTable(target.buffer(), root.tableHash(stored))));
        });
    }

    /** The names the rules give this branch for SHOW TABLES: each that its target branch holds. */
    public static Set<String> names(Session session, DatabaseState db) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (NonlocalTableRules.Rule rule : rules(db)) {
            RootValue root = target(session, db, rule).workingRoot();
            if (rule.isPattern()) {
                root.tables().keySet().stream().filter(t -> rule.pattern().matcher(t).matches()).forEach(out::add);
            } else if (root.resolveName(rule.targetName(rule.tableName())).isPresent()) {
                out.add(rule.tableName());
            }
        }
        return out;
    }

    private static List<NonlocalTableRules.Rule> rules(DatabaseState db) {
        return NonlocalTableRules.of(db.repo(), db.buffer(), db.workingRoot());
    }

    private static DatabaseState target(Session session, DatabaseState db, NonlocalTableRules.Rule rule) {
        return session.database(db.databaseName() + "/" + rule.targetRef());
    }
}
