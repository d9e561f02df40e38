package dev.scion.sql.ddl;

import dev.scion.sql.catalog.Views;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.frontend.ViewExpander;
import dev.scion.sql.frontend.ViewSecurity;
import dev.scion.sql.parser.MySqlParser;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.parser.ddl.SqlCreateMySqlView;
import dev.scion.sql.parser.ddl.SqlDropMySqlView;
import dev.scion.sql.plan.DerivedColumnNames;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** CREATE [OR REPLACE] VIEW and DROP VIEW; definitions live in {@link Views}. */
final class ViewDdl {
    private ViewDdl() {
    }

    static StatementResult create(Session session, SqlCreateMySqlView node, String sql) {
        TableName target = TableName.of(session, node.getName()).requireWritable();
        if (target.exists() || Views.isViewTable(target.name())) {
            throw new SqlError(ErrorCode.TABLE_EXISTS, "Table '" + target.name() + "' already exists");
        }
        if (!node.getReplace() && Views.definition(target.db(), target.name()).isPresent()) {
            throw new SqlError(ErrorCode.TABLE_EXISTS, "Table '" + target.name() + "' already exists");
        }
        // named from the text as written, which the stored (normalized) definition no longer has
        DerivedColumnNames.name(node.getQuery(), sql);
        if (node.getColumnList() == null) {
            ViewColumnNames.name(node.getQuery(), sql);
        }
        // one line, as SHOW CREATE VIEW prints it
        String queryText = node.getQuery().toSqlString(c -> c.withDialect(MySqlParser.DIALECT)
                .withClauseStartsLine(false).withClauseEndsLine(false)).getSql();
        // Plan a fresh copy (expansion rewrites in place) so a bad view fails now, as in MySQL.
        SqlNode probe = StatementReader.statement(queryText);
        ViewExpander.expand(session, probe);
        List<ResultColumn> columns = QueryPlanner.plan(session, probe, queryText).columns();
        List<String> names = new ArrayList<>();
        if (node.getColumnList() != null) {
            if (node.getColumnList().size() != columns.size()) {
                throw new SqlError(ErrorCode.VIEW_WRONG_LIST, "In definition of view, derived table or common "
                        + "table expression, SELECT list and column names list have different column counts");
            }
            node.getColumnList().forEach(c -> names.add(((SqlIdentifier) c).getSimple()));
        } else {
            columns.forEach(c -> names.add(c.name()));
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n.toLowerCase(Locale.ROOT))) {
                throw new SqlError(ErrorCode.DUP_FIELDNAME, "Duplicate column name '" + n + "'");
            }
        }
        String columnList = node.getColumnList() == null ? "" : " (" + names.stream()
                .map(n -> "`" + n.replace("`", "``") + "`").collect(Collectors.joining(",")) + ")";
        String definition = "CREATE " + ViewSecurity.head(session, node.getDefinerClause()) + "VIEW `"
                + target.name().replace("`", "``") + "`" + columnList + " AS " + queryText;
        Views.put(target.requireWritable().db(), target.name(), definition);
        return StatementResult.ok();
    }

    static StatementResult drop(Session session, SqlDropMySqlView node) {
        List<TableName> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (SqlIdentifier id : node.getNames()) {
            TableName t = TableName.of(session, id).requireWritable();
            if (Views.definition(t.db(), t.name()).isPresent()) {
                found.add(t);
            } else {
                missing.add(t.qualified());
            }
        }
        if (!missing.isEmpty()) {
            if (!node.isIfExists()) {
                throw new SqlError(ErrorCode.BAD_TABLE, "Unknown table '" + String.join(",", missing) + "'");
            }
            missing.forEach(m -> session.addNote(ErrorCode.BAD_TABLE.code(), "Unknown table '" + m + "'"));
        }
        for (TableName t : found) {
            Views.remove(t.db(), t.name());
        }
        return StatementResult.ok();
    }
}
