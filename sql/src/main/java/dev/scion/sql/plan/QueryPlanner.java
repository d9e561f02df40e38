package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.GuardedOp;
import dev.scion.sql.exec.Operator;
import dev.scion.sql.exec.ParameterValuesOp;
import dev.scion.sql.expr.SqlFunctions;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.expr.BoundParameters;
import dev.scion.sql.plan.cache.CachedQuery;
import dev.scion.sql.plan.cache.PlanCache;
import dev.scion.sql.plan.cache.PreparedShape;
import dev.scion.sql.plan.cache.TextShape;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Properties;

/** Validates a parsed query against the session's databases and turns it into a physical plan. */
public final class QueryPlanner {
    private static final CalciteConnectionConfigImpl CONNECTION_CONFIG;

    static {
        Properties p = new Properties();
        p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        CONNECTION_CONFIG = new CalciteConnectionConfigImpl(p);
    }

    /** A planned query: the operator tree and the columns it returns. */
    public record Plan(Operator root, List<ResultColumn> columns) {
    }

    private QueryPlanner() {
    }

    /** Plans a query whose text (after variable rewriting) is {@code sql}. */
    public static Plan plan(Session session, SqlNode query, String sql) {
        return plan(session, query, sql, null);
    }

    /**
     * Plans a query as {@link #plan(Session, SqlNode, String)}, and when its plan is cached, remembers how the literals
     * of {@code shape} (the shape of {@code sql}, which must be the statement's own text) fill it, so the next statement
     * of that shape is found by {@link #planByText} without parsing. {@code shape} null: no text entry.
     */
    public static Plan plan(Session session, SqlNode query, String sql, TextShape shape) {
        try {
            return planUnguarded(session, query, sql, shape);
        } catch (SqlError e) {
            throw e;
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            throw GuardedOp.unexpected(e);
        }
    }

    /**
     * The plan of a SELECT found by its text shape alone, before parsing (the plan cache's text level), or null: not
     * cached, a table changed its schema, or the session lacks the SELECT privilege on a table as a whole (the parsing
     * path then checks column grants and reports, see {@link #bind}). Views never reach this level (their bodies may
     * change).
     */
    public static Plan planByText(Session session, TextShape shape) {
        PlanCache cache = session.planCache();
        Plan bound = bindHit(session, cache.lookUpText(PlanCache.textKey(PlanCacheScope.of(session), shape), shape));
        if (bound != null) {
            cache.countTextHit();
        }
        return bound;
    }

    /**
     * As {@link #planByText} for the text of prepared statement {@code prepared} with {@code parameters} bound, found
     * without making that text; null where the text would have to be made and planned by the usual path.
     */
    public static Plan planByParameters(Session session, PreparedShape prepared, Object[] parameters) {
        PlanCache cache = session.planCache();
        Plan bound = bindHit(session, prepared.lookUp(cache, PlanCacheScope.of(session), parameters));
        if (bound != null) {
            cache.countTextHit();
            cache.countBoundHit();
        }
        return bound;
    }

    private static Plan bindHit(Session session, PlanCache.TextHit hit) {
        if (hit == null) {
            return null;
        }
        try {
            Plan bound = bind(session, hit.plan(), hit.values());
            if (bound != null) {
                session.planCache().countHit();
            }
            return bound;
        } catch (RuntimeException e) {
            return null; // the parsing path runs the statement and reports any error as usual
        }
    }

