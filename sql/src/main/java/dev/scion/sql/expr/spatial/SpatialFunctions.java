package dev.scion.sql.expr.spatial;

import static dev.scion.sql.expr.VariadicFunctions.variadic;
import static dev.scion.sql.expr.VariadicFunctions.nullable;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * MySQL's spatial functions over the internal geometry format: constructors from WKT and WKB and {@code POINT(x, y)},
 * {@code ST_AsText}/{@code ST_AsBinary}, {@code ST_X}/{@code ST_Y}, {@code ST_SRID} (get and set) and
 * {@code ST_GeometryType}. Declared for the validator by {@link #operatorTable()}, evaluated by {@link #compile}.
 */
public final class SpatialFunctions {
    private static final SqlReturnTypeInference GEOMETRY = nullable(SqlTypeName.VARBINARY);
    private static final SqlReturnTypeInference TEXT = nullable(SqlTypeName.VARCHAR);
    private static final SqlReturnTypeInference DOUBLE = nullable(SqlTypeName.DOUBLE);
    /** The SRID ST_GeomFromGeoJSON gives by default (WGS 84, as GeoJSON coordinates are). */
    private static final long GEOGRAPHIC_SRID = 4326;
    private static final SqlReturnTypeInference BIGINT = nullable(SqlTypeName.BIGINT);

    /** Text constructors and the type each insists on (null: any). */
    private static final Map<String, GeometryType> FROM_TEXT = Map.ofEntries(
            Map.entry("ST_GEOMFROMTEXT", GeometryType.GEOMETRYCOLLECTION),
            Map.entry("ST_GEOMETRYFROMTEXT", GeometryType.GEOMETRYCOLLECTION),
            Map.entry("GEOMFROMTEXT", GeometryType.GEOMETRYCOLLECTION),
            Map.entry("ST_POINTFROMTEXT", GeometryType.POINT),
            Map.entry("ST_LINEFROMTEXT", GeometryType.LINESTRING),
            Map.entry("ST_LINESTRINGFROMTEXT", GeometryType.LINESTRING),
            Map.entry("ST_POLYFROMTEXT", GeometryType.POLYGON),
            Map.entry("ST_POLYGONFROMTEXT", GeometryType.POLYGON));
    private static final List<String> FROM_WKB = List.of("ST_GEOMFROMWKB", "ST_GEOMETRYFROMWKB");

    /** Constructors from geometries ({@link GeometryAccessors#construct}). */
    private static final List<String> CONSTRUCTORS = List.of("LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    /** Accessors over one geometry ({@link GeometryAccessors#access}) and their result types. */
    private static final Map<String, SqlReturnTypeInference> ACCESSORS = Map.ofEntries(
            Map.entry("ST_DIMENSION", BIGINT), Map.entry("ST_SWAPXY", GEOMETRY), Map.entry("ST_STARTPOINT", GEOMETRY),
            Map.entry("ST_ENDPOINT", GEOMETRY), Map.entry("ST_NUMPOINTS", BIGINT), Map.entry("ST_POINTN", GEOMETRY),
            Map.entry("ST_ISCLOSED", BIGINT), Map.entry("ST_NUMGEOMETRIES", BIGINT),
            Map.entry("ST_GEOMETRYN", GEOMETRY), Map.entry("ST_EXTERIORRING", GEOMETRY),
            Map.entry("ST_INTERIORRINGN", GEOMETRY), Map.entry("ST_NUMINTERIORRINGS", BIGINT),
            Map.entry("ST_NUMINTERIORRING", BIGINT), Map.entry("ST_LENGTH", DOUBLE), Map.entry("ST_AREA", DOUBLE),
            Map.entry("ST_DISTANCE", DOUBLE));
    /** Predicates over two geometries ({@link SpatialRelations}). */
    private static final List<String> RELATIONS = List.of("ST_INTERSECTS", "ST_DISJOINT", "ST_WITHIN", "ST_CONTAINS",
            "ST_EQUALS");

    private static final SqlOperatorTable TABLE;

    static {
        List<SqlOperator> ops = new ArrayList<>();
        FROM_TEXT.keySet().forEach(n -> ops.add(variadic(n, GEOMETRY)));
        FROM_WKB.forEach(n -> ops.add(variadic(n, GEOMETRY)));
        ops.add(variadic("POINT", GEOMETRY));
        ops.add(variadic("ST_ASTEXT", TEXT));
        ops.add(variadic("ST_ASWKT", TEXT));
        ops.add(variadic("ST_ASGEOJSON", binding -> dev.scion.sql.expr.json.JsonType.create(binding.getTypeFactory(), true)));
        ops.add(variadic("ST_ASBINARY", GEOMETRY));
        ops.add(variadic("ST_ASWKB", GEOMETRY));
        ops.add(variadic("ST_X", SpatialFunctions::coordinateType));
        ops.add(variadic("ST_Y", SpatialFunctions::coordinateType));
        ops.add(variadic("ST_GEOMFROMGEOJSON", GEOMETRY));
        ops.add(variadic("ST_SRID", ReturnTypes.ARG0_NULLABLE.andThen((binding, type) -> binding.getOperandCount() == 1
                ? binding.getTypeFactory().createTypeWithNullability(
                        binding.getTypeFactory().createSqlType(SqlTypeName.BIGINT), true)
                : type)));
        ops.add(variadic("ST_GEOMETRYTYPE", TEXT));
        CONSTRUCTORS.forEach(n -> ops.add(variadic(n, GEOMETRY)));
        ACCESSORS.forEach((n, type) -> ops.add(variadic(n, type)));
        RELATIONS.forEach(n -> ops.add(variadic(n, BIGINT)));
        ops.add(variadic("ST_CENTROID", GEOMETRY));
        ops.add(variadic("ST_ISSIMPLE", BIGINT));
        ops.add(variadic("ST_GEOHASH", TEXT));
        ops.add(variadic("ST_POINTFROMGEOHASH", GEOMETRY));
        ops.add(variadic("ST_LATFROMGEOHASH", DOUBLE));
        ops.add(variadic("ST_LONGFROMGEOHASH", DOUBLE));
        TABLE = SqlOperatorTables.of(ops);
    }

    private SpatialFunctions() {
    }

    public static SqlOperatorTable operatorTable() {
        return TABLE;
    }

    /** The evaluator of a spatial function, or null if {@code name} is none. */
    public static Expr compile(String name, Expr[] a) {
        String fn = name.toLowerCase(Locale.ROOT);
        if (FROM_TEXT.containsKey(name)) {
            GeometryType only = FROM_TEXT.get(name);
            return geometryMaker(fn, a, 1, args -> {
                long srid = srid(fn, args);
                byte[] g = AxisOrder.apply(Geometries.fromText(Values.toStringValue(args[0]), srid), srid, fn,
                        args);
                GeometryType t = Geometries.check(g);
                if (only != GeometryType.GEOMETRYCOLLECTION && t != only) {
                    throw new InvalidGeometryException("a " + only + " expected, got a " + t);
                }
                return g;
            });
        }
        if (FROM_WKB.contains(name)) {
            return geometryMaker(fn, a, 1, args -> {
                long srid = srid(fn, args);
                return AxisOrder.apply(Geometries.fromWkb(bytes(args[0]), srid), srid, fn, args);
            });
        }
        return switch (name) {
            case "POINT" -> geometryMaker(fn, a, 2, args -> Geometries.point(Values.toDouble(args[0]),
                    Values.toDouble(args[1])));
            case "ST_ASTEXT", "ST_ASWKT" -> geometryMaker(fn, a, 1, args -> Geometries.asText(bytes(args[0])));
            case "ST_ASGEOJSON" -> geometryMaker(fn, a, 1, args -> GeoJson.of(bytes(args[0]),
                    args.length > 1 ? (int) Values.toLong(args[1]) : -1));
            case "ST_ASBINARY", "ST_ASWKB" -> geometryMaker(fn, a, 1, args -> Geometries.asWkb(bytes(args[0])));
            case "ST_X" -> geometryMaker(fn, a, 1, args -> args.length == 1 ? (Object) Geometries.x(bytes(args[0]))
                    : Geometries.withX(bytes(args[0]), Values.toDouble(args[1])));
            case "ST_Y" -> geometryMaker(fn, a, 1, args -> args.length == 1 ? (Object) Geometries.y(bytes(args[0]))
                    : Geometries.withY(bytes(args[0]), Values.toDouble(args[1])));
            case "ST_GEOMFROMGEOJSON" -> geometryMaker(fn, a, 1, args -> GeoJsonReader.read(
                    Values.toStringValue(args[0]), args.length > 1 ? Values.toLong(args[1]) : 1,
                    args.length > 2 ? srid(fn, new Object[] {args[0], args[2]}) : GEOGRAPHIC_SRID));
            case "ST_SRID" -> geometryMaker(fn, a, 1, args -> args.length == 1 ? (Object) Geometries.srid(bytes(args[0]))
                    : AxisOrder.reassign(bytes(args[0]), srid(fn, args)));
            case "ST_GEOMETRYTYPE" -> geometryMaker(fn, a, 1, args -> Geometries.check(bytes(args[0])).typeName());
            case "GEOMETRYCOLLECTION" -> geometryMaker(fn, a, 0, args -> GeometryAccessors.construct(name, args));
            case "ST_DISTANCE" -> geometryMaker(fn, a, 2, args -> GeometryAccessors.distance(bytes(args[0]),
                    bytes(args[1]), args.length > 2 ? args[2] : null));
            case "ST_CENTROID" -> geometryMaker(fn, a, 1, args -> {
                double[] c = Centroid.of(Geometries.shape(bytes(args[0])));
                return c == null ? null : Geometries.of(Geometries.srid(bytes(args[0])), Shape.point(c[0], c[1]));
            });
            case "ST_ISSIMPLE" -> geometryMaker(fn, a, 1, args -> Simplicity.isSimple(Geometries.shape(bytes(args[0])))
                    ? 1L : 0L);
            case "ST_GEOHASH" -> geoHash(fn, a);
            case "ST_POINTFROMGEOHASH" -> geometryMaker(fn, a, 2, args -> {
                double[] p = decodeGeoHash(fn, args[0]);
                return Geometries.of(srid(fn, args), Shape.point(p[0], p[1]));
            });
            case "ST_LONGFROMGEOHASH" -> geometryMaker(fn, a, 1, args -> decodeGeoHash(fn, args[0])[0]);
            case "ST_LATFROMGEOHASH" -> geometryMaker(fn, a, 1, args -> decodeGeoHash(fn, args[0])[1]);
            default -> RELATIONS.contains(name) ? geometryMaker(fn, a, 2, args -> relation(name, fn, bytes(args[0]),
                    bytes(args[1])) ? 1L : 0L)
                    : CONSTRUCTORS.contains(name)
                    ? geometryMaker(fn, a, 1, args -> GeometryAccessors.construct(name, args))
                    : ACCESSORS.containsKey(name) ? geometryMaker(fn, a, name.equals("ST_POINTN")
                    || name.equals("ST_GEOMETRYN") || name.equals("ST_INTERIORRINGN") ? 2 : 1,
                    args -> GeometryAccessors.access(name, bytes(args[0]), args)) : null;
        };
    }

    /** ST_X(p) and ST_Y(p) read a coordinate (DOUBLE); with a second argument they set it (a new POINT). */
    private static RelDataType coordinateType(SqlOperatorBinding binding) {
        return binding.getOperandCount() == 1 ? DOUBLE.inferReturnType(binding) : GEOMETRY.inferReturnType(binding);
    }

    private static boolean relation(String name, String fn, byte[] g1, byte[] g2) {
        long s1 = Geometries.srid(g1);
        long s2 = Geometries.srid(g2);
        if (s1 != s2) {
            throw new SqlError(ErrorCode.GIS_DIFFERENT_SRIDS, "Binary geometry function " + fn + " given two "
                    + "geometries of different srids: " + s1 + " and " + s2 + ", which should have been identical.");
        }
        Shape a = Geometries.shape(g1);
        Shape b = Geometries.shape(g2);
        return switch (name) {
            case "ST_INTERSECTS" -> SpatialRelations.intersects(a, b);
            case "ST_DISJOINT" -> !SpatialRelations.intersects(a, b);
            case "ST_WITHIN" -> SpatialRelations.within(a, b);
            case "ST_CONTAINS" -> SpatialRelations.within(b, a);
            default -> SpatialRelations.equal(a, b);
        };
    }

    /** ST_GeoHash(longitude, latitude, max_length) or ST_GeoHash(point, max_length). */
    private static Expr geoHash(String fn, Expr[] a) {
        if (a.length != 2 && a.length != 3) {
            throw new SqlError(ErrorCode.WRONG_PARAMCOUNT_TO_NATIVE_FCT,
                    "Incorrect parameter count in the call to native function '" + fn + "'");
        }
        return geometryMaker(fn, a, 2, args -> {
            double lon;
            double lat;
            if (args.length == 2) {
                byte[] p = bytes(args[0]);
                lon = Geometries.x(p);
                lat = Geometries.y(p);
            } else {
                lon = Values.toDouble(args[0]);
                lat = Values.toDouble(args[1]);
            }
            long length = Values.toLong(args[args.length - 1]);
            if (length < 1 || length > GeoHash.MAX_LENGTH) {
                throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to " + fn);
            }
            return GeoHash.encode(lon, lat, (int) length);
        });
    }

    private static double[] decodeGeoHash(String fn, Object hash) {
        String text = Values.toStringValue(hash);
        try {
            return GeoHash.decode(text);
        } catch (IllegalArgumentException e) {
            throw new SqlError(ErrorCode.WRONG_VALUE_FOR_TYPE, "Incorrect geohash value: '" + text
                    + "' for function " + fn);
        }
    }

    /**
     * An evaluator that is NULL when any argument is NULL (as every MySQL spatial function), checks the argument
     * count, and turns bad geometry data into error 3037 naming the function.
     */
    private static Expr geometryMaker(String fn, Expr[] a, int minArgs, Function<Object[], Object> body) {
        if (a.length < minArgs) {
            throw new SqlError(ErrorCode.WRONG_PARAMCOUNT_TO_NATIVE_FCT,
                    "Incorrect parameter count in the call to native function '" + fn + "'");
        }
        return (row, ctx) -> {
            Object[] args = new Object[a.length];
            for (int i = 0; i < a.length; i++) {
                args[i] = a[i].eval(row, ctx);
                if (args[i] == null) {
                    return null;
                }
            }
            try {
                return body.apply(args);
            } catch (InvalidGeometryException e) {
                throw new SqlError(ErrorCode.GIS_INVALID_DATA, "Invalid GIS data provided to function " + fn + ".");
            }
        };
    }

    private static long srid(String fn, Object[] args) {
        if (args.length < 2) {
            return 0;
        }
        long srid = Values.toLong(args[1]);
        if (!Geometries.knownSrid(srid)) {
            throw new SqlError(ErrorCode.SRS_NOT_FOUND, "There's no spatial reference system with SRID " + srid
                    + ".");
        }
        return srid;
    }

    static byte[] bytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        // a string holding the bytes (a geometry that went through a string context)
        return Values.toStringValue(v).getBytes(StandardCharsets.ISO_8859_1);
    }
}
