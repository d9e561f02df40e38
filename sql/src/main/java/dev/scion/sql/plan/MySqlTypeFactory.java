package dev.scion.sql.plan;

import dev.scion.sql.catalog.Collations;
import dev.scion.sql.expr.TextCollation;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.List;

/**
 * Calcite's type factory with MySQL's aggregation of mixed types: where numbers, strings and temporal values meet
 * in one column (VALUES rows, UNION branches, CASE / COALESCE / IF arms) MySQL's result is a string; Calcite finds
 * no common type and refuses the statement ("Values passed to VALUES operator must have compatible types"), or,
 * for a temporal value and a number, reads the number as a date.
 */
final class MySqlTypeFactory extends JavaTypeFactoryImpl {

    MySqlTypeFactory(RelDataTypeSystem typeSystem) {
        super(typeSystem);
    }

    /**
     * Calcite interns types in one process-wide table, where two text types that differ only in their collation's
     * coercibility are the same ({@link SqlCollation#equals} compares names): {@code 'abc' COLLATE
     * utf8mb4_0900_ai_ci} could come back as the coercible type an earlier statement's literal got under that
     * connection collation, and lose to a binary literal. A text type whose collation is explicit or coercible is
     * therefore kept as made.
     */
    @Override
    protected RelDataType canonize(RelDataType type) {
        SqlCollation collation = SqlTypeUtil.inCharFamily(type) ? type.getCollation() : null;
        if (collation != null && collation.getCoercibility() != SqlCollation.Coercibility.IMPLICIT) {
            return type;
        }
        return super.canonize(type);
    }

    @Override
    public RelDataType leastRestrictive(List<RelDataType> types) {
        if (temporalWithNumber(types)) {
            return text(types);
        }
        RelDataType integer = integerMerge(types);
        if (integer != null) {
            return integer;
        }
        RelDataType common = super.leastRestrictive(types);
        if (common != null && SqlTypeUtil.inCharFamily(common)) {
            return withCollationOf(common, types);
        }
        if (common != null || types.isEmpty()) {
            return common;
        }
        if (booleanWithNumber(types)) {
            return leastRestrictive(types.stream().map(this::booleanAsInteger).toList());
        }
        boolean nullable = false;
        boolean anyString = false;
        for (RelDataType t : types) {
            SqlTypeName name = t.getSqlTypeName();
            SqlTypeFamily family = name.getFamily();
            if (name == SqlTypeName.NULL) {
                nullable = true;
                continue;
            }
            boolean scalar = family == SqlTypeFamily.NUMERIC || family == SqlTypeFamily.CHARACTER
                    || family == SqlTypeFamily.DATE || family == SqlTypeFamily.TIME
                    || family == SqlTypeFamily.TIMESTAMP;
            if (!scalar) {
                return null;
            }
            anyString |= family == SqlTypeFamily.CHARACTER;
            nullable |= t.isNullable();
        }
        if (!anyString) {
            return null;
        }
        return createTypeWithNullability(createSqlType(SqlTypeName.VARCHAR, 65535), nullable);
    }

    /**
     * The common type of integers (CASE, COALESCE, IF, UNION), or null for other types, by MySQL's merge of integer
     * types: all signed or all unsigned gives the widest type (two MEDIUMINT make a MEDIUMINT, which Calcite has
     * not: {@link MediumIntType}); signed with unsigned gives the signed type one size wider than the widest
     * unsigned one (INT and INT UNSIGNED make BIGINT), and DECIMAL(20,0) beside a BIGINT UNSIGNED, so that every
     * value of either side fits. Arithmetic is typed apart, by {@link MySqlTypeSystem#deriveDecimalPlusType}:
     * {@code s - u} is BIGINT UNSIGNED.
     */
    private RelDataType integerMerge(List<RelDataType> types) {
        boolean nullable = false;
        int widestSigned = -1;
        int widestUnsigned = -1;
        for (RelDataType t : types) {
            SqlTypeName name = t.getSqlTypeName();
            nullable |= t.isNullable() || name == SqlTypeName.NULL;
            int width = integerSize(t);
            if (width == -2) {
                return withUnsignedAsDecimal(types);
            }
            if (dev.scion.sql.expr.UnsignedArithmetic.isUnsigned(t)) {
                widestUnsigned = Math.max(widestUnsigned, width);
            } else {
                widestSigned = Math.max(widestSigned, width);
            }
        }
        if (widestSigned < 0 && widestUnsigned < 0) {
            return null;
        }
        RelDataType merged;
        if (widestSigned < 0) {
            merged = integerOfSize(widestUnsigned, true);
        } else if (widestUnsigned < 0) {
            merged = integerOfSize(widestSigned, false);
        } else {
            int width = Math.max(widestSigned, widestUnsigned + 1);
            merged = width > 4 ? createSqlType(SqlTypeName.DECIMAL, 20, 0) : integerOfSize(width, false);
        }
        return createTypeWithNullability(merged, nullable);
    }

    /** 0 to 4 for TINYINT, SMALLINT, MEDIUMINT, INT and BIGINT, signed or not; -1 for the NULL type; else -2. */
    private static int integerSize(RelDataType type) {
        int width = integerWidth(type.getSqlTypeName());
        return width < 2 ? width : MediumIntType.is(type) ? 2 : width + 1;
    }

