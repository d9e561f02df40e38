package dev.scion.sql.plan.cache;

import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/**
 * The text level of the plan cache: for one {@link TextShape} skeleton, the statement-shape key of the cached plan
 * and, for each literal of the text, the plan parameter it fills, or the exact text it must have (a literal that is
 * part of the plan: a LIMIT, a select-list constant). Built once from the parsed statement, by matching each
 * parameter's parser position to a literal of the text; a statement whose parameters cannot all be matched that way
 * gets no entry and keeps being parsed.
 */
public record TextEntry(String shapeKey, int[] parameterOf, String[] fixed, boolean[] stringParameter) {
    private static final int FIXED = -1;

    /**
     * The entry for a parsed statement with text shape {@code shape}, whose plan parameters took
     * {@code values} from the literals at {@code positions}; null when they do not line up with the text's literals.
     */
    static TextEntry of(String shapeKey, TextShape shape, SqlParserPos[] positions, Object[] values) {
        List<TextShape.Literal> literals = shape.literals();
        int[] parameterOf = new int[literals.size()];
        java.util.Arrays.fill(parameterOf, FIXED);
        for (int p = 0; p < positions.length; p++) {
            SqlParserPos pos = positions[p];
            if (pos == null) {
                return null;
            }
            int slot = slotAt(literals, pos.getLineNum(), pos.getColumnNum());
            if (slot < 0 || parameterOf[slot] != FIXED || !values[p].equals(literals.get(slot).value())) {
                return null;
            }
            parameterOf[slot] = p;
        }
        String[] fixed = new String[literals.size()];
        for (int i = 0; i < fixed.length; i++) {
            if (parameterOf[i] == FIXED) {
                fixed[i] = literals.get(i).raw();
            }
        }
        boolean[] stringParameter = new boolean[values.length];
        for (int p = 0; p < values.length; p++) {
            stringParameter[p] = values[p] instanceof String;
        }
        return new TextEntry(shapeKey, parameterOf, fixed, stringParameter);
    }

    private static int slotAt(List<TextShape.Literal> literals, int line, int column) {
        for (int i = 0; i < literals.size(); i++) {
            TextShape.Literal literal = literals.get(i);
            if (literal.line() == line && literal.column() == column) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The plan's parameter values taken from {@code shape}'s literals, or null when a literal that is part of the
     * plan differs, or a parameter's literal is not of the kind the plan was made for.
     */
    Object[] values(TextShape shape) {
        return values(shape, null);
    }

    /**
     * As {@link #values(TextShape)}; when {@code shape} is a prepared statement's ({@link TextShape#ofTemplate}), for
     * the text it would have with {@code parameters} bound into it, without making that text: null also where a
     * bound value would not be a plain literal ({@link PreparedShape#literalValue}).
     */
    Object[] values(TextShape shape, Object[] parameters) {
        List<TextShape.Literal> literals = shape.literals();
        if (literals.size() != parameterOf.length) {
            return null;
        }
        Object[] values = new Object[stringParameter.length];
        for (int i = 0; i < parameterOf.length; i++) {
            TextShape.Literal literal = literals.get(i);
            boolean slot = literal.raw() == null; // a template's ?: its value is the parameter's index
            Object v = slot ? PreparedShape.literalValue(parameters[(Integer) literal.value()]) : literal.value();
            int p = parameterOf[i];
            if (p == FIXED) {
                // a literal that is part of the plan: the text's own, or a parameter bound to the very same text
                String raw = !slot ? literal.raw() : v instanceof String str
                        ? dev.scion.sql.frontend.ParameterBinder.quote(str) : v == null ? null : v.toString();
                if (!fixed[i].equals(raw)) {
                    return null;
                }
            } else {
                // a parameter planned for an integer must get an integer, one for a string a string
                if (v == null || (v instanceof String) != stringParameter[p]) {
                    return null;
                }
                values[p] = v;
            }
        }
        return values;
    }
}
