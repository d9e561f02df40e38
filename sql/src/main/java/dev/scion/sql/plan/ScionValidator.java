package dev.scion.sql.plan;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.SqlValidatorTable;

import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * Calcite's validator with two MySQL differences: LIKE matches binary strings against text ({@link BinaryLike}),
 * and a qualified star ({@code t.*}) leaves out the hidden columns of
 * functional key parts, as the bare {@code *} does. Calcite skips "rolled up" columns ({@link ScionTable#isRolledUp})
 * only when it expands a bare star; for {@code t.*} it adds them and then refuses them in the select list.
 */
final class ScionValidator extends SqlValidatorImpl {
    ScionValidator(SqlOperatorTable operators, SqlValidatorCatalogReader reader, RelDataTypeFactory types,
            Config config) {
        super(operators, reader, types, config);
    }

    private static final org.apache.calcite.sql.type.SqlTypeMappingRule CAST_RULES =
            withBinaryToNumber(org.apache.calcite.sql.type.SqlTypeCoercionRule.instance());
    private static final org.apache.calcite.sql.type.SqlTypeMappingRule LENIENT_CAST_RULES =
            withBinaryToNumber(org.apache.calcite.sql.type.SqlTypeCoercionRule.lenientInstance());

    /**
     * Calcite's cast rules and one of MySQL's: a binary string casts to a number ({@code CAST(b AS SIGNED)}, the
     * number its text spells, decoded by ExprCompiler), which Calcite refused before any coercion.
     */
    @Override
    public org.apache.calcite.sql.type.SqlTypeMappingRule getTypeMappingRule() {
        return config().conformance().allowLenientCoercion() ? LENIENT_CAST_RULES : CAST_RULES;
    }

    private static org.apache.calcite.sql.type.SqlTypeMappingRule withBinaryToNumber(
            org.apache.calcite.sql.type.SqlTypeMappingRule rules) {
        java.util.Map<org.apache.calcite.sql.type.SqlTypeName,
                com.google.common.collect.ImmutableSet<org.apache.calcite.sql.type.SqlTypeName>> map =
                new java.util.HashMap<>(rules.getTypeMapping());
        for (org.apache.calcite.sql.type.SqlTypeName to : org.apache.calcite.sql.type.SqlTypeName.NUMERIC_TYPES) {
            com.google.common.collect.ImmutableSet<org.apache.calcite.sql.type.SqlTypeName> from = map.get(to);
            if (from != null) {
                map.put(to, com.google.common.collect.ImmutableSet.<org.apache.calcite.sql.type.SqlTypeName>builder()
                        .addAll(from).add(org.apache.calcite.sql.type.SqlTypeName.BINARY)
                        .add(org.apache.calcite.sql.type.SqlTypeName.VARBINARY).build());
            }
        }
        return org.apache.calcite.sql.type.SqlTypeCoercionRule.instance(map);
    }

    @Override
    public RelDataType deriveType(SqlValidatorScope scope, SqlNode expr) {
        BinaryLike.alignOperands(this, scope, expr);
        return super.deriveType(scope, expr);
    }

    @Override
    protected RelDataType validateSelectList(SqlNodeList items, SqlSelect select, RelDataType targetRowType) {
        SqlNodeList expanded = null;
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            List<SqlNode> columns = item instanceof SqlIdentifier id && id.isStar() && id.names.size() > 1
                    ? visibleColumns(id, select) : null;
            if (columns != null && expanded == null) {
                expanded = new SqlNodeList(items.getParserPosition());
                expanded.addAll(items.getList().subList(0, i));
            }
            if (expanded != null) {
                if (columns != null) {
                    expanded.addAll(columns);
                } else {
                    expanded.add(item);
                }
            }
        }
        if (expanded == null) {
            return super.validateSelectList(items, select, targetRowType);
        }
        select.setSelectList(expanded);
        return super.validateSelectList(expanded, select, targetRowType);
    }

    /**
     * The columns {@code star} ({@code t.*}) stands for when its table hides some, as identifiers {@code t.col};
     * null when it hides none (Calcite's own expansion is then right).
     */
    private List<SqlNode> visibleColumns(SqlIdentifier star, SqlSelect select) {
        SqlValidatorScope scope = getSelectScope(select);
        SqlIdentifier prefix = star.skipLast(1);
        SqlValidatorScope.ResolvedImpl resolved = new SqlValidatorScope.ResolvedImpl();
        scope.resolve(prefix.names, getCatalogReader().nameMatcher(), false, resolved);
        if (resolved.count() != 1) {
            return null;
        }
        SqlValidatorTable table = resolved.only().namespace.getTable();
        ScionTable scion = table == null ? null : table.unwrap(ScionTable.class);
        if (scion == null) {
            return null;
        }
        List<SqlNode> columns = new ArrayList<>();
        boolean hides = false;
        for (RelDataTypeField field : resolved.only().rowType().getFieldList()) {
            if (scion.isRolledUp(field.getName())) {
                hides = true;
            } else {
                List<String> names = new ArrayList<>(prefix.names);
                names.add(field.getName());
                columns.add(new SqlIdentifier(names, star.getParserPosition()));
            }
        }
        return hides ? columns : null;
    }
}
