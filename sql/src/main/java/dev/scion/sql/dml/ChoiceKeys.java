package dev.scion.sql.dml;

import dev.scion.versioning.schema.ChoiceValues;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.EnumSetValue;
import dev.scion.versioning.schema.TableSchema;

import java.util.List;

/**
 * Translates foreign key values between ENUM/SET columns. InnoDB compares such keys by the stored member number,
 * not by the text: child ENUM('x','y') value 'x' (1) references parent ENUM('a','b') value 'a' (1). A number the
 * target column has no member for matches nothing.
 */
final class ChoiceKeys {
    private ChoiceKeys() {
    }

    /**
     * {@code values} of {@code fromColumns} in {@code from} as the values of {@code toColumns} in {@code to} with
     * the same member numbers, or null when one of them names no member of the target column.
     */
    static Object[] translate(TableSchema from, List<String> fromColumns, TableSchema to, List<String> toColumns,
                              Object[] values) {
        Object[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            ColumnType source = from.column(fromColumns.get(i)).map(c -> c.type()).orElse(null);
            ColumnType target = to.column(toColumns.get(i)).map(c -> c.type()).orElse(null);
            if (source == null || target == null || !ChoiceValues.isChoice(source) || !ChoiceValues.isChoice(target)
                    || !(out[i] instanceof EnumSetValue v)) {
                continue;
            }
            if (!ChoiceValues.validNumber(target, v.number())) {
                return null;
            }
            out[i] = ChoiceValues.fromNumber(target, v.number());
        }
        return out;
    }
}
