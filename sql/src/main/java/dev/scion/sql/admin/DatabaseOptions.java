package dev.scion.sql.admin;

import dev.scion.sql.catalog.Collations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of CREATE / ALTER DATABASE: {@code [DEFAULT] CHARACTER SET|CHARSET [=] x}, {@code [DEFAULT] COLLATE
 * [=] y}, {@code [DEFAULT] ENCRYPTION [=] 'N'} and {@code READ ONLY [=] DEFAULT|0|1} (accepted, not kept), in any
 * order; anything after the last option it reads is ignored. The collation they name is resolved as a table's is ({@link Collations#resolve}): a character set alone
 * means its default collation.
 */
record DatabaseOptions(String charset, String collation) {
    private static final String VALUE = "(`(?:[^`]|``)+`|'(?:[^']|'')*'|\"[^\"]*\"|[^\\s=;]+)";
    private static final Pattern OPTION = Pattern.compile("\\s*(?:DEFAULT\\s+)?(?:(CHARACTER\\s+SET|CHARSET)|(COLLATE)"
            + "|(ENCRYPTION)|(READ\\s+ONLY))\\s*(?:=\\s*)?" + VALUE + "\\s*", Pattern.CASE_INSENSITIVE);

    static final DatabaseOptions NONE = new DatabaseOptions(null, null);

    /** Reads the options text after the database name (null or blank: none). */
    static DatabaseOptions parse(String text) {
        if (text == null) {
            return NONE;
        }
        String rest = text.strip();
        if (rest.endsWith(";")) {
            rest = rest.substring(0, rest.length() - 1).strip();
        }
        String charset = null;
        String collation = null;
        int at = 0;
        Matcher m = OPTION.matcher(rest);
        while (at < rest.length()) {
            if (!m.find(at) || m.start() != at) {
                break; // text it does not know (a comment's remains) is ignored, as before options were read
            }
            String value = Identifiers.unquote(m.group(5));
            if (m.group(1) != null) {
                charset = value;
            } else if (m.group(2) != null) {
                collation = value;
            }
            at = m.end();
        }
        return new DatabaseOptions(charset, collation);
    }

    boolean isEmpty() {
        return charset == null && collation == null;
    }

    /**
     * The collation these options give a database whose collation is now {@code current} (null: the default),
     * as stored (null: the default {@code utf8mb4_0900_bin}). Unknown names are 1115 / 1273, a collation of another
     * character set 1253.
     */
    String resolve(String current) {
        return Collations.stored(Collations.resolve(charset, collation, Collations.effective(current)));
    }
}
