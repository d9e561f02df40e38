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
 * violation_info as Dolt shows it: a JSON object in MySQL's normal form (keys by length, then by name). A unique
 * index violation is {@code {"Name": index, "Columns": [...]}}, a check violation
 * {@code {"Name": check, "Expression": "(NOT((`a` = `b`)))"}} with the expression in GMS's rendering. Other kinds
 * (foreign keys) keep the sentence the merge recorded.
 */
final class ViolationInfo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNIQUE = Pattern.compile("unique index '(.*)' violated by .*", Pattern.DOTALL);
    private static final String CHECK = "check constraint";

    private ViolationInfo() {
    }

    /** The info of one recorded violation of a row of a table with {@code schema}. */
    static String of(String recorded, TableSchema schema) {
        if (recorded == null) {
            return null;
        }
        if (recorded.startsWith(CHECK)) {
            String body = recorded.substring(CHECK.length()).strip();
            try {
                JsonNode n = JSON.readTree(body);
                String expression = "(" + CreateTableText.expression(n.path("Expression").asText()) + ")";
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
