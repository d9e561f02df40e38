package dev.scion.sql.privilege;

import java.util.Locale;

/**
 * An account name, {@code 'user'@'host'}. The host part is kept lower-case (host names are not case-sensitive);
 * the user part is case-sensitive as in MySQL.
 */
public record Account(String user, String host) {

    public Account {
        if (user == null) {
            throw new IllegalArgumentException("account without a user name");
        }
        host = host == null || host.isEmpty() ? "%" : host.toLowerCase(Locale.ROOT);
    }

    /** 'user'@'host', as MySQL writes it in messages and SHOW GRANTS. */
    public String quoted() {
        return "'" + user.replace("'", "\\'") + "'@'" + host.replace("'", "\\'") + "'";
    }

    /** user@host, as CURRENT_USER() returns it. */
    public String plain() {
        return user + "@" + host;
    }

    @Override
    public String toString() {
        return quoted();
    }
}
