package dev.scion.sql.admin;

import dev.scion.sql.catalog.Charsets;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.Locale;
import java.util.Set;

/**
 * SET NAMES cs [COLLATE coll] and SET {CHARACTER SET | CHARSET} cs: record the client's character set in the
 * session variables MySQL sets (Scion sends and receives UTF-8 whatever they say). Unknown names fail with
 * 1115 / 1273 as in MySQL. DEFAULT means the server's character set.
 */
final class SetNames implements AdminStatement {
    /** MySQL's other character sets: accepted by name (clients and dumps name them), not listed in SHOW. */
    private static final Set<String> OTHER_MYSQL_CHARSETS = Set.of("armscii8", "big5", "cp1250", "cp1251",
            "cp1256", "cp1257", "cp850", "cp852", "cp866", "cp932", "dec8", "eucjpms", "euckr", "gb18030", "gb2312",
            "gbk", "geostd8", "greek", "hebrew", "hp8", "keybcs2", "koi8r", "koi8u", "latin2", "latin5", "latin7",
            "macce", "macroman", "sjis", "swe7", "tis620", "ucs2", "ujis", "utf16", "utf16le", "utf32");

    private final boolean names;
    private final String charset;
    private final String collation;

    SetNames(boolean names, String charset, String collation) {
        this.names = names;
        this.charset = charset == null ? null : Identifiers.unquote(charset).toLowerCase(Locale.ROOT);
        this.collation = collation == null ? null : Identifiers.unquote(collation).toLowerCase(Locale.ROOT);
    }

    @Override
    public StatementResult execute(Session session) {
        String cs = charset == null || charset.equals("default") ? Charsets.DEFAULT_CHARSET : charset;
        if (cs.equals("utf8")) {
            cs = "utf8mb3";
        }
        final String name = cs;
        var set = Charsets.CHARSETS.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (set == null && !OTHER_MYSQL_CHARSETS.contains(name)) {
            throw new SqlError(ErrorCode.UNKNOWN_CHARACTER_SET, "Unknown character set: '" + name + "'");
        }
        String coll = collation != null ? collation : set != null ? set.defaultCollation()
                : String.valueOf(session.variable("collation_connection"));
        if (set != null && Charsets.COLLATIONS.stream()
                .noneMatch(c -> c.name().equals(coll) && c.charset().equals(name))) {
            throw new SqlError(ErrorCode.UNKNOWN_COLLATION, "Unknown collation: '" + coll + "'");
        }
        session.setVariable("character_set_client", name);
        session.setVariable("character_set_results", name);
        if (names) {
            session.setVariable("character_set_connection", name);
            session.setVariable("collation_connection", coll);
        } else {
            // SET CHARACTER SET makes the connection use the database's character set
            session.setVariable("character_set_connection", session.variable("character_set_database"));
            session.setVariable("collation_connection", session.variable("collation_database"));
        }
        return StatementResult.ok();
    }
}