    private static Plan planUnguarded(Session session, SqlNode query, String sql, TextShape shape) {
        SelectLabeler.label(query, sql);
        DerivedColumnNames.name(query, sql);
        SqlNode rewritten = query.accept(new VariableInliner(session)).accept(MySqlLiteralRewriter.INSTANCE);
        rewritten = ConnectionCollation.rewrite(session, rewritten);
        rewritten = QualifiedTableAliases.rewrite(session, rewritten);
        SqlNode beforeAsOf = rewritten;
        rewritten = dev.scion.sql.dolt.AsOfRewriter.rewrite(session, rewritten, sql);
        // AS OF 'STAGED' / 'HEAD' / a branch names a different commit as refs move: the text must not find the plan
        boolean asOf = rewritten != beforeAsOf;
        rewritten = dev.scion.sql.dolt.TableFunctionRewriter.rewrite(session, rewritten, sql);
        rewritten = UsingJoins.rewrite(session, rewritten);
        rewritten = HavingNames.check(session, rewritten);
        rewritten = HavingSelectColumns.rewrite(rewritten);
        rewritten = SelectAliasesInSubqueries.rewrite(session, rewritten);
        rewritten = AliasesInHavingAggregates.rewrite(session, rewritten);
        rewritten = UngroupedAnyValue.rewrite(rewritten);
        rewritten = UngroupedHaving.rewrite(rewritten);
        rewritten = NonGroupedColumns.rewrite(session, rewritten);
        rewritten = dev.scion.sql.fulltext.RelevanceOrder.rewrite(rewritten);
        rewritten = NullInSubQuery.rewrite(rewritten);
        rewritten = RowComparisons.rewrite(rewritten);
        rewritten = TruthValues.rewrite(rewritten);
        rewritten = NamedWindows.rewrite(rewritten);
        rewritten = WindowCallRules.rewrite(rewritten);
        rewritten = DerivedTableOrder.rewrite(rewritten);
        rewritten = BareColumnQualifier.rewrite(session, rewritten);
        PlanCache cache = session.planCache();
        PlanCache.Key key = PlanCache.keyOf(PlanCacheScope.of(session), rewritten);
        if (key == null) {
            return build(session, planLogical(session, rewritten, cache));
        }
        CachedQuery cached = cache.get(key.text());
        String textKey = shape == null || asOf ? null : PlanCache.textKey(PlanCacheScope.of(session), shape);
        if (cached != null) {
            Plan bound = bind(session, cached, key.values());
            if (bound != null) {
                cache.countHit();
                if (textKey != null) {
                    cache.rememberText(textKey, shape, key);
                }
                return bound;
            }
            cache.remove(key.text()); // a table it reads is gone or changed its schema: plan again
        }
        if (!cache.isLiteralsOnly(key.text())) {
            Logical parameterized;
            try {
                parameterized = planLogical(session, key.parameterized(), cache);
            } catch (RuntimeException | AssertionError e) {
                // Report the error of the statement as written (a parameter may fail where the literal would not).
                return build(session, planLogical(session, rewritten, cache));
            }
            if (parametersKeepTheirKind(parameterized.rel(), key.values())) {
                CachedQuery entry = cacheable(session, parameterized);
                if (entry != null) {
                    cache.put(key.text(), entry);
                    if (textKey != null) {
                        cache.rememberText(textKey, shape, key);
                    }
                }
                PlanParts parts = entry == null ? null : entry.parts();
                Operator root = BoundParameters.with(key.values(),
                        () -> PhysicalPlanner.build(parameterized.rel(), t -> t, parts));
                return new Plan(new GuardedOp(new ParameterValuesOp(root, key.values())), parameterized.columns());
            }
            cache.markLiteralsOnly(key.text());
        }
        return build(session, planLogical(session, rewritten, cache));
    }

    /** A query after validation, SqlToRel and the logical rewrites: what the plan cache keeps. */
    private record Logical(RelNode rel, List<ResultColumn> columns) {
    }

    private static Plan build(Session session, Logical logical) {
        return new Plan(new GuardedOp(PhysicalPlanner.build(logical.rel())), logical.columns());
    }

    private static Logical planLogical(Session session, SqlNode rewritten, PlanCache cache) {
        RecursiveCteLimits cteLimits = RecursiveCteLimits.takeOff(rewritten);
        try {
            return planLogical(session, rewritten, cache, cteLimits);
        } finally {
            cteLimits.restore();
        }
    }

