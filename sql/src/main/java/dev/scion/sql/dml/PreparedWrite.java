package dev.scion.sql.dml;

/**
 * A prepared statement of the write fast path's shapes ({@link WriteStatementParser}), parsed once when it is
 * prepared with its parameter markers where literals stand. An execution binds its parameters into the parsed
 * statement, so the fast path neither scans the bound text for comments and locking clauses nor parses it again:
 * for sysbench's prepared writes, whose text carries 120- and 60-character strings, that was a few percent of the
 * statement's CPU.
 *
 * <p>Binding gives what parsing the bound text would give, or nothing: a value whose literal the fast path does not
 * read (see {@link WriteStatementParser#bind}) makes the execution take the text path, as every other statement does.
 */
public final class PreparedWrite {
    private final Object template;

    private PreparedWrite(Object template) {
        this.template = template;
    }

    /**
     * The template of {@code sql}, a statement text with {@code parameterCount} markers, or null when it is no
     * one-row write of the fast path's shapes. A text with a semicolon is left to the text path, whose splitter
     * removes it.
     */
    public static PreparedWrite of(String sql, int parameterCount) {
        if (parameterCount == 0 || sql.indexOf(';') >= 0) {
            return null;
        }
        Object template = WriteStatementParser.parseTemplate(sql, parameterCount);
        return template == null ? null : new PreparedWrite(template);
    }

    /** The statement with {@code params} bound, or null when the execution must take the text path. */
    public Bound bind(Object[] params) {
        Object statement = WriteStatementParser.bind(template, params);
        return statement == null ? null : new Bound(statement);
    }

    /** One execution's statement, for {@link WriteFastPath#tryExecute(dev.scion.sql.session.Session, Bound)}. */
    public static final class Bound {
        private final Object statement;

        private Bound(Object statement) {
            this.statement = statement;
        }

        Object statement() {
            return statement;
        }
    }
}
