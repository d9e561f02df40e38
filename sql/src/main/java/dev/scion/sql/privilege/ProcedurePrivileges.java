package dev.scion.sql.privilege;

import dev.scion.sql.session.Session;

import java.util.List;
import java.util.Locale;

/**
 * What the dolt_* procedures need. Procedures that only move the session (dolt_checkout of an existing branch)
 * need SELECT on the current database. Procedures that write (commit, add, merge, reset, branch, tag, push,
 * fetch, checkout -b, ...) can add, change and remove rows of any table of the database, so they need INSERT,
 * UPDATE and DELETE on the whole database (database or global grants; table grants are not enough).
 * dolt_clone and dolt_backup('restore', ...) create a database (global CREATE); dolt_gc works on the whole store (global SUPER).
 */
public final class ProcedurePrivileges {
    private static final List<Privilege> WRITE = List.of(Privilege.INSERT, Privilege.UPDATE, Privilege.DELETE);

    private ProcedurePrivileges() {
    }

    public static void check(Session session, String procedure, List<String> args) {
        if (session.access() == AccessPolicy.UNRESTRICTED) {
            return;
        }
        String name = procedure.toLowerCase(Locale.ROOT);
        if (name.equals("dolt_clone") || name.equals("dolt_backup") && !args.isEmpty()
                && "restore".equalsIgnoreCase(args.get(0))) {
            AccessChecks.requireGlobal(session, Privilege.CREATE);
            return;
        }
        if (name.equals("dolt_gc")) {
            AccessChecks.requireGlobal(session, Privilege.SUPER);
            return;
        }
        String db = session.currentDatabase();
        if (db == null) {
            return; // the procedure itself reports 1046
        }
        if (readsOnly(name, args)) {
            AccessChecks.requireDatabase(session, Privilege.SELECT, db);
            return;
        }
        for (Privilege p : WRITE) {
            AccessChecks.requireDatabase(session, p, db);
        }
    }

    /** dolt_checkout of an existing branch or commit only rebinds the session; everything else writes. */
    static boolean readsOnly(String name, List<String> args) {
        if (!name.equals("dolt_checkout")) {
            return false;
        }
        for (String a : args) {
            if (a != null && a.startsWith("-")) {
                return false; // -b / -B create a branch; checking out tables (-- t) resets them
            }
        }
        return args.size() == 1;
    }
}
