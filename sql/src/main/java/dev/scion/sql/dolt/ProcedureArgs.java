package dev.scion.sql.dolt;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Git-style argument parsing for the dolt_* procedures: short flags (which may be combined, as in {@code -Am}),
 * long flags, flags that take a value, and positional arguments.
 */
final class ProcedureArgs {
    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    /**
     * @param valued flags that take the next argument as their value, e.g. "m", "message", "author", "date"
     */
    static ProcedureArgs parse(String procedure, List<String> args, Set<String> valued) {
        ProcedureArgs p = new ProcedureArgs();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a == null) {
                throw new SqlError(ErrorCode.WRONG_ARGUMENTS, procedure + ": NULL is not a valid argument");
            }
            if (a.equals("--")) {
                // git's end of options: what follows is positional even if it looks like a flag
                p.positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                int eq = name.indexOf('=');
                if (eq > 0) {
                    p.values.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (valued.contains(name)) {
                    p.values.put(name, next(procedure, args, ++i, name));
                } else {
                    p.flags.add(name);
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    String f = String.valueOf(a.charAt(k));
                    if (valued.contains(f)) {
                        String rest = a.substring(k + 1);
                        p.values.put(f, rest.isEmpty() ? next(procedure, args, ++i, f) : rest);
                        break;
                    }
                    p.flags.add(f);
                }
            } else {
                p.positional.add(a);
            }
        }
        return p;
    }

    /**
     * The arguments with each single-dash word that names one of {@code longNames} (ignoring case) written as that
     * long option, as Dolt's argument parser reads {@code -amend}; other single-dash words stay short flags.
     */
    static List<String> longWithOneDash(List<String> args, Set<String> longNames) {
        List<String> out = new java.util.ArrayList<>(args.size());
        for (String a : args) {
            String word = a != null && a.length() > 2 && a.charAt(0) == '-' && a.charAt(1) != '-'
                    ? a.substring(1).toLowerCase(java.util.Locale.ROOT) : null;
            out.add(word != null && longNames.contains(word) ? "--" + word : a);
        }
        return out;
    }

    private static String next(String procedure, List<String> args, int i, String flag) {
        if (i >= args.size() || args.get(i) == null) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, procedure + ": option '" + flag + "' needs a value");
        }
        return args.get(i);
    }

    boolean has(String... names) {
        for (String n : names) {
            if (flags.contains(n) || values.containsKey(n)) {
                return true;
            }
        }
        return false;
    }

    String value(String... names) {
        for (String n : names) {
            if (values.containsKey(n)) {
                return values.get(n);
            }
        }
        return null;
    }

    List<String> positional() {
        return positional;
    }
}