    private static Logical planLogical(Session session, SqlNode rewritten, PlanCache cache,
            RecursiveCteLimits cteLimits) {
        cache.countBuilt();
        JavaTypeFactory typeFactory = new MySqlTypeFactory(MySqlTypeSystem.INSTANCE);
        CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", new SessionSchema(session));
        List<String> path = session.currentDatabase() == null ? List.of() : List.of(session.currentDatabase());
        CalciteCatalogReader reader = new CalciteCatalogReader(root, path, typeFactory, CONNECTION_CONFIG);
        SqlValidator validator = new ScionValidator(
                dev.scion.sql.routine.StoredFunctions.operatorTable(session, SqlFunctions.operatorTable()), reader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(SqlConformanceEnum.MYSQL_5)
                        .withIdentifierExpansion(true)
                        .withDefaultNullCollation(NullCollation.LOW)
                        .withTypeCoercionFactory(MySqlTypeCoercion::new));
        SqlNode validated;
        try {
            // here, not among the rewrites: the plan cache's parameterized copy is parsed again from text
            SignedSubtraction.rewrite(session, rewritten);
            validated = validator.validate(rewritten);
        } catch (CalciteContextException e) {
            throw translate(session, rewritten, e);
        } catch (org.apache.calcite.runtime.CalciteException e) {
            throw explicitCollationClash(e);
        }
        SetOperationCollations.check(validator, validated);
        HepPlanner hep = new HepPlanner(HepProgram.builder().build());
        hep.setExecutor(MySqlRexExecutor.INSTANCE);
        RelOptCluster cluster = RelOptCluster.create(hep, new MySqlRexBuilder(typeFactory));
        SqlToRelConverter converter = new SqlToRelConverter(null, validator, reader, cluster,
                StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(true));
        RelRoot relRoot = null;
        RelNode rel = null;
        try {
            // a sub-query in a join's ON, correlated with the join's left side, lost its correlation in the
            // expanding conversion (EXISTS held for every row, a scalar sub-query matched none)
            if (!SubQueries.inJoinCondition(validated)) {
                relRoot = converter.convertQuery(validated, false, true);
                rel = relRoot.project();
            }
        } catch (ClassCastException | AssertionError e) {
            // Calcite's expanding conversion casts the Correlate it builds for a correlated IN that is not a plain
            // WHERE conjunct (under OR or NOT, in the select list) to a Join (with -ea, Correlate's own assertion
            // fails first). Such a query is converted with its sub-queries kept as expressions, which the
            // sub-query rules then turn into correlates.
            rel = null;
        }
        if (rel == null) {
            SqlToRelConverter keeping = new SqlToRelConverter(null, validator, reader, cluster,
                    StandardConvertletTable.INSTANCE,
                    SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false));
            relRoot = keeping.convertQuery(validated, false, true);
            rel = SubQueryRemoval.remove(relRoot.project());
        }
        rel = cteLimits.putBack(rel, cluster.getRexBuilder());
        List<List<String>> origins = validator.getFieldOrigins(validated);
        List<ResultColumn> columns = StarColumnLabels.apply(validated,
                columns(relRoot.validatedRowType, origins, reader));
        java.time.ZoneId zone = dev.scion.sql.expr.StoredTimestamps.conversionZone(session);
        if (zone != null && StoredRowReads.current() != StoredRowReads.ALL) {
            rel = TimestampZoneRewrite.rewrite(rel, zone, StoredRowReads.current());
        }
        if (StoredRowReads.current() == 0 && dev.scion.sql.session.SqlModes.padCharToFullLength(session)) {
            rel = CharPadding.rewrite(rel);
        }
        // functional keys are matched again once the optimizer has pushed conditions down onto their tables
        return new Logical(FunctionalKeyMatches.rewrite(LogicalOptimizer.optimize(FunctionalKeyMatches.rewrite(rel))),
                columns);
    }

    /**
     * Whether each parameter got a type of its value's kind (integer types for integers, character types for
     * strings). Otherwise the literal meant something the parameter does not ({@code int_col = '5'} compares as a
     * number), and the statement is planned with its literals.
     */
    private static boolean parametersKeepTheirKind(RelNode rel, Object[] values) {
        boolean[] ok = {true};
        new RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                node.accept(new RexShuttle() {
                    @Override
                    public RexNode visitDynamicParam(RexDynamicParam p) {
                        SqlTypeName t = p.getType().getSqlTypeName();
                        Object v = p.getIndex() < values.length ? values[p.getIndex()] : null;
                        // a string as a JSON parameter would be read as JSON text; the literal is compared as text
                        boolean fits = v instanceof Long ? SqlTypeName.INT_TYPES.contains(t)
                                : v instanceof String && SqlTypeName.CHAR_TYPES.contains(t)
                                    && !dev.scion.sql.expr.json.JsonType.is(p.getType());
                        ok[0] &= fits;
                        return p;
                    }
                });
                super.visit(node, ordinal, parent);
            }
        }.go(rel);
        return ok[0];
    }

    /**
     * The cache entry for a plan, or null when it must not be reused: it reads something other than user tables at
     * the session's current snapshot (system tables, information_schema, an AS OF revision).
     */
    private static CachedQuery cacheable(Session session, Logical logical) {
        List<CachedQuery.TableUse> tables = new ArrayList<>();
        boolean[] ok = {true};
        new RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                if (node instanceof TableScan scan) {
                    ScionTable t = scan.getTable().unwrap(ScionTable.class);
                    if (t == null || !t.value().equals(current(session, t.database().name(), t.name()))) {
                        ok[0] = false;
                    } else {
                        tables.add(new CachedQuery.TableUse(t, t.database().name(), t.name(), t.value().schema()));
                    }
                } else if (node instanceof TableFunctionScan) {
                    ok[0] = false;
                }
                super.visit(node, ordinal, parent);
            }
        }.go(logical.rel());
        return ok[0] ? new CachedQuery(logical.rel(), logical.columns(), List.copyOf(tables), new PlanParts()) : null;
    }

    /** The table as the session sees it now, or null when the database or table is gone. */
    private static TableValue current(Session session, String database, String table) {
        DatabaseState state = session.findDatabase(database).orElse(null);
        if (state == null) {
            return null;
        }
        state = session.temporaryTables().resolve(state, table);
        RootValue root = state.workingRoot();
        Hash h = root.tableHash(table);
        return h == null ? null : dev.scion.sql.dolt.SchemaOverride.apply(session, state, table,
                state.repo().readTable(state.buffer(), h));
    }

    /**
     * Operators for a cached plan over the tables at the current snapshot, or null if one changed its schema or the
     * session may not (any longer) read one as a whole. Planning checks privileges as it resolves tables, a cached plan
     * skips that, so the check is made here on every reuse; column-level grants need the planner's finer check, so
     * such a session plans anew.
     */
    private static Plan bind(Session session, CachedQuery cached, Object[] values) {
        Map<Object, ScionTable> fresh = new IdentityHashMap<>();
        for (CachedQuery.TableUse use : cached.tables()) {
            try {
                dev.scion.sql.privilege.AccessChecks.requireTable(session, dev.scion.sql.privilege.Privilege.SELECT,
                        use.database(), use.table());
            } catch (SqlError e) {
                return null;
            }
            DatabaseState state = session.findDatabase(use.database()).orElse(null);
            if (state != null) {
                // a temporary table of that name shadows the base table: the plan reads whichever the session sees
                state = session.temporaryTables().resolve(state, use.table());
            }
            TableValue value = state == null ? null : current(session, use.database(), use.table());
            if (value == null || !value.schema().equals(use.schema())) {
                return null;
            }
            fresh.put(use.planned(), new ScionTable(state, use.table(), value));
        }
        Operator root = BoundParameters.with(values, () -> PhysicalPlanner.build(cached.rel(), t -> {
            ScionTable now = fresh.get(t);
            if (now == null) {
                throw new IllegalStateException("cached plan reads a table it did not record: " + t.name());
            }
            return now;
        }, cached.parts()));
        return new Plan(new GuardedOp(new ParameterValuesOp(root, values)), cached.columns());
    }

    private static List<ResultColumn> columns(RelDataType rowType, List<List<String>> origins,
                                              CalciteCatalogReader reader) {
        List<ResultColumn> out = new ArrayList<>();
        List<RelDataTypeField> fields = rowType.getFieldList();
        for (int i = 0; i < fields.size(); i++) {
            RelDataTypeField f = fields.get(i);
            List<String> origin = origins == null || i >= origins.size() ? null : origins.get(i);
            ResultColumn rc = null;
            if (origin != null && origin.size() >= 2) {
                RelOptTable t = reader.getTable(origin.subList(0, origin.size() - 1));
                ScionTable st = t == null ? null : t.unwrap(ScionTable.class);
                if (st != null) {
                    String colName = origin.get(origin.size() - 1);
                    var schema = st.value().schema();
                    int idx = schema.columnIndex(colName);
                    if (idx >= 0) {
                        Column c = schema.columns().get(idx);
                        rc = TypeMapping.fromColumn(st.database().name(), st.name(), c,
                                schema.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(c.name())), f.getName());
                    }
                }
            }
            out.add(rc != null ? rc : TypeMapping.fromCalcite(f.getName(), f.getType()));
        }
        return out;
    }

    private static final java.util.regex.Pattern TWO_EXPLICIT = java.util.regex.Pattern.compile(
            "Two explicit different collations \\([^$,]*\\$\\$([^,)]+), [^$,]*\\$\\$([^,)]+)\\) are illegal");

    /**
     * Calcite's own refusal of two different explicit collations in one comparison, as MySQL's 1267 (Calcite names
     * the right operand's collation first); any other exception is returned unchanged.
     */
    private static RuntimeException explicitCollationClash(org.apache.calcite.runtime.CalciteException e) {
        var m = TWO_EXPLICIT.matcher(String.valueOf(e.getMessage()));
        if (!m.find()) {
            return e;
        }
        return new SqlError(ErrorCode.CANT_AGGREGATE_2COLLATIONS, "Illegal mix of collations (" + m.group(2)
                + ",EXPLICIT) and (" + m.group(1) + ",EXPLICIT) for operation '='");
    }

    private static SqlError translate(Session session, SqlNode statement, CalciteContextException e) {
        Throwable cause = e.getCause();
        String msg = cause != null ? cause.getMessage() : e.getMessage();
        if (cause instanceof SqlError se) {
            return se;
        }
        if (cause instanceof org.apache.calcite.runtime.CalciteException ce
                && explicitCollationClash(ce) instanceof SqlError clash) {
            return clash;
        }
        if (msg != null) {
            var m = java.util.regex.Pattern.compile("Object '([^']*)' not found(?: within '([^']*)')?").matcher(msg);
            if (m.find()) {
                if (m.group(2) == null) {
                    var qualified = UnknownDatabaseTable.of(session, statement, m.group(1), e.getPosLine(),
                            e.getPosColumn());
                    if (qualified.isPresent()) {
                        return qualified.get();
                    }
                }
                String db = m.group(2) != null ? m.group(2) : session.currentDatabase();
                if (db == null) {
                    return SqlError.noDatabaseSelected();
                }
                if (m.group(2) == null && session.findDatabase(m.group(1)).isPresent()) {
                    return new SqlError(ErrorCode.PARSE_ERROR, msg);
                }
                return SqlError.noSuchTable(db, m.group(1));
            }
            var col = java.util.regex.Pattern.compile("Column '([^']*)' not found in (?:any table|table '([^']*)')")
                    .matcher(msg);
            if (col.find()) {
                return ColumnReferenceError.unknown(statement, e.getPosLine(), e.getPosColumn(),
                        col.group(2) == null ? col.group(1) : col.group(2) + "." + col.group(1));
            }
            var star = java.util.regex.Pattern.compile("Unknown identifier '([^']*)'").matcher(msg);
            if (star.matches() && ColumnClause.starAt(statement, e.getPosLine(), e.getPosColumn())) {
                return new SqlError(ErrorCode.BAD_TABLE, "Unknown table '" + star.group(1) + "'");
            }
            if (msg.matches("Table '[^']*' not found")) {
                var qualifier = ColumnReferenceError.unknownQualifier(statement, e.getPosLine(), e.getPosColumn());
                if (qualifier.isPresent()) {
                    return qualifier.get();
                }
            }
            if (msg.contains("No match found for function signature")) {
                String fn = msg.replaceAll(".*signature ([A-Za-z0-9_]+).*", "$1");
                return new SqlError(ErrorCode.FUNCTION_NOT_DEFINED, "FUNCTION " + (session.currentDatabase() == null
                        ? "" : session.currentDatabase() + ".") + fn.toLowerCase() + " does not exist");
            }
            var notSelected = java.util.regex.Pattern.compile("Expression '([^']*)' is not in the select clause")
                    .matcher(msg);
            if (notSelected.find()) {
                return DistinctOrderError.of(session, statement, e.getPosLine(), e.getPosColumn(),
                        notSelected.group(1));
            }
            if (msg.startsWith("Ordinal out of range")) {
                return OrdinalError.of(statement, e.getPosLine(), e.getPosColumn());
            }
            var grouped = java.util.regex.Pattern.compile("Expression '([^']*)' is not being grouped").matcher(msg);
            if (grouped.find()) {
                return UngroupedColumnError.of(session, statement, e.getPosLine(), e.getPosColumn(), grouped.group(1));
            }
            var duplicate = java.util.regex.Pattern.compile("Duplicate relation name '([^']*)' in FROM clause")
                    .matcher(msg);
            if (duplicate.find()) {
                return new SqlError(ErrorCode.NONUNIQ_TABLE, "Not unique table/alias: '" + duplicate.group(1) + "'");
            }
            var ambiguous = java.util.regex.Pattern.compile("Column '([^']*)' is ambiguous").matcher(msg);
            if (ambiguous.find()) {
                return ColumnReferenceError.ambiguous(statement, e.getPosLine(), e.getPosColumn(),
                        ambiguous.group(1));
            }
            if (msg.contains("is ambiguous")) {
                return new SqlError(ErrorCode.NON_UNIQ, msg);
            }
        }
        if (cause instanceof SqlValidatorException) {
            return new SqlError(ErrorCode.UNKNOWN_ERROR, msg);
        }
        return new SqlError(ErrorCode.UNKNOWN_ERROR, msg == null ? e.toString() : msg);
    }
}
