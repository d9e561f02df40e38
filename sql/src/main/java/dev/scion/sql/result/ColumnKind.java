package dev.scion.sql.result;

/** The MySQL protocol type a result column is reported as. */
public enum ColumnKind {
    TINY, SHORT, INT24, LONG, LONGLONG, NEWDECIMAL, FLOAT, DOUBLE, BIT, YEAR, DATE, TIME, DATETIME, TIMESTAMP,
    VARCHAR, VAR_STRING, STRING, BLOB, JSON, ENUM, SET, NULL
}
