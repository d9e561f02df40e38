package dev.scion.sql.dolt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.ConflictsOp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list of constraint violations in the error of a commit they refuse, in Dolt's words: one entry per kind of
 * violation and constraint, "Type: Null Constraint Violation,\n\tColumns: [c] (2 row(s))", each on its own line.
 */
final class ViolationListing {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ViolationListing() {
    }

    /** The entries for the violations the merge state of {@code ctx}'s working set holds in {@code tables}. */
    static String of(BranchContext ctx, List<TableConflicts> tables) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TableConflicts t : tables) {
            if (t.violationCount() == 0) {
                continue;
            }
            var schema = ctx.repo().readTable(ctx.repo().chunks(), ctx.repo().readRoot(ctx.repo().chunks(),
                    ctx.workingSet().working()).table(t.table()).orElse(t.ours())).schema();
            for (ConflictsOp.Violation v : ConflictsOp.violations(ctx, t.table())) {
                for (String recorded : ViolationInfo.parts(v.description())) {
                    counts.merge(entry(ViolationInfo.type(recorded), ViolationInfo.of(recorded, schema)), 1,
                            Integer::sum);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((entry, n) -> sb.append('\n').append(entry).append(" (").append(n).append(" row(s))"));
        return sb.toString();
    }

    private static String entry(String type, String info) {
        JsonNode n;
        try {
            n = JSON.readTree(info == null ? "{}" : info);
        } catch (IOException e) {
            return "Type: " + type + ",\n\t" + info;
        }
        return switch (type) {
            case "not null" -> "Type: Null Constraint Violation,\n\tColumns: " + list(n.path("Columns"));
            case "unique index" -> "Type: Unique Key Constraint Violation,\n\tName: " + n.path("Name").asText()
                    + ",\n\tColumns: " + list(n.path("Columns"));
            case "check constraint" -> "Type: Check Constraint Violation,\n\tName: " + n.path("Name").asText()
                    + ",\n\tExpression: " + n.path("Expression").asText();
            default -> "Type: Foreign Key Constraint Violation,\n\tForeignKey: " + n.path("ForeignKey").asText()
                    + ",\n\tTable: " + n.path("Table").asText() + ",\n\tReferencedTable: "
                    + n.path("ReferencedTable").asText() + ",\n\tIndex: " + n.path("Index").asText()
                    + ",\n\tReferencedIndex: " + n.path("ReferencedIndex").asText();
        };
    }

    /** A JSON array of names as Dolt prints a list: {@code [a b]}. */
    private static String list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return "[" + String.join(" ", out) + "]";
    }
}
