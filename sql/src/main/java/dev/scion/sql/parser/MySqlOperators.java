package dev.scion.sql.parser;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * Operators the MySQL grammar produces that Calcite has no equivalent for. Everything else maps
 * onto Calcite's own operators: {@code ||} and {@code &&} to OR / AND (MySQL's default sql_mode),
 * {@code <=>} to IS NOT DISTINCT FROM, {@code MOD} to {@code %}, {@code REGEXP} to RLIKE,
 * {@code !} to NOT.
 */
public final class MySqlOperators {
  private MySqlOperators() {}

  /** BIGINT UNSIGNED, nullable when an operand is. */
  private static final org.apache.calcite.sql.type.SqlReturnTypeInference BIGINT_UNSIGNED =
      ReturnTypes.explicit(org.apache.calcite.sql.type.SqlTypeName.UBIGINT)
          .andThen(org.apache.calcite.sql.type.SqlTypeTransforms.TO_NULLABLE);

  /**
   * {@code a XOR b}. MySQL ranks XOR between OR and AND. Calcite's parser groups operators by
   * their left precedence and treats an operator whose left precedence is below its right one as
   * left-associative; OR is (22, 23) and AND (24, 25), so XOR takes (23, 24). The constructor only
   * accepts even precedences, hence the overridden getters.
   */
  public static final SqlBinaryOperator XOR =
      new SqlBinaryOperator("XOR", SqlKind.OTHER, 22, true,
          ReturnTypes.BOOLEAN_NULLABLE, InferTypes.BOOLEAN,
          // MySQL takes any operands and converts them to truth values (1 XOR 1, 'a' XOR 0)
          OperandTypes.ANY_ANY) {
        @Override public int getLeftPrec() {
          return 23;
        }

        @Override public int getRightPrec() {
          return 24;
        }
      };

