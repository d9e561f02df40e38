package dev.scion.sql.admin;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Values;
import dev.scion.sql.frontend.ParameterBinder;
import dev.scion.sql.frontend.Preprocessor;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.plan.VariableRewriter;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL-level prepared statements: PREPARE name FROM 'text' | @var, EXECUTE name [USING @a, ...] and
 * {DEALLOCATE | DROP} PREPARE name. The text is checked when prepared (a syntax error fails the PREPARE, as in
 * MySQL) and its {@code ?} markers are bound to the user variables' values at each EXECUTE.
 */
public final class PreparedSqlStatement {
    private PreparedSqlStatement() {
    }

    static AdminStatement prepare(String name, String source) {
        return session -> {
            String given = withoutFinalSemicolon(source.startsWith("@") ? userVariableText(session, source.substring(1))
                    : Identifiers.unquote(source));
            // the text is read with the sql_mode in force when it is prepared, as MySQL does
            String escaped = dev.scion.sql.session.SqlModes.noBackslashEscapes(session)
                    ? dev.scion.sql.frontend.NoBackslashEscapes.toEscaped(given,
                            dev.scion.sql.session.SqlModes.ansiQuotes(session)) : given;
            String text = dev.scion.sql.session.SqlModes.ansiQuotes(session)
                    ? dev.scion.sql.frontend.AnsiQuotes.toBackticks(escaped) : escaped;
            String normalized = Preprocessor.normalize(text);
            if (dev.scion.sql.dml.LoadDataExecutor.isLoadData(normalized)) {
                throw new SqlError(ErrorCode.UNSUPPORTED_PS,
                        "This command is not supported in the prepared statement protocol yet");
            }
            if (AdminStatements.match(normalized).isEmpty()) {
                StatementReader.statement(VariableRewriter.rewrite(normalized));
            }
            session.prepare(name, text);
            return new StatementResult.Update(0, 0, 0, "Statement prepared");
        };
    }

    /** MySQL's grammar takes one statement optionally ended by ';' (sql_statement: ... ';' opt_end_of_input). */
    private static String withoutFinalSemicolon(String text) {
        String t = text.stripTrailing();
        return t.endsWith(";") ? t.substring(0, t.length() - 1) : text;
    }

    static AdminStatement deallocate(String name) {
        return session -> {
            session.deallocate(name);
            return StatementResult.ok();
        };
    }

    /** EXECUTE: the statement text with its markers bound; the runner runs it in place of the EXECUTE. */
    public record Execute(String name, List<String> variables) implements AdminStatement {
        public String boundText(Session session) {
            String sql = session.prepared(name, "EXECUTE");
            if (ParameterBinder.countParameters(sql) != variables.size()) {
                throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to EXECUTE");
            }
            List<Object> values = new ArrayList<>();
            for (String v : variables) {
                values.add(session.userVariable(v));
            }
            return ParameterBinder.bind(sql, values.toArray());
        }

        @Override
        public StatementResult execute(Session session) {
            throw new IllegalStateException("EXECUTE runs through StatementRunner");
        }
    }

    static Execute execute(String name, String using) {
        List<String> vars = new ArrayList<>();
        if (using != null) {
            for (String part : using.split(",")) {
                String v = part.strip();
                if (!v.startsWith("@")) {
                    throw StatementReader.syntaxError("USING " + using, null);
                }
                vars.add(Identifiers.unquote(v.substring(1)));
            }
        }
        return new Execute(name, vars);
    }

    private static String userVariableText(Session session, String variable) {
        Object v = session.userVariable(Identifiers.unquote(variable));
        return v == null ? "NULL" : Values.toStringValue(v);
    }
}
