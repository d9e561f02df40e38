package dev.scion.sql.dolt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scion.sql.ddl.CreateTableText;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a recorded constraint violation reads, the same in dolt_constraint_violations_&lt;t&gt; and in
 * {@code scion conflicts cat}: its violation_type and its violation_info, a JSON object in MySQL's normal form
 * (keys by length, then by name) as Dolt shows it. A unique index violation is
 * {@code {"Name": index, "Columns": [...]}}, a check violation {@code {"Name": check, "Expression":
 * "(NOT((`a` = `b`)))"}} with the expression in GMS's rendering, a foreign key violation Dolt's object naming
 * the key, both tables, their columns, indexes and referential actions, a not null violation
 * {@code {"Columns": [...]}} (both recorded that way by the merge).
 */
public final class ViolationInfo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNIQUE = Pattern.compile("unique index '(.*)' violated by .*", Pattern.DOTALL);
    private static final String CHECK = "check constraint";
    private static final String FOREIGN_KEY = "foreign key";
    private static final String NOT_NULL = "not null";

    private ViolationInfo() {
    }

    /** The separate violations recorded for one row (one per broken constraint). */
    public static List<String> parts(String description) {
        return description == null ? List.of("") : List.of(description.split("; "));
    }

    /** Dolt's violation_type of one recorded violation (one of {@link #parts}). */
    public static String type(String recorded) {
        if (recorded == null) {
            return "unique index";
        }
        if (recorded.startsWith(CHECK)) {
            return CHECK;
        }
        if (recorded.startsWith(NOT_NULL)) {
            return NOT_NULL;
        }
        return recorded.toLowerCase(java.util.Locale.ROOT).startsWith(FOREIGN_KEY) ? FOREIGN_KEY : "unique index";
    }

    /** One recorded violation as a line: its type, then its info (what {@code scion conflicts cat} prints). */
    public static String line(String recorded, TableSchema schema) {
        return type(recorded) + " " + of(recorded, schema);
    }

    /** The violation_info of one recorded violation of a row of a table with {@code schema}. */
    public static String of(String recorded, TableSchema schema) {
        if (recorded == null) {
            return null;
        }
        for (String kind : new String[] {FOREIGN_KEY, NOT_NULL}) {
            if (recorded.startsWith(kind + " {")) {
                return recorded.substring(kind.length() + 1); // recorded as Dolt's object already
            }
        }
        if (recorded.startsWith(CHECK)) {
            String body = recorded.substring(CHECK.length()).strip();
            try {
                JsonNode n = JSON.readTree(body);
                String expression = CreateTableText.expression(n.path("Expression").asText());
                return "{\"Name\": " + quote(n.path("Name").asText()) + ", \"Expression\": " + quote(expression) + "}";
            } catch (java.io.IOException | RuntimeException e) {
                return body; // recorded by an older version in another form: shown as it is
            }
        }
        Matcher m = UNIQUE.matcher(recorded);
        if (m.matches()) {
            String name = m.group(1);
            List<String> columns = schema.indexes().stream().filter(ix -> ix.name().equalsIgnoreCase(name))
                    .findFirst().map(IndexDef::columns).orElse(List.of());
            return "{\"Name\": " + quote(name) + ", \"Columns\": ["
                    + columns.stream().map(ViolationInfo::quote).collect(Collectors.joining(", ")) + "]}";
        }
        return recorded;
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // a String always serialises
        }
    }
}
