package dev.scion.sql.catalog;

/**
 * A database name as a client writes it: {@code mydb}, {@code mydb/branch}, {@code mydb@branch}. The revision
 * part is null for the plain name.
 */
public record RevisionName(String database, String revision) {

    public static RevisionName parse(String name) {
        int slash = name.indexOf('/');
        int at = name.indexOf('@');
        int cut = slash < 0 ? at : at < 0 ? slash : Math.min(slash, at);
        if (cut <= 0) {
            return new RevisionName(name, null);
        }
        return new RevisionName(name.substring(0, cut), name.substring(cut + 1));
    }

    public String qualified() {
        return revision == null ? database : database + "/" + revision;
    }
}
