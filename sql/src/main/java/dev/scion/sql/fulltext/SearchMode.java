package dev.scion.sql.fulltext;

import java.util.Locale;

/** The modifier of AGAINST: natural language (the default), boolean, or natural language with query expansion. */
public enum SearchMode {
    NATURAL("IN NATURAL LANGUAGE MODE"),
    BOOLEAN("IN BOOLEAN MODE"),
    EXPANSION("WITH QUERY EXPANSION");

    private final String sql;

    SearchMode(String sql) {
        this.sql = sql;
    }

    /** The modifier as written after the search string. */
    public String sql() {
        return sql;
    }

    /** The mode named by the parser's literal ({@code NATURAL}, {@code BOOLEAN} or {@code EXPANSION}). */
    public static SearchMode of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
