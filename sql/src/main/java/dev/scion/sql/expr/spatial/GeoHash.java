package dev.scion.sql.expr.spatial;

/**
 * Geohashes (base-32 strings interleaving longitude and latitude bisections, longitude first) as ST_GeoHash writes
 * and ST_PointFromGeoHash / ST_LatFromGeoHash / ST_LongFromGeoHash read them.
 */
final class GeoHash {
    private static final String ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz";
    /** MySQL's limit on a geohash's length. */
    static final int MAX_LENGTH = 100;

    private GeoHash() {
    }

    static String encode(double longitude, double latitude, int length) {
        if (longitude < -180 || longitude > 180 || latitude < -90 || latitude > 90) {
            throw new InvalidGeometryException("coordinate out of the geographic range");
        }
        double[] lon = {-180, 180};
        double[] lat = {-90, 90};
        StringBuilder out = new StringBuilder(length);
        boolean even = true;
        int bits = 0;
        int value = 0;
        while (out.length() < length) {
            double[] range = even ? lon : lat;
            double coordinate = even ? longitude : latitude;
            double mid = (range[0] + range[1]) / 2;
            value <<= 1;
            if (coordinate >= mid) {
                value |= 1;
                range[0] = mid;
            } else {
                range[1] = mid;
            }
            even = !even;
            if (++bits == 5) {
                out.append(ALPHABET.charAt(value));
                bits = 0;
                value = 0;
            }
        }
        return out.toString();
    }

    /** The centre of the cell a geohash names, as {longitude, latitude}; throws on a character outside base 32. */
    static double[] decode(String hash) {
        if (hash.isEmpty()) {
            throw new IllegalArgumentException("an empty geohash");
        }
        double[] lon = {-180, 180};
        double[] lat = {-90, 90};
        boolean even = true;
        for (int i = 0; i < hash.length(); i++) {
            int value = ALPHABET.indexOf(Character.toLowerCase(hash.charAt(i)));
            if (value < 0) {
                throw new IllegalArgumentException("not a geohash: " + hash);
            }
            for (int bit = 4; bit >= 0; bit--) {
                double[] range = even ? lon : lat;
                double mid = (range[0] + range[1]) / 2;
                if ((value >> bit & 1) == 1) {
                    range[0] = mid;
                } else {
                    range[1] = mid;
                }
                even = !even;
            }
        }
        return new double[] {(lon[0] + lon[1]) / 2, (lat[0] + lat[1]) / 2};
    }
}
