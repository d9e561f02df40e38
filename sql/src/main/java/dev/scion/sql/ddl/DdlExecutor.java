package dev.scion.sql.ddl;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CREATE TABLE, DROP TABLE and CREATE INDEX. This is an interim hand-written reader of MySQL DDL; the Calcite
 * template-based MySQL parser replaces it (see docs/architecture.md).
 */
public final class DdlExecutor {
    private static final Set<String> COLUMN_OPTION_WORDS = Set.of("NOT", "NULL", "DEFAULT", "AUTO_INCREMENT",
            "PRIMARY", "UNIQUE", "KEY", "COMMENT", "COLLATE", "CHARACTER", "CHARSET", "ON", "CHECK", "REFERENCES",
            "GENERATED", "AS", "VISIBLE", "INVISIBLE", ",", ")");

    private DdlExecutor() {
    }

    public static Optional<StatementResult> tryExecute(Session session, String sql) {
        DdlTokens t = new DdlTokens(sql);
        if (t.accept("CREATE", "TABLE")) {
            return Optional.of(createTable(session, t));
        }
        if (t.accept("CREATE", "TEMPORARY", "TABLE")) {
            return Optional.of(createTable(session, t));
        }
        if (t.accept("DROP", "TABLE") || t.accept("DROP", "TEMPORARY", "TABLE")) {
            return Optional.of(dropTable(session, t));
        }
        if (t.accept("CREATE", "INDEX") || t.accept("CREATE", "UNIQUE", "INDEX")) {
            return Optional.of(createIndex(session, t, sql.toUpperCase(Locale.ROOT).startsWith("CREATE UNIQUE")));
        }
        return Optional.empty();
    }

    private static final class QualifiedName {
        final DatabaseState db;
        final String name;

        QualifiedName(Session session, String raw) {
            int dot = raw.lastIndexOf('.');
            this.db = dot > 0 ? session.database(raw.substring(0, dot)) : session.current();
            this.name = dot > 0 ? raw.substring(dot + 1) : raw;
        }
    }

    private static QualifiedName tableName(Session session, DdlTokens t) {
        String first = t.identifier();
        if (t.peek().text().equals(".") || (!t.peek().quotedIdentifier() && t.peek().text().startsWith(".")
                && t.peek().text().length() > 1)) {
            String nextTok = t.next().text();
            String second = nextTok.length() > 1 ? nextTok.substring(1) : t.identifier();
            return new QualifiedName(session, first + "." + second);
        }
        if (!first.contains(".") || t.peek().quotedIdentifier()) {
            return new QualifiedName(session, first);
        }
        return new QualifiedName(session, first);
    }