    private RelDataType integerOfSize(int size, boolean unsigned) {
        if (size == 2) {
            return MediumIntType.of(this, unsigned);
        }
        SqlTypeName[] names = unsigned
                ? new SqlTypeName[] {SqlTypeName.UTINYINT, SqlTypeName.USMALLINT, null, SqlTypeName.UINTEGER,
                        SqlTypeName.UBIGINT}
                : new SqlTypeName[] {SqlTypeName.TINYINT, SqlTypeName.SMALLINT, null, SqlTypeName.INTEGER,
                        SqlTypeName.BIGINT};
        return createSqlType(names[size]);
    }

    /** 0 to 3 for TINYINT to BIGINT, signed or not; -1 for the NULL type; -2 for any other type. */
    static int integerWidth(SqlTypeName name) {
        return switch (name) {
            case TINYINT, UTINYINT -> 0;
            case SMALLINT, USMALLINT -> 1;
            case INTEGER, UINTEGER -> 2;
            case BIGINT, UBIGINT -> 3;
            case NULL -> -1;
            default -> -2;
        };
    }

    /**
     * The common type of unsigned integers with other types (a DECIMAL, a DOUBLE, text): as if each unsigned type
     * were the DECIMAL of its digits, as the unsigned columns' type used to be (Calcite's own answer for BIGINT
     * UNSIGNED with DECIMAL(20,1) was BIGINT UNSIGNED); null when there is no unsigned type.
     */
    private RelDataType withUnsignedAsDecimal(List<RelDataType> types) {
        if (types.stream().noneMatch(dev.scion.sql.expr.UnsignedArithmetic::isUnsigned)) {
            return null;
        }
        return leastRestrictive(types.stream().map(t -> !dev.scion.sql.expr.UnsignedArithmetic.isUnsigned(t) ? t
                : createTypeWithNullability(createSqlType(SqlTypeName.DECIMAL,
                        t.getSqlTypeName() == SqlTypeName.UBIGINT ? 20 : 10, 0), t.isNullable())).toList());
    }

    /**
     * Whether a DATE, TIME or DATETIME meets a number: MySQL's aggregated type of the two is a string
     * ({@code COALESCE(date_col, 1)} answers '2020-01-02' or '1'), where Calcite took the temporal type and read
     * the number as a date (1970-01-01).
     */
    private static boolean temporalWithNumber(List<RelDataType> types) {
        boolean temporal = false;
        boolean number = false;
        for (RelDataType t : types) {
            SqlTypeFamily family = t.getSqlTypeName().getFamily();
            temporal |= family == SqlTypeFamily.DATE || family == SqlTypeFamily.TIME
                    || family == SqlTypeFamily.TIMESTAMP;
            number |= family == SqlTypeFamily.NUMERIC;
        }
        return temporal && number;
    }

    /**
     * Whether booleans meet numbers (and nothing else but NULL): MySQL's TRUE is the integer 1, so
     * {@code CASE ... THEN 1.0 ELSE (a OR b) END} is a DECIMAL and {@code SELECT 1 UNION SELECT x IN (...)} an
     * integer column, where Calcite found no common type ("Illegal mixing of types in CASE or COALESCE statement",
     * "Type mismatch in column 1 of UNION").
     */
    private static boolean booleanWithNumber(List<RelDataType> types) {
        boolean bool = false;
        boolean number = false;
        for (RelDataType t : types) {
            SqlTypeName name = t.getSqlTypeName();
            if (name == SqlTypeName.BOOLEAN) {
                bool = true;
            } else if (name.getFamily() == SqlTypeFamily.NUMERIC) {
                number = true;
            } else if (name != SqlTypeName.NULL) {
                return false;
            }
        }
        return bool && number;
    }

    private RelDataType booleanAsInteger(RelDataType t) {
        return t.getSqlTypeName() != SqlTypeName.BOOLEAN ? t
                : createTypeWithNullability(createSqlType(SqlTypeName.INTEGER), t.isNullable());
    }

    private RelDataType text(List<RelDataType> types) {
        boolean nullable = types.stream().anyMatch(t -> t.isNullable() || t.getSqlTypeName() == SqlTypeName.NULL);
        return createTypeWithNullability(createSqlType(SqlTypeName.VARCHAR, 65535), nullable);
    }

    /**
     * The common text type keeps the collation MySQL gives the column: an explicit COLLATE, else a column's own
     * (a literal's or a default-collation column's counts for nothing), the binary one between two columns of
     * different collations. Calcite's rule drops the collation when its inputs' coercibilities tie (a column
     * against a literal that reached the plan as a typed value), so the validated and the converted row types of
     * {@code SELECT ci_col ... UNION SELECT 'x'} differed and the statement failed.
     */
    private RelDataType withCollationOf(RelDataType common, List<RelDataType> types) {
        String chosen = null;
        SqlCollation.Coercibility rank = null;
        for (RelDataType t : types) {
            String name = TextCollation.of(t);
            if (name == null) {
                continue;
            }
            SqlCollation.Coercibility c = t.getCollation().getCoercibility();
            boolean explicit = c == SqlCollation.Coercibility.EXPLICIT;
            boolean better = chosen == null
                    || explicit && rank != SqlCollation.Coercibility.EXPLICIT
                    || (explicit == (rank == SqlCollation.Coercibility.EXPLICIT)
                        && !Collations.isBinaryOrder(chosen) && name.endsWith("_bin"));
            if (better) {
                chosen = name;
                rank = explicit ? SqlCollation.Coercibility.EXPLICIT : SqlCollation.Coercibility.IMPLICIT;
            }
        }
        return chosen == null ? common : TextCollation.with(this, common, chosen, rank);
    }
}
