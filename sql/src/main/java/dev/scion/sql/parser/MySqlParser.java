package dev.scion.sql.parser;

import dev.scion.sql.parser.impl.MySqlParserImpl;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CharLiteralStyle;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.EnumSet;

/**
 * Entry point to Scion's MySQL-dialect parser (Calcite's parser extended through its
 * FMPP/JavaCC templates; generated class {@link MySqlParserImpl}).
 *
 * <p>Strings: both {@code 'single'} and {@code "double"} quoted literals with MySQL backslash
 * escapes and doubled-quote escapes. Calcite's {@code charLiteralStyles} cannot express that
 * (with {@link Quoting#BACK_TICK} only {@link CharLiteralStyle#STANDARD} selects the back-tick
 * lexical state; the BigQuery styles need {@code BACK_TICK_BACKSLASH} and do not decode
 * {@code \n}); the generated lexer does it instead, see {@link MySqlLiterals}.
 */
public final class MySqlParser {
  private MySqlParser() {}

  private static final SqlParser.Config CONFIG =
      SqlParser.config()
          .withParserFactory(MySqlParserImpl.FACTORY)
          .withQuoting(Quoting.BACK_TICK)
          .withUnquotedCasing(Casing.UNCHANGED)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(false)
          .withConformance(SqlConformanceEnum.MYSQL_5)
          .withCharLiteralStyles(EnumSet.of(CharLiteralStyle.STANDARD));

  /**
   * Dialect to unparse with: Calcite's MySQL dialect plus MySQL spellings for what this parser
   * maps onto Calcite operators (see {@link MySqlUnparseDialect}).
   */
  public static final SqlDialect DIALECT = new MySqlUnparseDialect();

  /** Parser configuration for MySQL text. */
  public static SqlParser.Config config() {
    return CONFIG;
  }

  /** Parses one or more statements separated by semicolons. */
  public static SqlNodeList parseStatements(String sql) throws SqlParseException {
    return SqlParser.create(sql, CONFIG).parseStmtList();
  }

  /** Parses exactly one statement (a trailing semicolon is not allowed). */
  public static SqlNode parseStatement(String sql) throws SqlParseException {
    return SqlParser.create(sql, CONFIG).parseStmt();
  }

  /** Parses an expression. */
  public static SqlNode parseExpression(String sql) throws SqlParseException {
    return SqlParser.create(sql, CONFIG).parseExpression();
  }

  /** Unparses a node as MySQL text. */
  public static String unparse(SqlNode node) {
    return node.toSqlString(c -> c.withDialect(DIALECT)).getSql();
  }
}
