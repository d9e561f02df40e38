package dev.scion.sql.parser.ddl;

import dev.scion.sql.parser.MySqlUnparse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;
import java.util.Locale;

/**
 * A MySQL column type as written: {@code INT(11) UNSIGNED ZEROFILL}, {@code DECIMAL(10,2)},
 * {@code VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin}, {@code ENUM('a','b')},
 * {@code DATETIME(6)} ...
 */
public class SqlMySqlDataType extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("MYSQL_DATA_TYPE", SqlKind.OTHER);

  private final String typeName;
  private final int precision;
  private final int scale;
  private final boolean unsigned;
  private final boolean zerofill;
  private String charset;
  private String collation;
  private final List<String> values;
  /** The SRID a spatial column is restricted to ({@code POINT SRID 4326}); -1 when it takes any. */
  private long srid = -1;

  /**
   * @param typeName  upper-case MySQL type name as written (INT, INTEGER, VARCHAR, ENUM, ...)
   * @param precision length, display width, precision or fractional-seconds precision; -1 if absent
   * @param scale     scale of DECIMAL/FLOAT/DOUBLE; -1 if absent
   * @param values    ENUM/SET members, else empty
   */
  public SqlMySqlDataType(SqlParserPos pos, String typeName, int precision, int scale,
      boolean unsigned, boolean zerofill, String charset, String collation,
      List<String> values) {
    super(pos);
    this.typeName = typeName.toUpperCase(Locale.ROOT);
    this.precision = precision;
    this.scale = scale;
    this.unsigned = unsigned;
    this.zerofill = zerofill;
    this.charset = charset;
    this.collation = collation;
    this.values = List.copyOf(values);
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of();
  }

  public String getTypeName() {
    return typeName;
  }

  /** Length / display width / precision; -1 if not given. */
  public int getPrecision() {
    return precision;
  }

  /** Scale; -1 if not given. */
  public int getScale() {
    return scale;
  }

  /** Fractional-seconds precision of TIME/DATETIME/TIMESTAMP; -1 if not given. */
  public int getFsp() {
    return isTemporalWithFsp() ? precision : -1;
  }

  public boolean isUnsigned() {
    return unsigned;
  }

  public boolean isZerofill() {
    return zerofill;
  }

  public String getCharset() {
    return charset;
  }

  public String getCollation() {
    return collation;
  }

  /** Members of an ENUM or SET type. */
  public List<String> getValues() {
    return values;
  }

  void setCharset(String charset) {
    this.charset = charset;
  }

  void setCollation(String collation) {
    this.collation = collation;
  }

  /** Applies a column-level CHARACTER SET / COLLATE option to this type. */
  public SqlMySqlDataType withCharsetAndCollation(String charset, String collation) {
    if (charset != null) {
      this.charset = charset;
    }
    if (collation != null) {
      this.collation = collation;
    }
    return this;
  }

  /** Applies a spatial column's SRID option to this type. */
  public SqlMySqlDataType withSrid(long srid) {
    this.srid = srid;
    return this;
  }

  /** The SRID option of a spatial column, or -1. */
  public long getSrid() {
    return srid;
  }

  private boolean isTemporalWithFsp() {
    return typeName.equals("TIME") || typeName.equals("DATETIME")
        || typeName.equals("TIMESTAMP");
  }

  /**
   * Whether an unquoted word is a spatial type name other than GEOMETRY (POINT, LINESTRING, ...). A plain method
   * rather than a JAVACODE production: the parser's lookahead scans call it, and those may not throw.
   */
  public static boolean isSpatialTypeWord(String word) {
    switch (word.toUpperCase(java.util.Locale.ROOT)) {
    case "POINT": case "LINESTRING": case "POLYGON": case "MULTIPOINT": case "MULTILINESTRING":
    case "MULTIPOLYGON": case "GEOMETRYCOLLECTION": case "GEOMCOLLECTION":
      return true;
    default:
      return false;
    }
  }

  /** The Calcite type this MySQL type is closest to. */
  public SqlTypeName toSqlTypeName() {
    switch (typeName) {
    case "TINYINT": return unsigned ? SqlTypeName.UTINYINT : SqlTypeName.TINYINT;
    case "SMALLINT": return unsigned ? SqlTypeName.USMALLINT : SqlTypeName.SMALLINT;
    case "MEDIUMINT":
    case "INT":
    case "INTEGER": return unsigned ? SqlTypeName.UINTEGER : SqlTypeName.INTEGER;
    case "BIGINT": return unsigned ? SqlTypeName.UBIGINT : SqlTypeName.BIGINT;
    case "SERIAL": return SqlTypeName.UBIGINT;
    case "DECIMAL":
    case "DEC":
    case "NUMERIC":
    case "FIXED": return SqlTypeName.DECIMAL;
    case "FLOAT": return SqlTypeName.REAL;
    case "DOUBLE":
    case "REAL": return SqlTypeName.DOUBLE;
    case "BOOL":
    case "BOOLEAN": return SqlTypeName.BOOLEAN;
    case "CHAR": return SqlTypeName.CHAR;
    case "VARCHAR":
    case "TINYTEXT":
    case "TEXT":
    case "MEDIUMTEXT":
    case "LONGTEXT":
    case "ENUM":
    case "SET":
    case "JSON": return SqlTypeName.VARCHAR;
    case "BINARY": return SqlTypeName.BINARY;
    case "BIT":
    case "VARBINARY":
    case "TINYBLOB":
    case "BLOB":
    case "MEDIUMBLOB":
    case "LONGBLOB": return SqlTypeName.VARBINARY;
    case "DATE": return SqlTypeName.DATE;
    case "TIME": return SqlTypeName.TIME;
    case "DATETIME":
    case "TIMESTAMP": return SqlTypeName.TIMESTAMP;
    case "YEAR": return SqlTypeName.SMALLINT;
    case "GEOMETRY": return SqlTypeName.GEOMETRY;
    default: return SqlTypeName.ANY;
    }
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (!values.isEmpty()) {
      writer.keyword(typeName);
      final SqlWriter.Frame frame = writer.startList("(", ")");
      for (String v : values) {
        writer.sep(",");
        writer.literal(MySqlUnparse.quote(v));
      }
      writer.endList(frame);
    } else if (precision >= 0) {
      writer.keyword(typeName + "(" + precision + (scale >= 0 ? "," + scale : "") + ")");
    } else {
      writer.keyword(typeName);
    }
    if (unsigned) {
      writer.keyword("UNSIGNED");
    }
    if (zerofill) {
      writer.keyword("ZEROFILL");
    }
    if (charset != null) {
      writer.keyword("CHARACTER SET");
      writer.identifier(charset, false);
    }
    if (collation != null) {
      writer.keyword("COLLATE");
      writer.identifier(collation, false);
    }
    if (srid >= 0) {
      writer.keyword("SRID " + srid);
    }
  }
}
