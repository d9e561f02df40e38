package dev.scion.sql.expr.spatial;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.json.JsonText;

import java.util.ArrayList;
import java.util.List;

/**
 * ST_GeomFromGeoJSON(doc [, options [, srid]]): a GeoJSON geometry, Feature or FeatureCollection as a geometry.
 * As in MySQL the SRID defaults to 4326; GeoJSON gives longitude first, so under a geographic SRID the
 * coordinates are swapped into the stored (latitude-first) order. Options say what to do with coordinates of more than two dimensions:
 * 1 (the default) rejects them, 2 to 4 drop the extra ones.
 */
final class GeoJsonReader {
    private static final String FN = "st_geomfromgeojson";

    private final boolean rejectHigherDimensions;

    private GeoJsonReader(boolean rejectHigherDimensions) {
        this.rejectHigherDimensions = rejectHigherDimensions;
    }

    static byte[] read(String text, long options, long srid) {
        if (options < 1 || options > 4) {
            throw new SqlError(ErrorCode.WRONG_VALUE_FOR_TYPE, "Incorrect option value: '" + options
                    + "' for function " + FN);
        }
        JsonNode doc;
        try {
            doc = JsonText.parse(text);
        } catch (JsonText.InvalidJson e) {
            throw new SqlError(ErrorCode.INVALID_JSON_TEXT_IN_PARAM, "Invalid JSON text in argument 1 to function "
                    + FN + ": \"" + e.getMessage() + "\" at position " + e.position + ".");
        }
        return Geometries.of(srid, AxisOrder.longitudeFirst(new GeoJsonReader(options == 1).anyObject(doc), srid));
    }

    /** A geometry object, or a Feature (its geometry) or FeatureCollection (a collection of its features). */
    private Shape anyObject(JsonNode o) {
        String type = typeOf(o);
        return switch (type) {
            case "Feature" -> {
                JsonNode g = member(o, "geometry");
                if (!g.isObject()) {
                    throw wrongType("geometry", "object");
                }
                yield anyObject(g);
            }
            case "FeatureCollection" -> {
                List<Shape> members = new ArrayList<>();
                for (JsonNode f : array(o, "features")) {
                    if (!f.isObject()) {
                        throw wrongType("features", "object");
                    }
                    members.add(anyObject(f));
                }
                yield Shape.of(GeometryType.GEOMETRYCOLLECTION, members);
            }
            default -> geometry(o, type);
        };
    }

    private Shape geometry(JsonNode o, String type) {
        return switch (type) {
            case "Point" -> point(array(o, "coordinates"));
            case "LineString" -> line(array(o, "coordinates"));
            case "Polygon" -> polygon(array(o, "coordinates"));
            case "MultiPoint" -> multi(GeometryType.MULTIPOINT, array(o, "coordinates"), this::point);
            case "MultiLineString" -> multi(GeometryType.MULTILINESTRING, array(o, "coordinates"), this::line);
            case "MultiPolygon" -> multi(GeometryType.MULTIPOLYGON, array(o, "coordinates"), this::polygon);
            case "GeometryCollection" -> {
                List<Shape> members = new ArrayList<>();
                for (JsonNode g : array(o, "geometries")) {
                    if (!g.isObject()) {
                        throw wrongType("geometries", "object");
                    }
                    members.add(geometry(g, typeOf(g)));
                }
                yield Shape.of(GeometryType.GEOMETRYCOLLECTION, members);
            }
            default -> throw unspecified();
        };
    }

    private Shape point(JsonNode position) {
        if (!position.isArray()) {
            throw wrongType("coordinates", "array");
        }
        if (position.size() < 2) {
            throw unspecified();
        }
        for (JsonNode c : position) {
            if (!c.isNumber()) {
                throw unspecified();
            }
        }
        if (position.size() > 2 && rejectHigherDimensions) {
            throw new SqlError(ErrorCode.DIMENSION_UNSUPPORTED, "Unsupported number of coordinate dimensions in "
                    + "function " + FN + ": Found " + position.size() + ", expected 2");
        }
        return Shape.point(position.get(0).doubleValue(), position.get(1).doubleValue());
    }

    private Shape line(JsonNode positions) {
        return multi(GeometryType.LINESTRING, positions, this::point);
    }

    private Shape polygon(JsonNode rings) {
        return multi(GeometryType.POLYGON, rings, this::line);
    }

    private Shape multi(GeometryType type, JsonNode items, java.util.function.Function<JsonNode, Shape> part) {
        if (!items.isArray()) {
            throw wrongType("coordinates", "array");
        }
        List<Shape> parts = new ArrayList<>();
        for (JsonNode item : items) {
            parts.add(part.apply(item));
        }
        return Shape.of(type, parts);
    }

    private static String typeOf(JsonNode o) {
        if (!o.isObject()) {
            throw unspecified();
        }
        JsonNode t = member(o, "type");
        if (!t.isTextual()) {
            throw wrongType("type", "string");
        }
        return t.textValue();
    }

    private static JsonNode array(JsonNode o, String name) {
        JsonNode a = member(o, name);
        if (!a.isArray()) {
            throw wrongType(name, "array");
        }
        return a;
    }

    private static JsonNode member(JsonNode o, String name) {
        JsonNode m = o.get(name);
        if (m == null) {
            throw new SqlError(ErrorCode.INVALID_GEOJSON_MISSING_MEMBER, "Invalid GeoJSON data provided to function "
                    + FN + ": Missing required member '" + name + "'");
        }
        return m;
    }

    private static SqlError wrongType(String member, String type) {
        return new SqlError(ErrorCode.INVALID_GEOJSON_WRONG_TYPE, "Invalid GeoJSON data provided to function " + FN
                + ": Member '" + member + "' must be of type '" + type + "'");
    }

    private static SqlError unspecified() {
        return new SqlError(ErrorCode.INVALID_GEOJSON_UNSPECIFIED, "Invalid GeoJSON data provided to function "
                + FN);
    }
}
