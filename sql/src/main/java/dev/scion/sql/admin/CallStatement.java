package dev.scion.sql.admin;

import dev.scion.sql.dml.ExpressionEvaluator;
import dev.scion.sql.dolt.Procedures;
import dev.scion.sql.expr.Values;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.plan.VariableRewriter;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.List;

/** CALL proc(args): a stored procedure of the database, else the versioning procedures (arguments evaluated). */
final class CallStatement implements AdminStatement {
    private final String name;
    private final String args;
    /** The revision of {@code CALL p() AS OF revision} as written, or null. */
    private final String asOf;

    CallStatement(String name, String args) {
        this(name, args, null);
    }

    CallStatement(String name, String args, String asOf) {
        this.name = name;
        this.args = args;
        this.asOf = asOf;
    }

    @Override
    public StatementResult execute(Session session) {
        java.util.regex.Matcher out = java.util.regex.Pattern.compile("(?s)\\s*@([A-Za-z0-9_$.]+)\\s*,(.*)")
                .matcher(args);
        if (name.equalsIgnoreCase("dolt_commit_hash_out") && out.matches()) {
            // dolt_commit_hash_out(@var, args...): dolt_commit whose hash goes to a user variable (an OUT parameter)
            StatementResult r = new CallStatement("dolt_commit", out.group(2)).execute(session);
            session.setUserVariable(out.group(1), Procedures.firstValue(r));
            return StatementResult.ok();
        }
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        if (!simple.replace("`", "").toLowerCase(java.util.Locale.ROOT).matches("(dolt|scion)_.*")) {
            String qualified = asOf == null ? name : dev.scion.sql.routine.CallAsOf.qualify(session, name, asOf);
            java.util.Optional<dev.scion.sql.routine.ProcedureDefinition> stored =
                    dev.scion.sql.routine.ProcedureCall.find(session, qualified);
            if (stored.isPresent()) {
                return dev.scion.sql.routine.ProcedureCall.call(session, stored.get(), args);
            }
            if (session.engine().hostProcedure(simple) == null) {
                String db = name.contains(".") ? Identifiers.unquote(name.substring(0, name.lastIndexOf('.')).strip())
                        : session.currentDatabase();
                if (db == null) {
                    throw dev.scion.sql.error.SqlError.noDatabaseSelected();
                }
                throw dev.scion.sql.routine.ProcedureStatements.doesNotExist(db + "." + Identifiers.unquote(simple.strip()));
            }
        }
        List<String> values = new ArrayList<>();
        if (!args.isBlank()) {
            String sql = VariableRewriter.rewrite("SELECT " + args);
            SqlSelect select = (SqlSelect) StatementReader.statement(sql);
            List<SqlNode> exprs = select.getSelectList().getList();
            for (Object v : ExpressionEvaluator.evaluate(session, exprs, sql)) {
                values.add(v == null ? null : Values.toStringValue(v));
            }
        }
        String proc = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        dev.scion.sql.HostProcedure host = session.engine().hostProcedure(proc);
        return host != null ? host.call(session, values) : Procedures.call(session, proc, values);
    }
}