  /** {@code DEFAULT(col)}: the default value of column {@code col} (INSERT evaluates it). */
  public static final SqlFunction DEFAULT_OF =
      new SqlFunction("DEFAULT", SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null,
          OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

  /**
   * {@code MATCH (cols) AGAINST (search modifier)} as {@code SCION_MATCH_AGAINST('mode', search, col, ...)}: the
   * full-text relevance of a row, a DOUBLE (dev.scion.sql.fulltext).
   */
  public static final SqlFunction MATCH_AGAINST = new dev.scion.sql.fulltext.MatchAgainstOperator();

  /**
   * {@code a DIV b}: integer division, same precedence as {@code /}; BIGINT UNSIGNED when either operand is
   * unsigned, as MySQL's (a negative quotient is then 1690), else BIGINT.
   */
  public static final SqlBinaryOperator DIV =
      new SqlBinaryOperator("DIV", SqlKind.OTHER, 60, true,
          binding -> {
            boolean unsigned = false;
            for (org.apache.calcite.rel.type.RelDataType t : binding.collectOperandTypes()) {
              unsigned |= dev.scion.sql.expr.UnsignedArithmetic.isUnsigned(t);
            }
            return unsigned ? BIGINT_UNSIGNED.inferReturnType(binding)
                : ReturnTypes.BIGINT_NULLABLE.inferReturnType(binding);
          },
          InferTypes.FIRST_KNOWN, OperandTypes.NUMERIC_NUMERIC);

  /**
   * {@code VALUES(col)} inside {@code INSERT ... ON DUPLICATE KEY UPDATE}: the value the row
   * would have inserted into {@code col}.
   */
  public static final SqlFunction VALUES =
      new SqlFunction("VALUES", SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null,
          OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

  /** {@code col -> '$.path'}: JSON_EXTRACT(col, path). */
  public static final SqlBinaryOperator JSON_EXTRACT_ARROW =
      new JsonPathOperator("->",
          binding -> dev.scion.sql.expr.json.JsonType.create(binding.getTypeFactory(), true));

  /** {@code col ->> '$.path'}: JSON_UNQUOTE(JSON_EXTRACT(col, path)). */
  public static final SqlBinaryOperator JSON_UNQUOTE_EXTRACT_ARROW =
      new JsonPathOperator("->>",
          ReturnTypes.explicit(org.apache.calcite.sql.type.SqlTypeName.VARCHAR).andThen(
              org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE));

  /**
   * The JSON arrows. Their result is text taken from a JSON document, not a combination of the operands'
   * collations: Calcite's binary operators derive one from both text operands and fail (a null collation) when
   * a column of a non-default collation meets the path literal.
   */
  private static final class JsonPathOperator extends SqlBinaryOperator {
    JsonPathOperator(String name, org.apache.calcite.sql.type.SqlReturnTypeInference returnType) {
      super(name, SqlKind.OTHER, 90, true, returnType, InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);
    }

    /** SqlOperator's derivation, without SqlBinaryOperator's collation step. */
    @Override
    public org.apache.calcite.rel.type.RelDataType deriveType(
        org.apache.calcite.sql.validate.SqlValidator validator,
        org.apache.calcite.sql.validate.SqlValidatorScope scope, org.apache.calcite.sql.SqlCall call) {
      for (org.apache.calcite.sql.SqlNode operand : call.getOperandList()) {
        validator.deriveType(scope, operand);
      }
      return validateOperands(validator, scope, call);
    }
  }

  /**
   * The bit operators. MySQL ranks them (tightest first) {@code ^}, then {@code * / DIV %}, {@code + -},
   * {@code << >>}, {@code &}, {@code |}, then the comparisons; Calcite's comparisons are 30, {@code + -} 40 and
   * {@code * /} 60, so they take 70, 36, 34 and 32. Each takes any operands (a string or a fraction is read as an
   * integer when evaluated) and gives BIGINT UNSIGNED, as MySQL's do ({@code ~0} is 18446744073709551615).
   */
  public static final SqlBinaryOperator BIT_OR = bitOperator("|", 32);
  public static final SqlBinaryOperator BIT_AND = bitOperator("&", 34);
  public static final SqlBinaryOperator SHIFT_LEFT = bitOperator("<<", 36);
  public static final SqlBinaryOperator SHIFT_RIGHT = bitOperator(">>", 36);
  public static final SqlBinaryOperator BIT_XOR = bitOperator("^", 70);

  /**
   * {@code a || b} under sql_mode PIPES_AS_CONCAT: CONCAT(a, b), which MySQL ranks tighter than {@code ^} and
   * looser than the prefix operators ({@code 1 + 2 || 3 + 4} is 1 + '23' + 4). It only carries the precedence
   * through parsing; MySqlCallRewrites turns it into the CONCAT function before validation.
   */
  public static final SqlBinaryOperator PIPES_CONCAT =
      new SqlBinaryOperator("||", SqlKind.OTHER, 72, true, ReturnTypes.VARCHAR_2000_NULLABLE,
          InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);

  /**
   * Prefix NOT under sql_mode HIGH_NOT_PRECEDENCE: ranked with {@code !} (above every binary operator), so
   * {@code NOT a BETWEEN b AND c} is {@code (NOT a) BETWEEN b AND c}. Like PIPES_CONCAT it only carries the
   * precedence through parsing; MySqlCallRewrites turns it into the standard NOT before validation. Written out
   * (a view's stored text) it is parenthesised, so the text reads the same whatever the reader's sql_mode.
   */
  public static final SqlPrefixOperator HIGH_NOT =
      new SqlPrefixOperator("NOT", SqlKind.NOT, 80, ReturnTypes.ARG0, InferTypes.BOOLEAN, OperandTypes.BOOLEAN) {
        @Override
        public void unparse(org.apache.calcite.sql.SqlWriter writer, org.apache.calcite.sql.SqlCall call,
            int leftPrec, int rightPrec) {
          org.apache.calcite.sql.SqlWriter.Frame frame = writer.startList("(", ")");
          writer.keyword("NOT");
          call.operand(0).unparse(writer, getLeftPrec(), getRightPrec());
          writer.endList(frame);
        }
      };

  /** {@code ~x}: x's 64 bits inverted, BIGINT UNSIGNED. */
  public static final SqlPrefixOperator BIT_NOT =
      new SqlPrefixOperator("~", SqlKind.OTHER, 80, BIGINT_UNSIGNED, InferTypes.FIRST_KNOWN,
          OperandTypes.ANY);

  private static SqlBinaryOperator bitOperator(String name, int precedence) {
    return new SqlBinaryOperator(name, SqlKind.OTHER, precedence, true, BIGINT_UNSIGNED,
        InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);
  }

  /** {@code expr COLLATE name}; the right operand is the collation name as a string literal. */
  public static final SqlBinaryOperator COLLATE = new SqlCollateOperator();
}
