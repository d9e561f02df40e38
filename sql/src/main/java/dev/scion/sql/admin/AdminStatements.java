package dev.scion.sql.admin;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the statements the front end owns (USE, SET, SHOW, transactions, CALL, databases). */
public final class AdminStatements {
    private record Rule(Pattern pattern, Function<Matcher, AdminStatement> factory) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

    private static final List<Rule> RULES = List.of(
            rule("USE\\s+(`(?:[^`]|``)+`|\\S+)", m -> new UseStatement(Identifiers.unquote(m.group(1)))),
            rule("(?:BEGIN(?:\\s+WORK)?|START\\s+TRANSACTION(?:\\s+.*)?)", m -> TransactionStatement.begin()),
            rule("COMMIT(?:\\s+WORK)?", m -> TransactionStatement.commit()),
            rule("ROLLBACK(?:\\s+WORK)?", m -> TransactionStatement.rollback()),
            rule("SET\\s+(.+)", m -> SetStatement.parse(m.group(1))),
            rule("SHOW\\s+(?:SCHEMAS|DATABASES)(?:\\s+LIKE\\s+('.*'))?", m -> new ShowDatabases(like(m.group(1)))),
            rule("SHOW\\s+(FULL\\s+)?TABLES(?:\\s+(?:FROM|IN)\\s+(\\S+))?(?:\\s+LIKE\\s+('.*'))?",
                    m -> new ShowTables(m.group(1) != null, m.group(2) == null ? null : Identifiers.unquote(m.group(2)),
                            like(m.group(3)))),
            rule("SHOW\\s+(?:(?:SESSION|GLOBAL)\\s+)?VARIABLES(?:\\s+LIKE\\s+('.*')|\\s+WHERE\\s+.*)?",
                    m -> new ShowVariables(like(m.group(1)))),
            rule("SHOW\\s+(?:WARNINGS|ERRORS)(?:\\s+LIMIT.*)?", m -> new ShowWarnings()),
            rule("SHOW\\s+(?:FULL\\s+)?(?:COLUMNS|FIELDS)\\s+(?:FROM|IN)\\s+(\\S+)(?:\\s+(?:FROM|IN)\\s+(\\S+))?.*",
                    m -> new DescribeTable(m.group(2) == null ? null : Identifiers.unquote(m.group(2)),
                            Identifiers.unquote(m.group(1)))),
            rule("(?:DESCRIBE|DESC)\\s+(\\S+)(?:\\s+\\S+)?", m -> DescribeTable.of(m.group(1))),
            rule("SHOW\\s+CREATE\\s+TABLE\\s+(\\S+)", m -> ShowCreateTable.of(m.group(1))),
            rule("SHOW\\s+(?:GLOBAL\\s+|SESSION\\s+)?STATUS(?:\\s+.*)?", m -> new EmptyResult("Variable_name", "Value")),
            rule("SHOW\\s+ENGINES", m -> new EmptyResult("Engine", "Support", "Comment", "Transactions", "XA",
                    "Savepoints")),
            rule("CREATE\\s+(?:DATABASE|SCHEMA)\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(`(?:[^`]|``)+`|[^\\s;]+)(?:\\s+.*)?",
                    m -> new CreateDatabase(Identifiers.unquote(m.group(2)), m.group(1) != null)),
            rule("DROP\\s+(?:DATABASE|SCHEMA)\\s+(IF\\s+EXISTS\\s+)?(`(?:[^`]|``)+`|[^\\s;]+)",
                    m -> new DropDatabase(Identifiers.unquote(m.group(2)), m.group(1) != null)),
            rule("(?:LOCK\\s+TABLES?|UNLOCK\\s+TABLES?|FLUSH)\\b.*", m -> new NoOp()),
            rule("KILL\\s+(?:(CONNECTION|QUERY)\\s+)?(\\d{1,18})",
                    m -> new KillStatement(Long.parseLong(m.group(2)), "QUERY".equalsIgnoreCase(m.group(1)))),
            rule("CALL\\s+([A-Za-z_][A-Za-z0-9_.]*)\\s*\\((.*)\\)", m -> new CallStatement(m.group(1), m.group(2))),
            rule("CALL\\s+([A-Za-z_][A-Za-z0-9_.]*)", m -> new CallStatement(m.group(1), "")));

    private AdminStatements() {
    }

    private static Rule rule(String regex, Function<Matcher, AdminStatement> factory) {
        return new Rule(Pattern.compile(regex, FLAGS), factory);
    }

    private static String like(String quoted) {
        return quoted == null ? null : Identifiers.unquoteString(quoted);
    }

    public static Optional<AdminStatement> match(String sql) {
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(sql);
            if (m.matches()) {
                return Optional.of(r.factory().apply(m));
            }
        }
        return Optional.empty();
    }
}
