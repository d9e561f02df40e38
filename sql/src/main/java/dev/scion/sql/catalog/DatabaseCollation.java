package dev.scion.sql.catalog;

/**
 * A database's default collation as a session bound to it sees it. The collation is versioned: a root may set one
 * (ALTER DATABASE writes it into the working root, so it is staged, committed, diffed, merged and reset with the
 * branch, as in Dolt); a root that sets none has the repository's setting (CREATE DATABASE ... COLLATE, or an
 * ALTER DATABASE made before collations were versioned), and the default collation when there is none.
 */
public final class DatabaseCollation {
    private DatabaseCollation() {
    }

    /** The collation {@code db} has at its root, or null for the default. */
    public static String of(DatabaseState db) {
        // the header of the root under any deferred row writes: those never change the collation
        String versioned = db.rootValueUnderDeferredEdits().collation();
        return versioned != null ? versioned : db.repo().databaseCollation();
    }

    /**
     * Sets {@code db}'s collation in the transaction's working root. A value equal to what a root without one has
     * is stored as none, so altering the collation back gives the root its earlier address (and no change).
     */
    public static void set(DatabaseState db, String collation) {
        String inherited = Collations.effective(db.repo().databaseCollation());
        String versioned = Collations.effective(collation).equals(inherited) ? null : collation;
        db.setWorkingRoot(db.workingRoot().withCollation(versioned));
    }
}
