package dev.scion.sql.privilege;

/** A user named by CREATE USER, ALTER USER or SET PASSWORD, with the password it is given (null: none given). */
record UserPassword(AccountStatementParser.UserSpec user, String password) {
    /** What the catalog keeps: nothing for no or an empty password (MySQL's empty authentication string). */
    StoredPassword stored() {
        return password == null || password.isEmpty() ? null : StoredPassword.of(password);
    }
}
