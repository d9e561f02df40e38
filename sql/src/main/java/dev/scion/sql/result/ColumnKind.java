package dev.scion.sql.result;

/**
 * The MySQL protocol type a result column is reported as. ENUM and SET go out as STRING with the ENUM/SET flag, as
 * MySQL sends them; GEOMETRY is type 0xff.
 */
public enum ColumnKind {
    TINY, SHORT, INT24, LONG, LONGLONG, NEWDECIMAL, FLOAT, DOUBLE, BIT, YEAR, DATE, TIME, DATETIME, TIMESTAMP,
    VARCHAR, VAR_STRING, STRING, BLOB, JSON, ENUM, SET, GEOMETRY, NULL
}
