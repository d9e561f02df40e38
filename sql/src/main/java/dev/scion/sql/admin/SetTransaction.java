package dev.scion.sql.admin;

import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SET [GLOBAL | SESSION] TRANSACTION characteristic, ...: READ ONLY / READ WRITE and ISOLATION LEVEL. Without a
 * scope it applies to the next transaction only. Every Scion transaction reads one snapshot and commits by
 * merge, so the isolation level is recorded (for @@transaction_isolation) but does not change behaviour.
 */
final class SetTransaction implements AdminStatement {
    private static final Pattern CHARACTERISTIC = Pattern.compile(
            "\\s*(?:READ\\s+(ONLY|WRITE)|ISOLATION\\s+LEVEL\\s+(READ\\s+UNCOMMITTED|READ\\s+COMMITTED|"
                    + "REPEATABLE\\s+READ|SERIALIZABLE))\\s*", Pattern.CASE_INSENSITIVE);

    private final String scope;
    private final Boolean readOnly;
    private final String isolation;

    private SetTransaction(String scope, Boolean readOnly, String isolation) {
        this.scope = scope == null ? null : scope.toUpperCase(Locale.ROOT);
        this.readOnly = readOnly;
        this.isolation = isolation;
    }

    static SetTransaction parse(String scope, String characteristics) {
        Boolean readOnly = null;
        String isolation = null;
        for (String part : characteristics.split(",")) {
            Matcher m = CHARACTERISTIC.matcher(part);
            if (!m.matches()) {
                throw StatementReader.syntaxError(part.strip(), null);
            }
            if (m.group(1) != null) {
                readOnly = m.group(1).equalsIgnoreCase("ONLY");
            } else {
                isolation = m.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", "-");
            }
        }
        return new SetTransaction(scope, readOnly, isolation);
    }

    @Override
    public StatementResult execute(Session session) {
        if (scope == null) {
            if (readOnly != null) {
                session.setNextTransactionReadOnly(readOnly);
            }
            return StatementResult.ok();
        }
        boolean global = scope.equals("GLOBAL");
        if (readOnly != null) {
            set(session, global, "transaction_read_only", readOnly ? 1L : 0L);
        }
        if (isolation != null) {
            set(session, global, "transaction_isolation", isolation);
        }
        return StatementResult.ok();
    }

    private static void set(Session session, boolean global, String name, Object value) {
        if (global) {
            session.engine().setGlobalVariable(name, value);
        } else {
            session.setVariable(name, value);
        }
    }
}
