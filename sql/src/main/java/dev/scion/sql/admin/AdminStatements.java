package dev.scion.sql.admin;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the statements the front end owns (USE, SET, SHOW, transactions, CALL, databases). */
public final class AdminStatements {
    /** A procedure name for CALL: {@code [db.]name}, each part plain or back-quoted. */
    private static final String ROUTINE = "(?:`(?:[^`]|``)+`|[A-Za-z_$][A-Za-z0-9_$]*)(?:\\s*\\.\\s*(?:`(?:[^`]|``)+`"
            + "|[A-Za-z_$][A-Za-z0-9_$]*))?";
    /**
     * The revision of a SHOW / DESCRIBE ... AS OF: a function call over literals ({@code TIMESTAMP('...')}), a quoted
     * string, a back-quoted or bare name, or @variable.
     */
    private static final String REVISION = "[A-Za-z_]+\\s*\\((?:[^()']|'(?:[^']|'')*')*\\)|'(?:[^']|'')*'"
            + "|\"(?:[^\"]|\"\")*\"|`(?:[^`]|``)+`|@?[A-Za-z0-9_~^./@-]+";
    private record Rule(Pattern pattern, Function<Matcher, AdminStatement> factory) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

    private static final List<Rule> RULES = List.of(
            rule("USE\\s+(`(?:[^`]|``)+`|\\S+)", m -> new UseStatement(Identifiers.unquote(m.group(1)))),
            rule("BEGIN(?:\\s+WORK)?", m -> TransactionStatement.begin(false)),
            rule("START\\s+TRANSACTION((?:\\s*,?\\s*(?:READ\\s+ONLY|READ\\s+WRITE|WITH\\s+CONSISTENT\\s+SNAPSHOT))*)",
                    m -> TransactionStatement.begin(m.group(1).toUpperCase(java.util.Locale.ROOT).contains("ONLY"))),
            rule("COMMIT(?:\\s+WORK)?(?:\\s+(?:AND\\s+(?:NO\\s+)?CHAIN|(?:NO\\s+)?RELEASE))*",
                    m -> TransactionStatement.commit()),
            rule("ROLLBACK(?:\\s+WORK)?\\s+TO\\s+(?:SAVEPOINT\\s+)?(\\S+)",
                    m -> new SavepointStatement(SavepointStatement.Kind.ROLLBACK_TO, Identifiers.unquote(m.group(1)))),
            rule("ROLLBACK(?:\\s+WORK)?(?:\\s+(?:AND\\s+(?:NO\\s+)?CHAIN|(?:NO\\s+)?RELEASE))*",
                    m -> TransactionStatement.rollback()),
            rule("SAVEPOINT\\s+(\\S+)",
                    m -> new SavepointStatement(SavepointStatement.Kind.SET, Identifiers.unquote(m.group(1)))),
            rule("RELEASE\\s+SAVEPOINT\\s+(\\S+)",
                    m -> new SavepointStatement(SavepointStatement.Kind.RELEASE, Identifiers.unquote(m.group(1)))),
            rule("PREPARE\\s+(\\S+)\\s+FROM\\s+(.+)",
                    m -> PreparedSqlStatement.prepare(Identifiers.unquote(m.group(1)), m.group(2).strip())),
            rule("EXECUTE\\s+(\\S+?)(?:\\s+USING\\s+(.+))?",
                    m -> PreparedSqlStatement.execute(Identifiers.unquote(m.group(1)), m.group(2))),
            rule("(?:DEALLOCATE|DROP)\\s+PREPARE\\s+(\\S+)",
                    m -> PreparedSqlStatement.deallocate(Identifiers.unquote(m.group(1)))),
            rule("(?:(?:CREATE|ALTER|DROP|RENAME)\\s+USER|GRANT|REVOKE|SHOW\\s+GRANTS|SET\\s+PASSWORD)\\b.*",
                    m -> dev.scion.sql.privilege.AccountStatementParser.parse(m.group())
                            .orElseThrow(() -> dev.scion.sql.error.SqlError.parse(m.group(), 1))),
            rule("SET\\s+(?:(SESSION|GLOBAL|LOCAL)\\s+)?TRANSACTION\\s+(.+)",
                    m -> SetTransaction.parse(m.group(1), m.group(2))),
            rule("SET\\s+NAMES\\s+(\\S+)(?:\\s+COLLATE\\s+(\\S+))?", m -> new SetNames(true, m.group(1), m.group(2))),
            rule("SET\\s+(?:CHARACTER\\s+SET|CHARSET)\\s+(\\S+)", m -> new SetNames(false, m.group(1), null)),
            rule("SET\\s+(.+)", m -> SetStatement.parse(m.group(1))),
            rule("SHOW\\s+(?:SCHEMAS|DATABASES)" + ShowFilter.group(),
                    m -> new ShowDatabases(ShowFilter.parse(m.group(1)))),
            rule("SHOW\\s+(FULL\\s+)?TABLES(?:\\s+(?:FROM|IN)\\s+(\\S+))?(?:\\s+AS\\s+OF\\s+(" + REVISION + "))?"
                    + ShowFilter.group(),
                    m -> new ShowTables(m.group(1) != null, m.group(2) == null ? null : Identifiers.unquote(m.group(2)),
                            m.group(3), ShowFilter.parse(m.group(4)))),
            rule("SHOW\\s+TABLE\\s+STATUS(?:\\s+(?:FROM|IN)\\s+(\\S+))?" + ShowFilter.group(),
                    m -> new ShowTableStatus(m.group(1) == null ? null : Identifiers.unquote(m.group(1)),
                            ShowFilter.parse(m.group(2)))),
            rule("SHOW\\s+(?:(?:SESSION|GLOBAL|LOCAL)\\s+)?VARIABLES" + ShowFilter.group(),
                    m -> new ShowVariables(ShowFilter.parse(m.group(1)))),
            rule("GET\\s+(?:(?:CURRENT|STACKED)\\s+)?DIAGNOSTICS\\b.*", m -> new GetDiagnosticsStatement(m.group())),
            rule("SHOW\\s+WARNINGS(?:\\s+LIMIT.*)?", m -> new ShowWarnings(false)),
            rule("SHOW\\s+ERRORS(?:\\s+LIMIT.*)?", m -> new ShowWarnings(true)),
            rule("SHOW\\s+(EXTENDED\\s+)?(FULL\\s+)?(?:COLUMNS|FIELDS)\\s+(?:FROM|IN)\\s+(\\S+)"
                    + "(?:\\s+(?:FROM|IN)\\s+(\\S+))?" + ShowFilter.group(), m -> {
                        String[] t = TableLookup.split(m.group(3));
                        return new ShowColumns(m.group(2) != null, m.group(1) != null,
                                m.group(4) != null ? Identifiers.unquote(m.group(4)) : t[0], t[1],
                                ShowFilter.parse(m.group(5)));
                    }),
            rule("SHOW\\s+(?:EXTENDED\\s+)?(?:INDEX|INDEXES|KEYS)\\s+(?:FROM|IN)\\s+(\\S+)(?:\\s+(?:FROM|IN)\\s+(\\S+))?"
                    + ShowFilter.group(), m -> {
                        String[] t = TableLookup.split(m.group(1));
                        return new ShowIndex(m.group(2) != null ? Identifiers.unquote(m.group(2)) : t[0], t[1],
                                ShowFilter.parse(m.group(3)));
                    }),
            rule("(?:DESCRIBE|DESC|EXPLAIN)\\s+(?!SELECT\\b|WITH\\b|FORMAT\\b|ANALYZE\\b|\\()(\\S+)\\s+AS\\s+OF\\s+(" + REVISION
                    + ")\\s*;?", m -> ShowColumns.describeAsOf(m.group(1), m.group(2))),
            rule("(?:DESCRIBE|DESC|EXPLAIN)\\s+(?!SELECT\\b|WITH\\b|FORMAT\\b|ANALYZE\\b|\\()(\\S+)(?:\\s+(\\S+))?",
                    m -> ShowColumns.describe(m.group(1), m.group(2))),
            rule("(?:EXPLAIN|DESCRIBE|DESC)\\s+(?:FORMAT\\s*=\\s*\\w+\\s+)?((?:SELECT|WITH|\\().*)",
                    m -> new ExplainStatement(m.group(1))),
            rule("SHOW\\s+CREATE\\s+TABLE\\s+(\\S+)(?:\\s+AS\\s+OF\\s+(.+?))?\\s*;?",
                    m -> ShowCreateTable.of(m.group(1), m.group(2))),
            rule("SHOW\\s+CREATE\\s+VIEW\\s+(\\S+)", m -> ShowCreateView.of(m.group(1))),
            rule("SHOW\\s+CREATE\\s+(?:DATABASE|SCHEMA)\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\S+)",
                    m -> new ShowCreateDatabase(Identifiers.unquote(m.group(2)), m.group(1) != null)),
            rule("SHOW\\s+(?:GLOBAL\\s+|SESSION\\s+|LOCAL\\s+)?STATUS" + ShowFilter.group(),
                    m -> new ShowStatus(ShowFilter.parse(m.group(1)))),
            rule("SHOW\\s+(?:STORAGE\\s+)?ENGINES", m -> ShowCatalogLists.engines()),
            rule("SHOW\\s+PLUGINS", m -> s -> ShowCatalogLists.empty(s, List.of("Name", "Status", "Type", "Library",
                    "License"))),
            rule("SHOW\\s+(?:CHARACTER\\s+SET|CHARSET)" + ShowFilter.group(),
                    m -> ShowCatalogLists.characterSets(ShowFilter.parse(m.group(1)))),
            rule("SHOW\\s+COLLATION" + ShowFilter.group(), m -> ShowCatalogLists.collations(ShowFilter.parse(m.group(1)))),
            rule("SHOW\\s+(FULL\\s+)?PROCESSLIST", m -> new ShowProcessList(m.group(1) != null)),
            rule("SHOW\\s+(?:PROCEDURE|FUNCTION)\\s+STATUS" + ShowFilter.group(),
                    m -> s -> ShowCatalogLists.empty(s, List.of("Db", "Name", "Type", "Definer", "Modified", "Created",
                            "Security_type", "Comment", "character_set_client", "collation_connection",
                            "Database Collation"))),
            rule("SHOW\\s+TRIGGERS.*", m -> s -> ShowCatalogLists.empty(s, List.of("Trigger", "Event", "Table",
                    "Statement", "Timing", "Created", "sql_mode", "Definer", "character_set_client",
                    "collation_connection", "Database Collation"))),
            rule("CREATE\\s+(?:DATABASE|SCHEMA)\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(`(?:[^`]|``)+`|[^\\s;]+)(\\s+.*)?",
                    m -> new CreateDatabase(Identifiers.unquote(m.group(2)), m.group(1) != null,
                            DatabaseOptions.parse(m.group(3)))),
            rule("ALTER\\s+(?:DATABASE|SCHEMA)(?:\\s+(?!(?:DEFAULT|CHARACTER|CHARSET|COLLATE|ENCRYPTION|READ)\\b)"
                    + "(`(?:[^`]|``)+`|[^\\s;]+))?(\\s+.*)",
                    m -> new AlterDatabase(m.group(1) == null ? null : Identifiers.unquote(m.group(1)),
                            DatabaseOptions.parse(m.group(2)))),
            rule("DROP\\s+(?:DATABASE|SCHEMA)\\s+(IF\\s+EXISTS\\s+)?(`(?:[^`]|``)+`|[^\\s;]+)",
                    m -> new DropDatabase(Identifiers.unquote(m.group(2)), m.group(1) != null)),
            rule("ANALYZE\\s+(?:NO_WRITE_TO_BINLOG\\s+|LOCAL\\s+)?TABLES?\\s+(?!.*\\bHISTOGRAM\\b)(.+)",
                    m -> new dev.scion.sql.stats.AnalyzeTable(m.group(1))),
            rule("(?:LOCK\\s+TABLES?|UNLOCK\\s+TABLES?|FLUSH)\\b.*", m -> new NoOp()),
            rule("KILL\\s+(?:(CONNECTION|QUERY)\\s+)?(\\d{1,18})",
                    m -> new KillStatement(Long.parseLong(m.group(2)), "QUERY".equalsIgnoreCase(m.group(1)))),
            rule("CALL\\s+(" + ROUTINE + ")\\s*(?:\\((.*)\\))?\\s+AS\\s+OF\\s+(.+)", m -> new CallStatement(m.group(1),
                    m.group(2) == null ? "" : m.group(2), m.group(3))),
            rule("CALL\\s+(" + ROUTINE + ")\\s*\\((.*)\\)", m -> new CallStatement(m.group(1), m.group(2))),
            rule("CALL\\s+(" + ROUTINE + ")", m -> new CallStatement(m.group(1), "")));

    private AdminStatements() {
    }

    private static Rule rule(String regex, Function<Matcher, AdminStatement> factory) {
        return new Rule(Pattern.compile(regex, FLAGS), factory);
    }

    /** Whether the statement starts with SELECT, INSERT, UPDATE, DELETE, REPLACE or WITH (no rule matches those). */
    static boolean isPlainDml(String sql) {
        int start = 0;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        if (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            return false;
        }
        String word = sql.substring(start, end);
        for (String k : new String[] {"SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "WITH"}) {
            if (k.equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    public static Optional<AdminStatement> match(String sql) {
        if (isPlainDml(sql)) {
            return Optional.empty(); // no rule starts with these, and trying ~45 patterns costs more than planning a cached query
        }
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(sql);
            if (m.matches()) {
                return Optional.of(r.factory().apply(m));
            }
        }
        return Optional.empty();
    }
}
