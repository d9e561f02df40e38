package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.GuardedOp;
import dev.scion.sql.exec.Operator;
import dev.scion.sql.expr.SqlFunctions;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
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
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import java.util.ArrayList;
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
        try {
            return planUnguarded(session, query, sql);
        } catch (SqlError e) {
            throw e;
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            throw GuardedOp.unexpected(e);
        }
    }

    private static Plan planUnguarded(Session session, SqlNode query, String sql) {
        SelectLabeler.label(query, sql);
        SqlNode rewritten = query.accept(new VariableInliner(session)).accept(MySqlLiteralRewriter.INSTANCE);
        rewritten = dev.scion.sql.dolt.AsOfRewriter.rewrite(session, rewritten, sql);
        rewritten = dev.scion.sql.dolt.TableFunctionRewriter.rewrite(session, rewritten, sql);
        JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(MySqlTypeSystem.INSTANCE);
        CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", new SessionSchema(session));
        List<String> path = session.currentDatabase() == null ? List.of() : List.of(session.currentDatabase());
        CalciteCatalogReader reader = new CalciteCatalogReader(root, path, typeFactory, CONNECTION_CONFIG);
        SqlValidator validator = SqlValidatorUtil.newValidator(SqlFunctions.operatorTable(), reader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(SqlConformanceEnum.MYSQL_5)
                        .withIdentifierExpansion(true)
                        .withDefaultNullCollation(NullCollation.LOW));
        SqlNode validated;
        try {
            validated = validator.validate(rewritten);
        } catch (CalciteContextException e) {
            throw translate(session, e);
        }
        RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()),
                new RexBuilder(typeFactory));
        SqlToRelConverter converter = new SqlToRelConverter(null, validator, reader, cluster,
                StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(true));
        RelRoot relRoot = converter.convertQuery(validated, false, true);
        RelNode rel = relRoot.project();
        List<List<String>> origins = validator.getFieldOrigins(validated);
        List<ResultColumn> columns = columns(relRoot.validatedRowType, origins, reader);
        return new Plan(new GuardedOp(PhysicalPlanner.build(LogicalOptimizer.optimize(rel))), columns);
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

    private static SqlError translate(Session session, CalciteContextException e) {
        Throwable cause = e.getCause();
        String msg = cause != null ? cause.getMessage() : e.getMessage();
        if (cause instanceof SqlError se) {
            return se;
        }
        if (msg != null) {
            var m = java.util.regex.Pattern.compile("Object '([^']*)' not found(?: within '([^']*)')?").matcher(msg);
            if (m.find()) {
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
                return new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + col.group(1) + "' in 'field list'");
            }
            if (msg.contains("No match found for function signature")) {
                String fn = msg.replaceAll(".*signature ([A-Za-z0-9_]+).*", "$1");
                return new SqlError(ErrorCode.FUNCTION_NOT_DEFINED, "FUNCTION " + fn.toLowerCase() + " does not exist");
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
