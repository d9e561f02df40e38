package dev.scion.sql.plan;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.ExprCompiler;
import dev.scion.sql.expr.SqlFunctions;
import dev.scion.sql.parser.StatementReader;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiFunction;

/**
 * Compiles a scalar expression over the fields of one row (a table's columns for a generated column, a routine's
 * variables) into an {@link Expr} that reads the row array directly: validated and converted by Calcite once, as
 * part of {@code SELECT expr FROM row}, then compiled by the same {@link ExprCompiler} planned queries use, so the
 * value is the one a planned SELECT would give. The caller keeps the result and evaluates it per row, where planning
 * a one-row SELECT of literals per evaluation cost milliseconds.
 *
 * <p>Only self-contained expressions compile: a sub-query, an aggregate, a window or a name that is not a field
 * gives empty, and the caller keeps its planned fallback.
 */
public final class RowExpressions {
    private static final CalciteConnectionConfigImpl CONNECTION_CONFIG;
    private static final String ROW_TABLE = "scion_row";

    static {
        Properties p = new Properties();
        p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        CONNECTION_CONFIG = new CalciteConnectionConfigImpl(p);
    }

    private RowExpressions() {
    }

    /** One field of the row: its name and how to type it for the validator. */
    public record Field(String name, BiFunction<RelDataTypeFactory, String, RelDataType> type) {
    }

    /**
     * The expression {@code sql} compiled over a row whose fields are {@code fields} (in row order), or empty when
     * it does not compile to a plain projection of them. Operator lookup uses the built-in functions only: stored
     * functions are looked up per session by the planner.
     */
    public static Optional<Expr> compile(String sql, List<Field> fields) {
        try {
            SqlNode expr = StatementReader.expression(sql);
            return compile(expr, fields);
        } catch (RuntimeException | AssertionError e) {
            return Optional.empty();
        }
    }

    /**
     * The parsed expression {@code expr} compiled as {@link #compile(String, List)} does; {@code expr} itself is left
     * as it was (the validator rewrites what it validates, so a copy is compiled), for a caller that still plans it
     * when this gives empty.
     */
    public static Optional<Expr> compileParsed(SqlNode expr, List<Field> fields) {
        try {
            return compile(SqlDeepCopy.of(expr), fields);
        } catch (RuntimeException | AssertionError e) {
            return Optional.empty();
        }
    }

    private static Optional<Expr> compile(SqlNode expr, List<Field> fields) {
        Project project = project(expr, fields);
        if (project == null) {
            return Optional.empty();
        }
        RexNode node = project.getProjects().get(0);
        if (!selfContained(node)) {
            return Optional.empty();
        }
        Expr compiled = ExprCompiler.compile(node);
        return Optional.of((row, ctx) -> {
            Object v = compiled.eval(row, ctx);
            return v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v; // MySQL's truth values are 1 and 0
        });
    }

    /**
     * The type of the expression {@code sql} over a row whose fields are {@code fields}: what a column computed
     * from it holds (a functional key part's hidden column). Errors of the expression (an unknown column or
     * function) are thrown as the validator reports them.
     */
    public static RelDataType typeOf(SqlNode expr, List<Field> fields) {
        Project project = project(expr, fields);
        if (project == null) {
            throw new IllegalArgumentException("not a plain expression of the row: " + expr);
        }
        return project.getProjects().get(0).getType();
    }

    /** The expression {@code sql} over the row as Calcite's RexNode, or empty when it is not a plain projection. */
    static Optional<RexNode> rex(String sql, List<Field> fields) {
        try {
            Project project = project(StatementReader.expression(sql), fields);
            return project == null ? Optional.empty() : Optional.of(project.getProjects().get(0));
        } catch (RuntimeException | AssertionError e) {
            return Optional.empty();
        }
    }

    /** {@code SELECT expr FROM row} validated and converted, or null when it is not a single projection. */
    private static Project project(SqlNode expr, List<Field> fields) {
        SqlNode rewritten = expr.accept(MySqlLiteralRewriter.INSTANCE);
        SqlSelect select = new SqlSelect(SqlParserPos.ZERO, null,
                new SqlNodeList(List.of(rewritten), SqlParserPos.ZERO),
                new SqlIdentifier(ROW_TABLE, SqlParserPos.ZERO), null, null, null, null, null, null, null, null);
        SqlNode query = TruthValues.rewrite(select);
        JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(MySqlTypeSystem.INSTANCE);
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        SchemaPlus plus = root.plus();
        plus.add(ROW_TABLE, new AbstractTable() {
            @Override
            public RelDataType getRowType(RelDataTypeFactory f) {
                RelDataTypeFactory.Builder b = f.builder();
                for (Field field : fields) {
                    b.add(field.name(), field.type().apply(f, field.name()));
                }
                return b.build();
            }
        });
        CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(), typeFactory, CONNECTION_CONFIG);
        SqlValidator validator = SqlValidatorUtil.newValidator(SqlFunctions.operatorTable(), reader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(SqlConformanceEnum.MYSQL_5)
                        .withIdentifierExpansion(true)
                        .withDefaultNullCollation(NullCollation.LOW)
                        .withTypeCoercionFactory(MySqlTypeCoercion::new));
        SqlNode validated = validator.validate(query);
        RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()),
                new MySqlRexBuilder(typeFactory));
        SqlToRelConverter converter = new SqlToRelConverter(null, validator, reader, cluster,
                StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(true));
        RelNode rel = converter.convertQuery(validated, false, true).project();
        if (!(rel instanceof LogicalProject project) || !(project.getInput() instanceof TableScan)
                || project.getProjects().size() != 1
                || project.getInput().getRowType().getFieldCount() != fields.size()) {
            return null;
        }
        return project;
    }

    /** No sub-query, correlation or window: what needs more than the row and the function library. */
    private static boolean selfContained(RexNode node) {
        try {
            node.accept(new org.apache.calcite.rex.RexVisitorImpl<Void>(true) {
                @Override
                public Void visitSubQuery(org.apache.calcite.rex.RexSubQuery subQuery) {
                    throw org.apache.calcite.util.Util.FoundOne.NULL;
                }

                @Override
                public Void visitOver(org.apache.calcite.rex.RexOver over) {
                    throw org.apache.calcite.util.Util.FoundOne.NULL;
                }

                @Override
                public Void visitCorrelVariable(org.apache.calcite.rex.RexCorrelVariable correlVariable) {
                    throw org.apache.calcite.util.Util.FoundOne.NULL;
                }
            });
            return true;
        } catch (org.apache.calcite.util.Util.FoundOne e) {
            return false;
        }
    }
}
