package dev.scion.sql.admin;

import dev.scion.sql.catalog.Charsets;

import java.util.Locale;
import java.util.Optional;

/**
 * MySQL keeps each character_set_X variable and its collation_X partner (connection, server, database) in step:
 * setting the character set sets the collation to the set's default, setting the collation sets the character set
 * to the collation's. Names this class does not know change only themselves.
 */
final class CharsetVariablePairs {
    private static final String CHARSET = "character_set_";
    private static final String COLLATION = "collation_";

    /** The partner variable a SET of {@code name} to {@code value} also changes. */
    record Partner(String name, String value) {
    }

    private CharsetVariablePairs() {
    }

    static Optional<Partner> partner(String name, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.toString().toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith(CHARSET) && paired(n.substring(CHARSET.length()))) {
            String charset = v.equals("utf8") ? "utf8mb3" : v;
            return Charsets.CHARSETS.stream().filter(c -> c.name().equals(charset)).findFirst()
                    .map(c -> new Partner(COLLATION + n.substring(CHARSET.length()), c.defaultCollation()));
        }
        if (n.startsWith(COLLATION) && paired(n.substring(COLLATION.length()))) {
            return Charsets.COLLATIONS.stream().filter(c -> c.name().equals(v)).findFirst()
                    .map(c -> new Partner(CHARSET + n.substring(COLLATION.length()), c.charset()));
        }
        return Optional.empty();
    }

    private static boolean paired(String suffix) {
        return suffix.equals("connection") || suffix.equals("server") || suffix.equals("database");
    }
}