    private static StatementResult createTable(Session session, DdlTokens t) {
        boolean ifNotExists = t.accept("IF", "NOT", "EXISTS");
        QualifiedName qn = tableName(session, t);
        requireWritable(qn.db);
        RootValue root = qn.db.workingRoot();
        if (root.resolveName(qn.name).isPresent()) {
            if (ifNotExists) {
                session.addWarning(1050, "Table '" + qn.name + "' already exists");
                return StatementResult.ok();
            }
            throw new SqlError(ErrorCode.TABLE_EXISTS, "Table '" + qn.name + "' already exists");
        }
        if (t.accept("LIKE")) {
            QualifiedName src = tableName(session, t);
            String stored = src.db.workingRoot().resolveName(src.name)
                    .orElseThrow(() -> SqlError.noSuchTable(src.db.name(), src.name));
            TableValue tv = src.db.repo().readTable(src.db.buffer(), src.db.workingRoot().tables().get(stored));
            install(qn, tv.schema());
            return StatementResult.ok();
        }
        t.expect("(");
        List<Column> columns = new ArrayList<>();
        List<String> pk = new ArrayList<>();
        List<IndexDef> indexes = new ArrayList<>();
        do {
            if (t.accept("PRIMARY", "KEY")) {
                if (!pk.isEmpty()) {
                    throw new SqlError(ErrorCode.MULTIPLE_PRI_KEY, "Multiple primary key defined");
                }
                pk.addAll(columnList(t));
                skipIndexOptions(t);
            } else if (t.accept("UNIQUE")) {
                if (!t.accept("KEY")) {
                    t.accept("INDEX");
                }
                String name = t.peek().text().equals("(") ? null : t.identifier();
                List<String> cols = columnList(t);
                indexes.add(new IndexDef(name == null ? cols.get(0) : name, cols, true));
                skipIndexOptions(t);
            } else if (t.accept("KEY") || t.accept("INDEX")) {
                String name = t.peek().text().equals("(") ? null : t.identifier();
                List<String> cols = columnList(t);
                indexes.add(new IndexDef(name == null ? cols.get(0) : name, cols, false));
                skipIndexOptions(t);
            } else if (t.accept("CONSTRAINT") || t.peek().upper().equals("FOREIGN") || t.peek().upper().equals("CHECK")) {
                t.rawUntilTopLevel(tok -> tok.text().equals(","));
            } else {
                ParsedColumn parsed = columnDefinition(t, qn.name);
                Column c = parsed.column();
                if (c.autoIncrement() && columns.stream().anyMatch(Column::autoIncrement)) {
                    throw new SqlError(ErrorCode.UNKNOWN_ERROR, "Incorrect table definition; there can be only one "
                            + "auto column and it must be defined as a key");
                }
                if (parsed.primaryKey()) {
                    pk.add(c.name());
                }
                if (parsed.unique()) {
                    indexes.add(new IndexDef(c.name(), List.of(c.name()), true));
                }
                columns.add(c);
            }
        } while (t.accept(","));
        t.expect(")");
        for (String k : pk) {
            int idx = indexOf(columns, k);
            if (idx < 0) {
                throw new SqlError(ErrorCode.KEY_COLUMN_DOES_NOT_EXIST, "Key column '" + k + "' doesn't exist in table");
            }
            Column c = columns.get(idx);
            columns.set(idx, new Column(c.name(), c.type(), false, c.defaultSql(), c.autoIncrement(), c.comment(), c.tag()));
        }
        install(qn, new TableSchema(columns, pk, indexes));
        return StatementResult.ok();
    }

    private record ParsedColumn(Column column, boolean primaryKey, boolean unique) {
    }

    private static int indexOf(List<Column> cols, String name) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static void install(QualifiedName qn, TableSchema schema) {
        var buffer = qn.db.buffer();
        Hash empty = ProllyMap.empty(buffer).root();
        Map<String, Hash> idx = new HashMap<>();
        for (IndexDef ix : schema.indexes()) {
            idx.put(ix.name().toLowerCase(Locale.ROOT), empty);
        }
        long ai = schema.autoIncrementColumn().isPresent() ? 1 : 0;
        TableValue tv = new TableValue(schema, empty, idx, ai);
        qn.db.setWorkingRoot(qn.db.workingRoot().withTable(qn.name, buffer.put(tv.encode())));
    }

    private static List<String> columnList(DdlTokens t) {
        t.expect("(");
        List<String> cols = new ArrayList<>();
        do {
            cols.add(t.identifier());
            if (t.accept("(")) {
                t.next();
                t.expect(")");
            }
            if (!t.accept("ASC")) {
                t.accept("DESC");
            }
        } while (t.accept(","));
        t.expect(")");
        return cols;
    }

    private static void skipIndexOptions(DdlTokens t) {
        while (t.accept("USING") || t.accept("COMMENT") || t.accept("VISIBLE") || t.accept("INVISIBLE")) {
            if (!t.peek().text().equals(",") && !t.peek().text().equals(")")) {
                t.next();
            }
        }
    }

