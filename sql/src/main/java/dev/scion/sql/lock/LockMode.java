package dev.scion.sql.lock;

/** InnoDB's two record-lock modes: shared (FOR SHARE) and exclusive (writes, FOR UPDATE). */
public enum LockMode {
    SHARED, EXCLUSIVE;

    boolean conflictsWith(LockMode other) {
        return this == EXCLUSIVE || other == EXCLUSIVE;
    }

    boolean covers(LockMode wanted) {
        return this == EXCLUSIVE || wanted == SHARED;
    }
}
