package dev.scion.sql.dolt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.json.JsonText;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * dolt_json_diff(from, to): one row per leaf change between two JSON documents (diff_type added / removed /
 * modified, the JSON path, the from and to values as JSON text, NULL where a side has none). Objects are compared
 * key by key in key order, arrays index by index; a value whose kind differs (object, array, scalar) is one
 * modification at its path.
 */
final class JsonDiffFunction implements SystemTable {
    static final String NAME = "dolt_json_diff";

    private final List<Object[]> rows;

    private JsonDiffFunction(List<Object[]> rows) {
        this.rows = rows;
    }

    static JsonDiffFunction create(List<String> args) {
        if (args.size() != 2) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "function '" + NAME + "' expected 2 arguments, "
                    + args.size() + " received");
        }
        List<Object[]> rows = new ArrayList<>();
        diff("$", document(args.get(0)), document(args.get(1)), rows);
        return new JsonDiffFunction(rows);
    }

    private static JsonNode document(String text) {
        try {
            return JsonText.parse(text);
        } catch (JsonText.InvalidJson e) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Invalid JSON text in argument of " + NAME + ": "
                    + e.getMessage());
        }
    }

    private static void diff(String path, JsonNode from, JsonNode to, List<Object[]> out) {
        if (from.equals(to)) {
            return;
        }
        if (from.isObject() && to.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            from.fieldNames().forEachRemaining(keys::add);
            to.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                change(path + "." + key(k), from.get(k), to.get(k), out);
            }
        } else if (from.isArray() && to.isArray()) {
            for (int i = 0; i < Math.max(from.size(), to.size()); i++) {
                change(path + "[" + i + "]", from.get(i), to.get(i), out);
            }
        } else {
            out.add(new Object[] {"modified", path, JsonText.print(from), JsonText.print(to)});
        }
    }

    private static void change(String path, JsonNode from, JsonNode to, List<Object[]> out) {
        if (from == null) {
            out.add(new Object[] {"added", path, null, JsonText.print(to)});
        } else if (to == null) {
            out.add(new Object[] {"removed", path, JsonText.print(from), null});
        } else {
            diff(path, from, to, out);
        }
    }

    /** A key as a JSON path member: bare when it is an identifier, else quoted. */
    private static String key(String k) {
        return k.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? k : JsonText.quote(k);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("diff_type", Columns.text(f, 16)).add("path", Columns.text(f, 65535))
                .add("from_value", Columns.text(f, 65535)).add("to_value", Columns.text(f, 65535)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState ignored) {
        return RowStream.of(rows);
    }
}