    private static ParsedColumn columnDefinition(DdlTokens t, String table) {
        boolean primary = false;
        boolean unique = false;
        String name = t.identifier();
        ColumnType type = dataType(t);
        boolean nullable = true;
        String defaultSql = null;
        boolean autoIncrement = false;
        String comment = null;
        while (!t.atEnd() && !t.peek().text().equals(",") && !t.peek().text().equals(")")) {
            if (t.accept("NOT", "NULL")) {
                nullable = false;
            } else if (t.accept("NULL")) {
                nullable = true;
            } else if (t.accept("DEFAULT")) {
                defaultSql = t.rawUntilTopLevel(tok -> !tok.string() && !tok.quotedIdentifier()
                        && COLUMN_OPTION_WORDS.contains(tok.upper()) && !tok.upper().equals("NULL"));
                if (defaultSql.isEmpty() && t.accept("NULL")) {
                    defaultSql = "NULL";
                }
            } else if (t.accept("AUTO_INCREMENT")) {
                autoIncrement = true;
            } else if (t.accept("PRIMARY", "KEY") || t.accept("KEY")) {
                primary = true;
                nullable = false;
            } else if (t.accept("UNIQUE")) {
                t.accept("KEY");
                unique = true;
            } else if (t.accept("COMMENT")) {
                comment = t.next().text();
            } else if (t.accept("COLLATE") || t.accept("CHARSET") || t.accept("CHARACTER", "SET")) {
                t.next();
            } else if (t.accept("ON", "UPDATE")) {
                t.rawUntilTopLevel(tok -> COLUMN_OPTION_WORDS.contains(tok.upper()));
            } else {
                t.rawUntilTopLevel(tok -> tok.text().equals(","));
            }
        }
        long tag = (table.toLowerCase(Locale.ROOT) + "." + name.toLowerCase(Locale.ROOT)).hashCode() & 0xffffffffL;
        return new ParsedColumn(new Column(name, type, nullable, defaultSql, autoIncrement, comment, tag), primary,
                unique);
    }

    private static ColumnType dataType(DdlTokens t) {
        String word = t.next().upper();
        TypeKind kind = switch (word) {
            case "INT", "INTEGER" -> TypeKind.INT;
            case "TINYINT" -> TypeKind.TINYINT;
            case "SMALLINT" -> TypeKind.SMALLINT;
            case "MEDIUMINT" -> TypeKind.MEDIUMINT;
            case "BIGINT" -> TypeKind.BIGINT;
            case "BOOL", "BOOLEAN" -> TypeKind.BOOLEAN;
            case "DECIMAL", "NUMERIC", "DEC", "FIXED" -> TypeKind.DECIMAL;
            case "FLOAT" -> TypeKind.FLOAT;
            case "DOUBLE", "REAL" -> TypeKind.DOUBLE;
            case "BIT" -> TypeKind.BIT;
            case "CHAR", "CHARACTER" -> TypeKind.CHAR;
            case "VARCHAR" -> TypeKind.VARCHAR;
            case "BINARY" -> TypeKind.BINARY;
            case "VARBINARY" -> TypeKind.VARBINARY;
            case "TINYTEXT" -> TypeKind.TINYTEXT;
            case "TEXT" -> TypeKind.TEXT;
            case "MEDIUMTEXT" -> TypeKind.MEDIUMTEXT;
            case "LONGTEXT" -> TypeKind.LONGTEXT;
            case "TINYBLOB" -> TypeKind.TINYBLOB;
            case "BLOB" -> TypeKind.BLOB;
            case "MEDIUMBLOB" -> TypeKind.MEDIUMBLOB;
            case "LONGBLOB" -> TypeKind.LONGBLOB;
            case "DATE" -> TypeKind.DATE;
            case "TIME" -> TypeKind.TIME;
            case "DATETIME" -> TypeKind.DATETIME;
            case "TIMESTAMP" -> TypeKind.TIMESTAMP;
            case "YEAR" -> TypeKind.YEAR;
            case "ENUM" -> TypeKind.ENUM;
            case "SET" -> TypeKind.SET;
            case "JSON" -> TypeKind.JSON;
            default -> throw t.error();
        };
        if (kind == TypeKind.DOUBLE) {
            t.accept("PRECISION");
        }
        if (kind == TypeKind.CHAR && t.accept("VARYING")) {
            kind = TypeKind.VARCHAR;
        }
        int length = -1;
        int scale = -1;
        List<String> values = new ArrayList<>();
        if (t.accept("(")) {
            if (kind == TypeKind.ENUM || kind == TypeKind.SET) {
                do {
                    values.add(dev.scion.sql.admin.Identifiers.unquoteString(t.next().text()));
                } while (t.accept(","));
            } else {
                length = Integer.parseInt(t.next().text());
                if (t.accept(",")) {
                    scale = Integer.parseInt(t.next().text());
                }
            }
            t.expect(")");
        }
        if (kind.isInteger() || kind == TypeKind.BOOLEAN) {
            length = -1;
        }
        if (kind == TypeKind.DECIMAL && scale < 0) {
            scale = 0;
        }
        boolean unsigned = false;
        while (true) {
            if (t.accept("UNSIGNED")) {
                unsigned = true;
            } else if (!t.accept("SIGNED") && !t.accept("ZEROFILL")) {
                break;
            }
        }
        return new ColumnType(kind, length, scale, unsigned, values);
    }

