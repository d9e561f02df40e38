package dev.scion.sql.routine;

import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.frontend.SqlScanner;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's check when a routine is created: a parameter or local variable used as a LIMIT or OFFSET count must be
 * of an integer type, else 1691 "A variable of a non-integer based type in LIMIT clause". The body is read as text
 * with its quoted strings blanked, so a LIMIT inside a string literal is not one.
 */
final class LimitVariables {
    private static final String NAME = "`(?:[^`]|``)+`|[A-Za-z_$][A-Za-z0-9_$]*";
    private static final Pattern DECLARE = Pattern.compile("(?is)\\bDECLARE\\s+((?:" + NAME + ")(?:\\s*,\\s*(?:"
            + NAME + "))*)\\s+([A-Za-z]+)");
    private static final Pattern LIMIT = Pattern.compile("(?is)\\bLIMIT\\s+(" + NAME + "|\\d+)(?:\\s*,\\s*(" + NAME
            + "|\\d+)|\\s+OFFSET\\s+(" + NAME + "|\\d+))?");
    private static final Set<String> NOT_VARIABLES = Set.of("CONTINUE", "EXIT", "UNDO");
    private static final Set<String> NOT_TYPES = Set.of("CURSOR", "CONDITION", "HANDLER");
    private static final Set<String> INTEGER_TYPES = Set.of("TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER",
            "BIGINT", "BOOL", "BOOLEAN", "SERIAL");

    private LimitVariables() {
    }

    static void check(ProcedureDefinition routine) {
        String body = blankStrings(routine.bodyText());
        Map<String, String> types = new HashMap<>();
        for (ProcedureDefinition.Parameter p : routine.parameters()) {
            types.put(p.name().toLowerCase(Locale.ROOT), baseType(p.type()));
        }
        Matcher d = DECLARE.matcher(body);
        while (d.find()) {
            String type = d.group(2).toUpperCase(Locale.ROOT);
            if (NOT_TYPES.contains(type)) {
                continue;
            }
            for (String name : BodyParser.topLevelCommaSplit(d.group(1))) {
                String n = name.strip();
                if (!NOT_VARIABLES.contains(n.toUpperCase(Locale.ROOT))) {
                    types.put(Identifiers.unquote(n).toLowerCase(Locale.ROOT), type);
                }
            }
        }
        Matcher m = LIMIT.matcher(body);
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                String used = m.group(g);
                if (used == null || Character.isDigit(used.charAt(0))) {
                    continue;
                }
                String type = types.get(Identifiers.unquote(used).toLowerCase(Locale.ROOT));
                if (type != null && !INTEGER_TYPES.contains(type)) {
                    throw new SqlError(ErrorCode.WRONG_SPVAR_TYPE_IN_LIMIT,
                            "A variable of a non-integer based type in LIMIT clause");
                }
            }
        }
    }

    private static String baseType(String declared) {
        return declared.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s(].*", "");
    }

    private static String blankStrings(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int e = SqlScanner.skipQuoted(sql, i);
                out.append(" ".repeat(e - i));
                i = e;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
