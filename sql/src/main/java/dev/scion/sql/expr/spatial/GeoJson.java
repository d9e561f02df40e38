package dev.scion.sql.expr.spatial;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scion.sql.expr.json.JsonText;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * ST_AsGeoJSON(g [, max_dec_digits]): a geometry as a GeoJSON object, {"type": ..., "coordinates": ...} nested as
 * RFC 7946 lays them out (a collection lists "geometries"), printed in MySQL's JSON normal form. Coordinates are
 * doubles rounded to max_dec_digits decimals when given; a geographic geometry gives longitude first, as GeoJSON
 * orders positions. The options argument (bounding box, CRS) is not done.
 */
final class GeoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeoJson() {
    }

    static String of(byte[] internal, int maxDecimals) {
        return JsonText.print(object(AxisOrder.longitudeFirst(Geometries.shape(internal), Geometries.srid(internal)),
                maxDecimals));
    }

    private static ObjectNode object(Shape s, int maxDecimals) {
        ObjectNode o = NODES.objectNode();
        o.put("type", typeName(s.type()));
        if (s.type() == GeometryType.GEOMETRYCOLLECTION) {
            ArrayNode members = o.putArray("geometries");
            for (Shape m : s.parts()) {
                members.add(object(m, maxDecimals));
            }
        } else {
            o.set("coordinates", coordinates(s, maxDecimals));
        }
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode coordinates(Shape s, int maxDecimals) {
        ArrayNode a = NODES.arrayNode();
        if (s.type() == GeometryType.POINT) {
            a.add(rounded(s.x(), maxDecimals));
            a.add(rounded(s.y(), maxDecimals));
            return a;
        }
        for (Shape part : s.parts()) {
            a.add(coordinates(part, maxDecimals));
        }
        return a;
    }

    private static double rounded(double v, int maxDecimals) {
        if (maxDecimals < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new BigDecimal(Double.toString(v)).setScale(maxDecimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static String typeName(GeometryType t) {
        return switch (t) {
            case POINT -> "Point";
            case LINESTRING -> "LineString";
            case POLYGON -> "Polygon";
            case MULTIPOINT -> "MultiPoint";
            case MULTILINESTRING -> "MultiLineString";
            case MULTIPOLYGON -> "MultiPolygon";
            case GEOMETRYCOLLECTION -> "GeometryCollection";
        };
    }
}