    private static StatementResult dropTable(Session session, DdlTokens t) {
        boolean ifExists = t.accept("IF", "EXISTS");
        List<QualifiedName> names = new ArrayList<>();
        do {
            names.add(tableName(session, t));
        } while (t.accept(","));
        for (QualifiedName qn : names) {
            requireWritable(qn.db);
            RootValue root = qn.db.workingRoot();
            if (root.resolveName(qn.name).isEmpty()) {
                if (ifExists) {
                    session.addWarning(1051, "Unknown table '" + qn.db.name() + "." + qn.name + "'");
                    continue;
                }
                throw new SqlError(ErrorCode.BAD_TABLE, "Unknown table '" + qn.db.name() + "." + qn.name + "'");
            }
            qn.db.setWorkingRoot(root.withoutTable(qn.name));
        }
        return StatementResult.ok();
    }

    private static StatementResult createIndex(Session session, DdlTokens t, boolean unique) {
        String indexName = t.identifier();
        t.expect("ON");
        QualifiedName qn = tableName(session, t);
        requireWritable(qn.db);
        List<String> cols = columnList(t);
        RootValue root = qn.db.workingRoot();
        String stored = root.resolveName(qn.name).orElseThrow(() -> SqlError.noSuchTable(qn.db.name(), qn.name));
        TableValue tv = qn.db.repo().readTable(qn.db.buffer(), root.tables().get(stored));
        if (tv.schema().hasIndex(indexName)) {
            throw new SqlError(ErrorCode.DUP_KEYNAME, "Duplicate key name '" + indexName + "'");
        }
        for (String c : cols) {
            if (tv.schema().columnIndex(c) < 0) {
                throw new SqlError(ErrorCode.KEY_COLUMN_DOES_NOT_EXIST, "Key column '" + c + "' doesn't exist in table");
            }
        }
        List<IndexDef> idx = new ArrayList<>(tv.schema().indexes());
        IndexDef def = new IndexDef(indexName, cols, unique);
        idx.add(def);
        TableSchema schema = new TableSchema(tv.schema().columns(), tv.schema().primaryKey(), idx);
        TableValue rebuilt = IndexBuilder.addIndex(qn.db, tv, schema, def);
        qn.db.setWorkingRoot(root.withTable(stored, qn.db.buffer().put(rebuilt.encode())));
        return StatementResult.ok();
    }

    private static void requireWritable(DatabaseState db) {
        if (db.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "database '" + db.name() + "' is read-only");
        }
    }
}
