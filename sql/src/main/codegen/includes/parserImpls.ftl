<#--
  Scion: MySQL-dialect productions added to Calcite's Parser.jj (see config.fmpp for the
  extension points each production is wired into).
-->

// ===================================================================================
// Helpers
// ===================================================================================

/**
 * Retags every VALUES token that is followed by "(" as MYSQL_VALUES_FN, from the next token to
 * the end of the statement. Called once ON DUPLICATE KEY UPDATE has been read, so that
 * VALUES(col) parses as a function there without adding VALUES to the start set of expressions
 * (which would make "VALUES (1, 2)" row constructors ambiguous everywhere else).
 */
JAVACODE void MySqlMarkValuesFunctions() {
    Token t = token;
    while (true) {
        t = mySqlNext(t);
        if (t.kind == EOF || t.kind == SEMICOLON) {
            break;
        }
        if (t.kind == VALUES) {
            // VALUES ( name [. name] ) -- not a VALUES (row) constructor inside a sub-query
            final Token open = mySqlNext(t);
            Token u = mySqlNext(open);
            boolean fn = open.kind == LPAREN && mySqlIsName(u);
            while (fn) {
                u = mySqlNext(u);
                if (u.kind == RPAREN) {
                    break;
                }
                fn = u.kind == DOT && mySqlIsName(u = mySqlNext(u));
            }
            if (fn) {
                t.kind = MYSQL_VALUES_FN;
            }
        }
    }
    jj_ntk = -1;
}

/** Whether a token is the unquoted word VALUE (lexed as an IDENTIFIER, see CommonTokenAction). */
JAVACODE boolean mySqlIsValueWord(Token t) {
    return t.kind == IDENTIFIER && "VALUE".equalsIgnoreCase(t.image);
}

/** Whether a token can be a column name (unquoted word or back-quoted identifier). */
JAVACODE boolean mySqlIsName(Token t) {
    return t.kind == BACK_QUOTED_IDENTIFIER || MySqlLiterals.isWord(t.image);
}

/** The token after t, fetching it from the token manager if needed. */
JAVACODE Token mySqlNext(Token t) {
    if (t.next == null) {
        t.next = token_source.getNextToken();
    }
    return t.next;
}

/** A name that MySQL lets be an identifier, a string, or BINARY / DEFAULT (charset names). */
String MySqlName() :
{
    final SqlIdentifier id;
    final String s;
}
{
    id = SimpleIdentifier() { return id.getSimple(); }
|   s = SimpleStringLiteral() { return s; }
|   <BINARY> { return "binary"; }
|   <DEFAULT_> { return "DEFAULT"; }
}

/** A string literal value (COMMENT 'x', ENUM members). */
String MySqlString() :
{
    final String s;
}
{
    s = SimpleStringLiteral() { return s; }
}

/** Consumes the next token, whatever its kind, as an identifier (ROW_FORMAT = DYNAMIC). */
JAVACODE SqlIdentifier mySqlAnyWord() {
    final Token t = getNextToken();
    return new SqlIdentifier(t.image, getPos());
}

/** Value of a table / database option: identifier, string, number, DEFAULT, any word. */
SqlNode MySqlOptionValue() :
{
    final SqlNode e;
}
{
    (
        e = SimpleIdentifier()
    |   e = StringLiteral()
    |   e = NumericLiteral()
    |   <DEFAULT_> { e = SqlLiteral.createCharString("DEFAULT", getPos()); }
    |   LOOKAHEAD({ getToken(1).kind != EOF && MySqlLiterals.isWord(getToken(1).image) }) e = mySqlAnyWord()
    )
    { return e; }
}

/** "(a, b, c)" of simple identifiers; "()" allowed. */
SqlNodeList MySqlParenIdentList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlIdentifier id;
}
{
    <LPAREN> { s = span(); }
    [
        id = SimpleIdentifier() { list.add(id); }
        ( <COMMA> id = SimpleIdentifier() { list.add(id); } )*
    ]
    <RPAREN> { return new SqlNodeList(list, s.end(this)); }
}

// ===================================================================================
// Expressions
// ===================================================================================

/**
 * Extra binary operators (extraBinaryExpressions): || as OR (MySQL default sql_mode; string
 * concatenation under PIPES_AS_CONCAT, see ParseMode), &&, XOR,
 * DIV, MOD, <=>, REGEXP / NOT REGEXP, and the bit operators | & ^ << >> with MySQL's precedences
 * (MySqlOperators). Tried before Calcite's BinaryRowOperator, so || never becomes CONCAT and & / ^
 * never Calcite's BITAND / BITXOR.
 */
void MySqlBinaryExpression(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
    final String name;
}
{
    (
        <CONCAT> { op = ParseMode.PIPES_AS_CONCAT.active() ? MySqlOperators.PIPES_CONCAT : SqlStdOperatorTable.OR; }
    |   <DOUBLE_AMPERSAND> { op = SqlStdOperatorTable.AND; }
    |   <XOR> { op = MySqlOperators.XOR; }
    |   <DIV> { op = MySqlOperators.DIV; }
    |   <MOD> { op = SqlStdOperatorTable.PERCENT_REMAINDER; }
    |   <NULL_SAFE_EQ> { op = SqlStdOperatorTable.IS_NOT_DISTINCT_FROM; }
    |   <REGEXP> { op = SqlLibraryOperators.RLIKE; }
    |   <NOT> <REGEXP> { op = SqlLibraryOperators.NOT_RLIKE; }
    |   <LAMBDA> { op = MySqlOperators.JSON_EXTRACT_ARROW; }
    |   <JSON_UNQUOTE_ARROW> { op = MySqlOperators.JSON_UNQUOTE_EXTRACT_ARROW; }
    |   <VERTICAL_BAR> { op = MySqlOperators.BIT_OR; }
    |   <AMPERSAND> { op = MySqlOperators.BIT_AND; }
    |   <CARET> { op = MySqlOperators.BIT_XOR; }
    |   <LEFTSHIFT> { op = MySqlOperators.SHIFT_LEFT; }
    |   <RIGHTSHIFT> { op = MySqlOperators.SHIFT_RIGHT; }
    )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
|
    // expr COLLATE name: a binary operator whose right operand is the collation name
    <COLLATE> { s.clear().add(this); } name = MySqlName() {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(MySqlOperators.COLLATE, s.pos()));
        list.add(SqlLiteral.createCharString(name, getPos()));
    }
}

/** Arguments after a "NAME(" token (COMMIT_FN, MERGE_FN): "args )". */
SqlNode MySqlFunctionCallRest(String name, Span s) :
{
    final List<SqlNode> args = new ArrayList<SqlNode>();
}
{
    [
        AddExpression(args, ExprContext.ACCEPT_SUB_QUERY)
        ( <COMMA> AddExpression(args, ExprContext.ACCEPT_SUB_QUERY) )*
    ]
    <RPAREN>
    {
        return createCall(new SqlIdentifier(name, s.pos()), s.end(this),
            SqlFunctionCategory.USER_DEFINED_FUNCTION, null, args);
    }
}

/**
 * Functions whose names are keywords (builtinFunctionCallMethods): VALUES(col) in ON DUPLICATE KEY
 * UPDATE, COMMIT(...), MERGE(...), INSERT(...), CURRENT_USER(), CONVERT(x, type), and the prefix operators "!"
 * and BINARY.
 */
SqlNode MySqlBuiltinFunctionCall() :
{
    final Span s;
    final SqlNode e;
    final SqlIdentifier id;
    final SqlDataTypeSpec dt;
    final List<SqlNode> args = new ArrayList<SqlNode>();
    final SqlIntervalQualifier unit;
}
{
    // INTERVAL ? DAY (Calcite's own INTERVAL takes only a literal, identifier or (expr))
    <INTERVAL> { s = span(); } e = DynamicParam() unit = IntervalQualifierStart() {
        return SqlStdOperatorTable.INTERVAL.createCall(s.end(this), e, unit);
    }
|
    <BANG> { s = span(); } e = Expression3(ExprContext.ACCEPT_SUB_QUERY) {
        return SqlStdOperatorTable.NOT.createCall(s.end(e), e);
    }
|
    // ~x: bit inversion, binding tighter than any binary operator (~0 + 1, ~-1)
    <BIT_NOT_TILDE> { s = span(); } e = MySqlUnaryOperand() {
        return MySqlOperators.BIT_NOT.createCall(s.end(e), e);
    }
|
    <MYSQL_VALUES_FN> { s = span(); } <LPAREN> id = CompoundIdentifier() <RPAREN> {
        return MySqlOperators.VALUES.createCall(s.end(this), id);
    }
|
    <COMMIT_FN> { s = span(); } e = MySqlFunctionCallRest("COMMIT", s) { return e; }
|
    <MERGE_FN> { s = span(); } e = MySqlFunctionCallRest("MERGE", s) { return e; }
|
    // INSERT(str, pos, len, newstr): the string function (INSERT INTO is never followed by "(")
    <INSERT_FN> { s = span(); } e = MySqlFunctionCallRest("INSERT", s) { return e; }
|
    // BINARY expr: a cast to a binary string (SqlFunctions' SCION_BINARY), binding tighter than any binary operator
    <BINARY> { s = span(); } e = Expression3(ExprContext.ACCEPT_SUB_QUERY) {
        return createCall(new SqlIdentifier("SCION_BINARY", s.pos()), s.end(e),
            SqlFunctionCategory.USER_DEFINED_FUNCTION, null, Collections.singletonList(e));
    }
|
    <CURRENT_USER> { s = span(); } <LPAREN> <RPAREN> {
        return SqlStdOperatorTable.CURRENT_USER.createCall(s.end(this));
    }
|
    // DEFAULT(col): the column's default value (plain DEFAULT is Calcite's Default() where allowed)
    <DEFAULT_> { s = span(); } <LPAREN> id = CompoundIdentifier() <RPAREN> {
        return MySqlOperators.DEFAULT_OF.createCall(s.end(this), id);
    }
|
    e = MySqlMatchAgainst() { return e; }
}

/**
 * MATCH (col, ...) AGAINST (expr [IN NATURAL LANGUAGE MODE [WITH QUERY EXPANSION] | IN BOOLEAN MODE |
 * WITH QUERY EXPANSION]): SCION_MATCH_AGAINST('mode', expr, col, ...). The search string is a simple expression
 * (a literal, parameter or call), so that its IN is the modifier's and not an IN predicate.
 */
SqlNode MySqlMatchAgainst() :
{
    final Span s;
    final SqlNode e;
    SqlIdentifier id;
    final List<SqlNode> args = new ArrayList<SqlNode>();
    String mode = "NATURAL";
}
{
    <MATCH> { s = span(); }
    (
        <LPAREN> id = CompoundIdentifier() { args.add(id); }
        ( <COMMA> id = CompoundIdentifier() { args.add(id); } )* <RPAREN>
    |
        id = CompoundIdentifier() { args.add(id); }
        ( <COMMA> id = CompoundIdentifier() { args.add(id); } )*
    )
    <AGAINST> <LPAREN> e = Expression3(ExprContext.ACCEPT_NON_QUERY)
    [
        <IN>
        (
            <NATURAL> <LANGUAGE> <MODE> [ <WITH> <QUERY> <EXPANSION> { mode = "EXPANSION"; } ]
        |
            <BOOLEAN> <MODE> { mode = "BOOLEAN"; }
        )
    |
        <WITH> <QUERY> <EXPANSION> { mode = "EXPANSION"; }
    ]
    <RPAREN> {
        args.add(0, e);
        args.add(0, SqlLiteral.createCharString(mode, s.pos()));
        return MySqlOperators.MATCH_AGAINST.createCall(s.end(this), args);
    }
}

/**
 * MySQL CONVERT: CONVERT(x, type) is CAST(x AS type); CONVERT(x USING charset) is Calcite's
 * TRANSLATE. Wired in as a "literal" (literalParserMethods) because that is the only extension
 * point tried before Calcite's own CONVERT syntax.
 */
SqlNode MySqlConvert() :
{
    final Span s;
    final SqlNode e;
    SqlIdentifier name;
    final SqlDataTypeSpec dt;
}
{
    <CONVERT> { s = span(); } <LPAREN>
    e = Expression(ExprContext.ACCEPT_SUB_QUERY)
    (
        <COMMA> dt = DataType() <RPAREN> {
            return SqlStdOperatorTable.CAST.createCall(s.end(this), e, dt);
        }
    |
        <USING> ( name = SimpleIdentifier() | <BINARY> { name = new SqlIdentifier("binary", getPos()); } )
        <RPAREN> {
            return SqlStdOperatorTable.TRANSLATE.createCall(s.end(this), e, name);
        }
    )
}

/** CAST target types that Calcite lacks (dataTypeParserMethods): SIGNED, UNSIGNED, DATETIME, JSON. */
SqlTypeNameSpec MySqlCastType() :
{
    final Span s;
    int p = -1;
}
{
    <SIGNED> { s = span(); } [ <INTEGER> | <INT> ] {
        return new SqlAlienSystemTypeNameSpec("SIGNED", SqlTypeName.BIGINT, s.end(this));
    }
|
    <UNSIGNED> { s = span(); } [ <INTEGER> | <INT> ] {
        return new SqlAlienSystemTypeNameSpec("UNSIGNED", SqlTypeName.UBIGINT, s.end(this));
    }
|
    <DATETIME> { s = span(); } [ <LPAREN> p = UnsignedIntLiteral() <RPAREN> ] {
        // The alien name is what unparse prints: MySQL has no CAST(.. AS TIMESTAMP).
        return new SqlAlienSystemTypeNameSpec(p < 0 ? "DATETIME" : "DATETIME(" + p + ")",
            SqlTypeName.TIMESTAMP, p, s.end(this));
    }
|
    <JSON> { s = span(); } {
        return new SqlAlienSystemTypeNameSpec("JSON", SqlTypeName.VARCHAR, s.end(this));
    }
}

/**
 * JSON_TABLE(doc, 'row path' COLUMNS (...)) after its name in FROM (hook patched into TableRef3). MySQL's
 * JSON_TABLE is always lateral: the document may name columns of the tables before it.
 */
SqlNode MySqlJsonTableArgs(Span s) :
{
    final SqlNode doc;
    final SqlNode path;
    final List<JsonTableColumn> columns;
}
{
    <LPAREN> doc = Expression(ExprContext.ACCEPT_NON_QUERY) <COMMA> path = StringLiteral()
    columns = MySqlJsonTableColumns()
    <RPAREN> {
        return JsonTableFunction.tableRef(s.end(this), doc, path, columns);
    }
}

/** COLUMNS (column, ...) of JSON_TABLE or of one of its NESTED PATHs. */
List<JsonTableColumn> MySqlJsonTableColumns() :
{
    final SqlIdentifier word;
    final List<JsonTableColumn> columns = new ArrayList<JsonTableColumn>();
}
{
    word = SimpleIdentifier() {
        if (!word.getSimple().equalsIgnoreCase("COLUMNS")) {
            throw new ParseException("Encountered \"" + word.getSimple() + "\": expected COLUMNS");
        }
    }
    <LPAREN> MySqlJsonTableColumn(columns) ( <COMMA> MySqlJsonTableColumn(columns) )* <RPAREN>
    { return columns; }
}

/** name FOR ORDINALITY | name type [EXISTS] PATH 'p' [on empty] [on error] | NESTED [PATH] 'p' COLUMNS (...). */
void MySqlJsonTableColumn(List<JsonTableColumn> columns) :
{
    final SqlIdentifier name;
    final SqlMySqlDataType type;
    final String path;
    final List<JsonTableColumn> nested;
    final JsonTableColumn.OnMissing[] handlers = {JsonTableColumn.OnMissing.NULL, JsonTableColumn.OnMissing.NULL};
    final String[] defaults = {null, null};
}
{
    LOOKAHEAD({ getToken(1).image.equalsIgnoreCase("NESTED")
        && (getToken(2).kind == PATH || getToken(2).kind == QUOTED_STRING) })
    SimpleIdentifier() [ <PATH> ] path = SimpleStringLiteral() nested = MySqlJsonTableColumns() {
        columns.add(JsonTableColumn.nested(path, nested));
    }
|
    name = SimpleIdentifier()
    (
        <FOR> <ORDINALITY> { columns.add(JsonTableColumn.ordinality(name.getSimple())); }
    |
        type = MySqlDataType()
        (
            <EXISTS> <PATH> path = SimpleStringLiteral() {
                columns.add(JsonTableColumn.exists(name.getSimple(), type, path));
            }
        |
            <PATH> path = SimpleStringLiteral()
            ( LOOKAHEAD(3) MySqlJsonTableOnMissing(handlers, defaults) )*
            {
                columns.add(JsonTableColumn.value(name.getSimple(), type, path, handlers[0], defaults[0],
                    handlers[1], defaults[1]));
            }
        )
    )
}

/** {NULL | ERROR | DEFAULT 'json'} ON {EMPTY | ERROR}: handlers[0] / defaults[0] for EMPTY, [1] for ERROR. */
void MySqlJsonTableOnMissing(JsonTableColumn.OnMissing[] handlers, String[] defaults) :
{
    final JsonTableColumn.OnMissing h;
    String d = null;
}
{
    (
        <NULL> { h = JsonTableColumn.OnMissing.NULL; }
    |   <ERROR> { h = JsonTableColumn.OnMissing.ERROR; }
    |   <DEFAULT_> d = SimpleStringLiteral() { h = JsonTableColumn.OnMissing.DEFAULT; }
    )
    <ON>
    (
        <EMPTY> { handlers[0] = h; defaults[0] = d; }
    |   <ERROR> { handlers[1] = h; defaults[1] = d; }
    )
}

/** "AS OF expr" after a table reference (hook patched into TableRef3). */
SqlNode MySqlTableAsOf(SqlNode tableRef) :
{
    final Span s;
    final SqlNode e;
}
{
    <AS> { s = span(); } <OF> e = Expression(ExprContext.ACCEPT_NON_QUERY) {
        return new SqlMySqlAsOf(s.end(this), tableRef, e);
    }
}

// ===================================================================================
// Queries and DML
// ===================================================================================

/**
 * MySQL EXPLAIN [FORMAT = TRADITIONAL | JSON | TREE] {SELECT | INSERT | REPLACE | UPDATE | DELETE}
 * as a Calcite SqlExplain. Calcite's own "EXPLAIN PLAN [..] FOR stmt" is kept (minimal form).
 */
SqlNode MySqlExplain() :
{
    final Span s;
    final SqlNode stmt;
    String f;
    SqlExplainFormat format = SqlExplainFormat.TEXT;
    SqlExplainLevel detailLevel = SqlExplainLevel.EXPPLAN_ATTRIBUTES;
    SqlExplain.Depth depth = SqlExplain.Depth.PHYSICAL;
}
{
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD(<PLAN> (<FOR> | <WITH> | <WITHOUT> | <INCLUDING> | <EXCLUDING> | <AS>))
        <PLAN>
        [ detailLevel = ExplainDetailLevel() ]
        depth = ExplainDepth()
        [ <AS> <JSON> { format = SqlExplainFormat.JSON; } ]
        <FOR>
    |
        [
            <FORMAT> <EQ> f = MySqlName() {
                if (f.equalsIgnoreCase("JSON")) {
                    format = SqlExplainFormat.JSON;
                }
            }
        ]
    )
    (
        stmt = MySqlInsertOrReplace()
    |   stmt = MySqlUpdate()
    |   stmt = MySqlDelete()
    |   stmt = MySqlQueryStatement()
    )
    {
        return new SqlExplain(s.end(this), stmt, detailLevel.symbol(SqlParserPos.ZERO),
            depth.symbol(SqlParserPos.ZERO), format.symbol(SqlParserPos.ZERO), nDynamicParams);
    }
}

/** A query, optionally followed by FOR UPDATE / FOR SHARE / LOCK IN SHARE MODE; or WITH ... UPDATE / DELETE. */
SqlNode MySqlQueryStatement() :
{
    SqlNode q;
    SqlNodeList withList;
    final List<Object> list = new ArrayList<Object>();
}
{
    (
        // the WITH list read here, not by QueryOrExpr, so that MySQL 8's WITH ... UPDATE / DELETE can follow it
        withList = WithList()
        (
            q = MySqlUpdate() { return dev.scion.sql.parser.dml.DmlCommonTables.attach(withList, q); }
        |   q = MySqlDelete() { return dev.scion.sql.parser.dml.DmlCommonTables.attach(withList, q); }
        |   q = LeafQueryOrExpr(ExprContext.ACCEPT_QUERY) { list.add(q); }
            ( AddSetOpQuery(list, ExprContext.ACCEPT_QUERY) )*
            { q = addWith(withList, SqlParserUtil.toTree(list)); }
            q = OrderByLimitOpt(q)
        )
    |
        q = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    [ q = MySqlLockingClause(q) ]
    { return q; }
}

SqlNode MySqlLockingClause(SqlNode q) :
{
    final Span s;
    SqlMySqlLockedQuery.LockMode mode;
    SqlMySqlLockedQuery.WaitPolicy wait = SqlMySqlLockedQuery.WaitPolicy.WAIT;
    SqlNodeList of = null;
    final List<SqlNode> tables = new ArrayList<SqlNode>();
    SqlIdentifier id;
}
{
    (
        <FOR> { s = span(); }
        (
            <UPDATE> { mode = SqlMySqlLockedQuery.LockMode.FOR_UPDATE; }
        |   <SHARE> { mode = SqlMySqlLockedQuery.LockMode.FOR_SHARE; }
        )
        [
            <OF> id = CompoundIdentifier() { tables.add(id); }
            ( <COMMA> id = CompoundIdentifier() { tables.add(id); } )*
            { of = new SqlNodeList(tables, s.end(this)); }
        ]
        [
            <NOWAIT> { wait = SqlMySqlLockedQuery.WaitPolicy.NOWAIT; }
        |   <SKIP_> <LOCKED> { wait = SqlMySqlLockedQuery.WaitPolicy.SKIP_LOCKED; }
        ]
    |
        <LOCK> { s = span(); } <IN> <SHARE> <MODE> {
            mode = SqlMySqlLockedQuery.LockMode.LOCK_IN_SHARE_MODE;
        }
    )
    { return new SqlMySqlLockedQuery(s.end(this), q, mode, wait, of); }
}

/** One "(v1, v2, DEFAULT)" row, or "ROW(...)"; "()" allowed. */
SqlNode MySqlValuesRow() :
{
    final Span s;
    final List<SqlNode> items = new ArrayList<SqlNode>();
    SqlNode e;
}
{
    [ <ROW> ]
    <LPAREN> { s = span(); }
    [
        ( LOOKAHEAD({ getToken(1).kind == DEFAULT_ && getToken(2).kind != LPAREN }) e = Default() | e = Expression(ExprContext.ACCEPT_SUB_QUERY) ) { items.add(e); }
        (
            <COMMA>
            ( LOOKAHEAD({ getToken(1).kind == DEFAULT_ && getToken(2).kind != LPAREN }) e = Default() | e = Expression(ExprContext.ACCEPT_SUB_QUERY) ) { items.add(e); }
        )*
    ]
    <RPAREN>
    { return SqlStdOperatorTable.ROW.createCall(s.end(this), items); }
}

/** "VALUES|VALUE row, row, ..." as a Calcite VALUES call. */
SqlNode MySqlValues() :
{
    final Span s;
    final List<SqlNode> rows = new ArrayList<SqlNode>();
    SqlNode row;
}
{
    (
        <VALUES>
    |   // VALUE arrives as an IDENTIFIER (see CommonTokenAction)
        LOOKAHEAD({ mySqlIsValueWord(getToken(1)) }) <IDENTIFIER>
    )
    { s = span(); }
    row = MySqlValuesRow() { rows.add(row); }
    ( <COMMA> row = MySqlValuesRow() { rows.add(row); } )*
    { return SqlStdOperatorTable.VALUES.createCall(s.end(this), rows); }
}

/** "col = expr" (or DEFAULT), appended to two parallel lists. */
void MySqlAssignment(List<SqlNode> columns, List<SqlNode> values) :
{
    final SqlIdentifier id;
    final SqlNode e;
}
{
    id = CompoundIdentifier() <EQ>
    ( LOOKAHEAD({ getToken(1).kind == DEFAULT_ && getToken(2).kind != LPAREN }) e = Default() | e = Expression(ExprContext.ACCEPT_SUB_QUERY) )
    {
        columns.add(id);
        values.add(e);
    }
}

/**
 * INSERT [LOW_PRIORITY | DELAYED | HIGH_PRIORITY] [IGNORE] [INTO] t [(cols)]
 *   { VALUES|VALUE rows [AS alias [(cols)]] | SET a = 1, ... [AS alias] | query }
 *   [ON DUPLICATE KEY UPDATE a = expr, ...]
 * REPLACE [LOW_PRIORITY | DELAYED] [INTO] t ... (same forms)
 */
SqlNode MySqlInsertOrReplace() :
{
    final Span s;
    boolean replace = false;
    boolean ignore = false;
    final SqlIdentifier table;
    SqlNodeList columns = null;
    SqlNode source;
    SqlIdentifier alias = null;
    SqlNodeList aliasColumns = null;
    SqlNodeList updateColumns = null;
    SqlNodeList updateValues = null;
    final List<SqlNode> setColumns = new ArrayList<SqlNode>();
    final List<SqlNode> setValues = new ArrayList<SqlNode>();
    final List<SqlNode> upColumns = new ArrayList<SqlNode>();
    final List<SqlNode> upValues = new ArrayList<SqlNode>();
    final Span setSpan;
}
{
    ( <INSERT> | <REPLACE> { replace = true; } ) { s = span(); }
    [ <LOW_PRIORITY> | <DELAYED> | <HIGH_PRIORITY> ]
    [ <IGNORE> { ignore = true; } ]
    [ <INTO> ]
    table = CompoundIdentifier()
    [ LOOKAHEAD(2) columns = MySqlParenIdentList() ]
    (
        LOOKAHEAD({ getToken(1).kind == VALUES || mySqlIsValueWord(getToken(1)) })
        source = MySqlValues()
        [
            <AS> alias = SimpleIdentifier()
            [ aliasColumns = MySqlParenIdentList() ]
        ]
    |
        <SET> { setSpan = span(); }
        MySqlAssignment(setColumns, setValues)
        ( <COMMA> MySqlAssignment(setColumns, setValues) )*
        {
            columns = new SqlNodeList(setColumns, setSpan.pos());
            source = SqlStdOperatorTable.VALUES.createCall(setSpan.end(this),
                SqlStdOperatorTable.ROW.createCall(setSpan.end(this), setValues));
        }
        [ <AS> alias = SimpleIdentifier() ]
    |
        source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    [
        <ON> <DUPLICATE> <KEY> <UPDATE> { MySqlMarkValuesFunctions(); }
        MySqlAssignment(upColumns, upValues)
        ( <COMMA> MySqlAssignment(upColumns, upValues) )*
        {
            updateColumns = new SqlNodeList(upColumns, s.end(this));
            updateValues = new SqlNodeList(upValues, s.end(this));
        }
    ]
    {
        return new SqlMySqlInsert(s.end(this), SqlNodeList.EMPTY, table, source, columns,
            replace, ignore, alias, aliasColumns, updateColumns, updateValues);
    }
}

/** ORDER BY ... and LIMIT n shared by UPDATE and DELETE. */
void MySqlOrderLimit(SqlNodeList[] orderBy, SqlNode[] limit) :
{
}
{
    [ orderBy[0] = OrderBy(true) ]
    [ <LIMIT> limit[0] = UnsignedNumericLiteralOrParam() ]
}

/**
 * UPDATE [LOW_PRIORITY] [IGNORE] table_refs SET a = e, ... [WHERE c] [ORDER BY ..] [LIMIT n].
 * A single table (with optional alias) becomes the SqlUpdate target; a join is kept as the target
 * of a multi-table update.
 */
SqlNode MySqlUpdate() :
{
    final Span s;
    boolean ignore = false;
    SqlNode table;
    SqlIdentifier alias = null;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final List<SqlNode> values = new ArrayList<SqlNode>();
    SqlNode where = null;
    final SqlNodeList[] orderBy = {null};
    final SqlNode[] limit = {null};
}
{
    <UPDATE> { s = span(); }
    [ <LOW_PRIORITY> ]
    [ <IGNORE> { ignore = true; } ]
    table = FromClause()
    <SET>
    MySqlAssignment(columns, values)
    ( <COMMA> MySqlAssignment(columns, values) )*
    [ where = Where() ]
    MySqlOrderLimit(orderBy, limit)
    {
        if (table.getKind() == SqlKind.AS
            && ((SqlCall) table).operandCount() == 2
            && ((SqlCall) table).operand(0) instanceof SqlIdentifier) {
            alias = (SqlIdentifier) ((SqlCall) table).operand(1);
            table = ((SqlCall) table).operand(0);
        }
        return new SqlMySqlUpdate(s.end(this), table,
            new SqlNodeList(columns, s.pos()), new SqlNodeList(values, s.pos()), where,
            alias, orderBy[0], limit[0], ignore);
    }
}

/** A delete target "t" or "t.*" (multi-table DELETE). */
SqlIdentifier MySqlDeleteTarget() :
{
    final SqlIdentifier id;
}
{
    id = CompoundIdentifier() { return id; }
}

/**
 * DELETE [LOW_PRIORITY] [QUICK] [IGNORE] FROM t [[AS] a] [WHERE c] [ORDER BY ..] [LIMIT n]
 * DELETE [..] t1[, t2] FROM table_refs [WHERE c]
 * DELETE [..] FROM t1[, t2] USING table_refs [WHERE c]
 */
SqlNode MySqlDelete() :
{
    final Span s;
    boolean ignore = false;
    SqlNode table;
    SqlIdentifier alias = null;
    final List<SqlNode> targetList = new ArrayList<SqlNode>();
    SqlNodeList targets = null;
    SqlIdentifier id;
    SqlNode where = null;
    final SqlNodeList[] orderBy = {null};
    final SqlNode[] limit = {null};
}
{
    <DELETE> { s = span(); }
    [ <LOW_PRIORITY> ]
    [ <QUICK> ]
    [ <IGNORE> { ignore = true; } ]
    (
        <FROM> table = FromClause()
        [
            <USING> {
                // DELETE FROM t1, t2 USING refs: the FROM list names the targets
                targetList.add(table);
                targets = new SqlNodeList(targetList, s.pos());
            }
            table = FromClause()
        ]
    |
        id = MySqlDeleteTarget() { targetList.add(id); }
        ( <COMMA> id = MySqlDeleteTarget() { targetList.add(id); } )*
        <FROM> table = FromClause() { targets = new SqlNodeList(targetList, s.pos()); }
    )
    [ where = Where() ]
    MySqlOrderLimit(orderBy, limit)
    {
        if (targets == null && table.getKind() == SqlKind.AS
            && ((SqlCall) table).operandCount() == 2
            && ((SqlCall) table).operand(0) instanceof SqlIdentifier) {
            alias = (SqlIdentifier) ((SqlCall) table).operand(1);
            table = ((SqlCall) table).operand(0);
        }
        return new SqlMySqlDelete(s.end(this), table, where, alias, targets, orderBy[0],
            limit[0], ignore);
    }
}

// ===================================================================================
// DDL: data types and column definitions
// ===================================================================================

/** "(n)" or "(p, s)" into p[0], p[1]. */
void MySqlPrecisionScale(int[] p) :
{
}
{
    <LPAREN> p[0] = UnsignedIntLiteral() [ <COMMA> p[1] = UnsignedIntLiteral() ] <RPAREN>
}

/** UNSIGNED / SIGNED / ZEROFILL after a numeric type; flags[0] = unsigned, flags[1] = zerofill. */
void MySqlNumericAttributes(boolean[] flags) :
{
}
{
    (
        <UNSIGNED> { flags[0] = true; }
    |   <SIGNED> { flags[0] = false; }
    |   <ZEROFILL> { flags[1] = true; }
    )*
}

/** [CHARACTER SET x | CHARSET x] [COLLATE y] [BINARY] after a character type. */
void MySqlCharsetCollate(String[] cc) :
{
}
{
    (
        ( <CHARACTER> <SET> | <CHARSET> ) cc[0] = MySqlName()
    |   <COLLATE> cc[1] = MySqlName()
    |   <BINARY> { cc[1] = "binary"; }
    )*
}

/** ENUM / SET member list "('a', 'b')". */
void MySqlEnumValues(List<String> values) :
{
    String v;
}
{
    <LPAREN> v = MySqlString() { values.add(v); }
    ( <COMMA> v = MySqlString() { values.add(v); } )*
    <RPAREN>
}

/** A MySQL column data type. */
SqlMySqlDataType MySqlDataType() :
{
    final Span s;
    String name;
    final int[] p = {-1, -1};
    final boolean[] flags = {false, false};
    final String[] cc = {null, null};
    final List<String> values = new ArrayList<String>();
}
{
    { s = Span.of(); }
    (
        (
            <TINYINT> { name = "TINYINT"; }
        |   <SMALLINT> { name = "SMALLINT"; }
        |   <MEDIUMINT> { name = "MEDIUMINT"; }
        |   <INT> { name = "INT"; }
        |   <INTEGER> { name = "INTEGER"; }
        |   <BIGINT> { name = "BIGINT"; }
        |   <DECIMAL> { name = "DECIMAL"; }
        |   <DEC> { name = "DECIMAL"; }
        |   <NUMERIC> { name = "NUMERIC"; }
        |   <FLOAT> { name = "FLOAT"; }
        |   <REAL> { name = "REAL"; }
        |   <DOUBLE> { name = "DOUBLE"; } [ <PRECISION> ]
            // FIXED, NVARCHAR and LONG are no keywords of Calcite's: matched as words in a type position
        |   LOOKAHEAD({ getToken(1).kind == IDENTIFIER && "FIXED".equalsIgnoreCase(getToken(1).image) })
            <IDENTIFIER> { name = "DECIMAL"; }
        )
        { s.add(this); }
        [ MySqlPrecisionScale(p) ]
        MySqlNumericAttributes(flags)
    |
        <SERIAL> { s.add(this); name = "SERIAL"; }
    |
        ( <BOOL> { name = "BOOL"; } | <BOOLEAN> { name = "BOOLEAN"; } ) { s.add(this); }
    |
        <BIT> { s.add(this); name = "BIT"; } [ MySqlPrecisionScale(p) ]
    |
        (
            ( <CHAR> | <CHARACTER> ) { s.add(this); name = "CHAR"; }
            [ <VARYING> { name = "VARCHAR"; } ]
        |   <VARCHAR> { s.add(this); name = "VARCHAR"; }
        |   <NCHAR> { s.add(this); name = "CHAR"; cc[0] = "utf8mb3"; } [ <VARYING> { name = "VARCHAR"; } ]
        |   LOOKAHEAD({ getToken(1).kind == IDENTIFIER && "NVARCHAR".equalsIgnoreCase(getToken(1).image) }) <IDENTIFIER>
            { s.add(this); name = "VARCHAR"; cc[0] = "utf8mb3"; }
        |   <NATIONAL> { s.add(this); cc[0] = "utf8mb3"; }
            (
                ( <CHAR> | <CHARACTER> ) { name = "CHAR"; } [ <VARYING> { name = "VARCHAR"; } ]
            |   <VARCHAR> { name = "VARCHAR"; }
            )
        |   <TINYTEXT> { s.add(this); name = "TINYTEXT"; }
        |   <TEXT> { s.add(this); name = "TEXT"; }
        |   <MEDIUMTEXT> { s.add(this); name = "MEDIUMTEXT"; }
        |   <LONGTEXT> { s.add(this); name = "LONGTEXT"; }
        )
        [ MySqlPrecisionScale(p) ]
        MySqlCharsetCollate(cc)
    |
        (
            <BINARY> { s.add(this); name = "BINARY"; }
        |   <VARBINARY> { s.add(this); name = "VARBINARY"; }
        |   <TINYBLOB> { s.add(this); name = "TINYBLOB"; }
        |   <BLOB> { s.add(this); name = "BLOB"; }
        |   <MEDIUMBLOB> { s.add(this); name = "MEDIUMBLOB"; }
        |   <LONGBLOB> { s.add(this); name = "LONGBLOB"; }
        )
        [ MySqlPrecisionScale(p) ]
    |
        (
            <DATE> { s.add(this); name = "DATE"; }
        |   <TIME> { s.add(this); name = "TIME"; }
        |   <DATETIME> { s.add(this); name = "DATETIME"; }
        |   <TIMESTAMP> { s.add(this); name = "TIMESTAMP"; }
        |   <YEAR> { s.add(this); name = "YEAR"; }
        )
        [ MySqlPrecisionScale(p) ]
    |
        ( <ENUM> { name = "ENUM"; } | <SET> { name = "SET"; } ) { s.add(this); }
        MySqlEnumValues(values)
        MySqlCharsetCollate(cc)
    |
        <JSON> { s.add(this); name = "JSON"; }
    |
        // MySQL's LONG and LONG VARCHAR are MEDIUMTEXT, LONG VARBINARY is MEDIUMBLOB; LONG is no keyword of Calcite's
        LOOKAHEAD({ getToken(1).kind == IDENTIFIER && "LONG".equalsIgnoreCase(getToken(1).image) }) <IDENTIFIER>
        { s.add(this); name = "MEDIUMTEXT"; }
        [ <VARCHAR> | <VARBINARY> { name = "MEDIUMBLOB"; } ]
        MySqlCharsetCollate(cc)
    |
        // MySQL 9's VECTOR[(n)]; VECTOR is no keyword of Calcite's
        LOOKAHEAD({ getToken(1).kind == IDENTIFIER && "VECTOR".equalsIgnoreCase(getToken(1).image) }) <IDENTIFIER>
        { s.add(this); name = "VECTOR"; }
        [ MySqlPrecisionScale(p) ]
    |
        <GEOMETRY> { s.add(this); name = "GEOMETRY"; }
    |
        // spatial type names other than GEOMETRY are no keywords, so that columns may still be called point
        LOOKAHEAD({ getToken(1).kind == IDENTIFIER && SqlMySqlDataType.isSpatialTypeWord(getToken(1).image) })
        <IDENTIFIER>
        {
            s.add(this);
            name = token.image.toUpperCase(java.util.Locale.ROOT);
            if (name.equals("GEOMCOLLECTION")) {
                name = "GEOMETRYCOLLECTION";
            }
        }
    )
    {
        return new SqlMySqlDataType(s.end(this), name, p[0], p[1], flags[0], flags[1],
            cc[0], cc[1], values);
    }
}

/** "REFERENCES t [(cols)] [MATCH ..] [ON DELETE a] [ON UPDATE a]". */
SqlMySqlForeignKey MySqlReferences(Span s, SqlIdentifier constraintName,
    SqlIdentifier indexName, SqlNodeList columns) :
{
    final SqlIdentifier table;
    SqlNodeList refColumns = SqlNodeList.EMPTY;
    SqlMySqlForeignKey.Action onDelete = null;
    SqlMySqlForeignKey.Action onUpdate = null;
    SqlMySqlForeignKey.Action a;
}
{
    <REFERENCES> table = CompoundIdentifier()
    [ refColumns = MySqlParenIdentList() ]
    [ <MATCH> ( <FULL> | <PARTIAL> | <SIMPLE> ) ]
    (
        LOOKAHEAD(2)
        <ON>
        (
            <DELETE> a = MySqlReferentialAction() { onDelete = a; }
        |   <UPDATE> a = MySqlReferentialAction() { onUpdate = a; }
        )
    )*
    {
        return new SqlMySqlForeignKey(s.end(this), constraintName, indexName, columns, table,
            refColumns, onDelete, onUpdate);
    }
}

SqlMySqlForeignKey.Action MySqlReferentialAction() :
{
}
{
    <RESTRICT> { return SqlMySqlForeignKey.Action.RESTRICT; }
|   <CASCADE> { return SqlMySqlForeignKey.Action.CASCADE; }
|   LOOKAHEAD(2) <SET> <NULL> { return SqlMySqlForeignKey.Action.SET_NULL; }
|   <SET> <DEFAULT_> { return SqlMySqlForeignKey.Action.SET_DEFAULT; }
|   <NO> <ACTION> { return SqlMySqlForeignKey.Action.NO_ACTION; }
}

/** "CHECK (expr) [[NOT] ENFORCED]" (CONSTRAINT name already read). */
SqlMySqlCheck MySqlCheck(Span s, SqlIdentifier name) :
{
    final SqlNode e;
    boolean enforced = true;
}
{
    <CHECK> <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN>
    [ LOOKAHEAD(2) <NOT> <ENFORCED> { enforced = false; } ]
    [ <ENFORCED> ]
    { return new SqlMySqlCheck(s.end(this), name, e, enforced); }
}

/**
 * Column DEFAULT operand: "(expr)" is an expression default (kept as such even around a literal); otherwise
 * Expression3 level, so "DEFAULT '0' NOT NULL" works.
 */
SqlNode MySqlDefaultValue() :
{
    final SqlNode e;
    final Span s;
}
{
    LOOKAHEAD(1)
    <LPAREN> { s = span(); } e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> {
        return new SqlDefaultExpression(s.end(this), e);
    }
|
    e = Expression3(ExprContext.ACCEPT_SUB_QUERY) { return e; }
}

/** A column definition: name, type, options in any order. */
SqlMySqlColumn MySqlColumnDef() :
{
    final Span s;
    final SqlIdentifier name;
    final SqlMySqlDataType type;
    final SqlMySqlColumn.Builder b;
    SqlNode e;
    String str;
    SqlIdentifier constraintName;
    SqlMySqlCheck check;
    SqlMySqlForeignKey ref;
    boolean stored;
    final Span s2 = Span.of();
}
{
    name = SimpleIdentifier() { s = span(); }
    type = MySqlDataType() { b = SqlMySqlColumn.builder(s.pos(), name, type); }
    (
        <NOT> <NULL> { b.nullable(false); }
    |   <NULL> { b.nullable(true); }
    |   <DEFAULT_> e = MySqlDefaultValue() { b.defaultValue(e); }
    |   <AUTO_INCREMENT> { b.autoIncrement(); }
    |   <PRIMARY> <KEY> { b.primaryKey(); }
    |   <KEY> { b.primaryKey(); }
    |   <UNIQUE> [ <KEY> ] { b.uniqueKey(); }
    |   <COMMENT> str = MySqlString() { b.comment(str); }
    |   <ON> <UPDATE> e = Expression3(ExprContext.ACCEPT_SUB_QUERY) { b.onUpdate(e); }
    |   <COLLATE> str = MySqlName() { b.collation(str); }
    |   ( <CHARACTER> <SET> | <CHARSET> ) str = MySqlName() { b.charset(str); }
    |   ( <VISIBLE> | <INVISIBLE> )
    |   // SRID is no keyword (a column may be called srid); only a number may follow it here
        LOOKAHEAD({ getToken(1).kind == IDENTIFIER && "SRID".equalsIgnoreCase(getToken(1).image)
            && getToken(2).kind == UNSIGNED_INTEGER_LITERAL })
        <IDENTIFIER> <UNSIGNED_INTEGER_LITERAL> { b.srid(Long.parseLong(token.image)); }
    |   { constraintName = null; }
        [ <CONSTRAINT> { s2.add(this); } [ constraintName = SimpleIdentifier() ] ]
        check = MySqlCheck(s2, constraintName) { b.check(check); }
    |   { stored = false; }
        [ <GENERATED> <ALWAYS> ]
        <AS> <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN>
        [ <VIRTUAL> | <STORED> { stored = true; } ]
        { b.generated(e, stored); }
    |   ref = MySqlReferences(Span.of(), null, null, SqlNodeList.EMPTY) { b.references(ref); }
    )*
    { return b.build(s.end(this)); }
}

/** "col [(len)] [ASC|DESC]" or "(expr) [ASC|DESC]". */
SqlMySqlKeyPart MySqlKeyPart() :
{
    final Span s;
    SqlIdentifier column = null;
    SqlNode e = null;
    int len = -1;
    Boolean desc = null;
}
{
    (
        column = SimpleIdentifier() { s = span(); }
        [ <LPAREN> len = UnsignedIntLiteral() <RPAREN> ]
    |
        <LPAREN> { s = span(); } e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN>
    )
    [ <ASC> { desc = false; } | <DESC> { desc = true; } ]
    { return new SqlMySqlKeyPart(s.end(this), column, e, len, desc); }
}

void MySqlKeyParts(List<SqlMySqlKeyPart> parts) :
{
    SqlMySqlKeyPart part;
}
{
    <LPAREN> part = MySqlKeyPart() { parts.add(part); }
    ( <COMMA> part = MySqlKeyPart() { parts.add(part); } )*
    <RPAREN>
}

/** "USING BTREE | HASH". */
String MySqlIndexType() :
{
}
{
    <USING> ( <BTREE> { return "BTREE"; } | <HASH> { return "HASH"; } )
}

/**
 * The rest of an index definition after its kind keywords: "[name] [USING x] (parts) [options]".
 * info[0] = USING, info[1] = COMMENT.
 */
SqlMySqlIndex MySqlIndexRest(Span s, SqlMySqlIndex.Kind kind, SqlIdentifier constraintName) :
{
    SqlIdentifier name = null;
    final List<SqlMySqlKeyPart> parts = new ArrayList<SqlMySqlKeyPart>();
    String using = null;
    String comment = null;
    String t;
}
{
    [ name = SimpleIdentifier() ]
    [ using = MySqlIndexType() ]
    MySqlKeyParts(parts)
    (
        t = MySqlIndexType() { using = t; }
    |   <COMMENT> comment = MySqlString()
    |   <VISIBLE>
    |   <INVISIBLE>
    |   LOOKAHEAD(2) SimpleIdentifier() [ <EQ> ] MySqlOptionValue() // KEY_BLOCK_SIZE = n, ...
    )*
    { return new SqlMySqlIndex(s.end(this), kind, constraintName, name, parts, using, comment); }
}

/**
 * A CREATE TABLE element (or ALTER TABLE ADD operand): a column definition, PRIMARY KEY,
 * UNIQUE / INDEX / KEY / FULLTEXT / SPATIAL index, FOREIGN KEY or CHECK. Returns a
 * SqlMySqlColumn, SqlMySqlIndex, SqlMySqlForeignKey or SqlMySqlCheck.
 */
SqlNode MySqlTableElement() :
{
    final Span s = Span.of();
    SqlIdentifier constraintName = null;
    final SqlNode e;
}
{
    (
        [ <CONSTRAINT> { s.add(this); } [ constraintName = SimpleIdentifier() ] ]
        e = MySqlConstraint(s, constraintName)
    |
        LOOKAHEAD( ( <INDEX> | <KEY> ) [ SimpleIdentifier() ] ( <LPAREN> | <USING> ) )
        ( <INDEX> | <KEY> ) { s.add(this); }
        e = MySqlIndexRest(s, SqlMySqlIndex.Kind.INDEX, null)
    |
        LOOKAHEAD( ( <FULLTEXT> | <SPATIAL> ) [ <INDEX> | <KEY> ] [ SimpleIdentifier() ] <LPAREN> )
        e = MySqlFulltextOrSpatial(s)
    |
        e = MySqlColumnDef()
    )
    { return e; }
}

SqlNode MySqlFulltextOrSpatial(Span s) :
{
    final SqlMySqlIndex.Kind kind;
    final SqlNode e;
}
{
    ( <FULLTEXT> { kind = SqlMySqlIndex.Kind.FULLTEXT; } | <SPATIAL> { kind = SqlMySqlIndex.Kind.SPATIAL; } )
    { s.add(this); }
    [ LOOKAHEAD(2) ( <INDEX> | <KEY> ) ]
    e = MySqlIndexRest(s, kind, null)
    { return e; }
}

/** PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK, after an optional CONSTRAINT [name]. */
SqlNode MySqlConstraint(Span s, SqlIdentifier constraintName) :
{
    final SqlNode e;
    SqlIdentifier indexName = null;
    final SqlNodeList columns;
}
{
    (
        <PRIMARY> { s.add(this); } <KEY>
        e = MySqlIndexRest(s, SqlMySqlIndex.Kind.PRIMARY, constraintName)
    |
        <UNIQUE> { s.add(this); } [ <INDEX> | <KEY> ]
        e = MySqlIndexRest(s, SqlMySqlIndex.Kind.UNIQUE, constraintName)
    |
        <FOREIGN> { s.add(this); } <KEY>
        [ indexName = SimpleIdentifier() ]
        columns = MySqlParenIdentList()
        e = MySqlReferences(s, constraintName, indexName, columns)
    |
        e = MySqlCheck(s, constraintName)
    )
    { return e; }
}

/**
 * A table option; CHARACTER SET is stored as CHARSET, [DEFAULT] is dropped.
 * Other options need "=": NAME = value.
 */
void MySqlTableOption(Map<String, SqlNode> options) :
{
    SqlNode v;
    SqlIdentifier id;
}
{
    (
        <ENGINE> [ <EQ> ] v = MySqlOptionValue() { options.put("ENGINE", v); }
    |   <AUTO_INCREMENT> [ <EQ> ] v = MySqlOptionValue() { options.put("AUTO_INCREMENT", v); }
    |   <COMMENT> [ <EQ> ] v = MySqlOptionValue() { options.put("COMMENT", v); }
    |   <ROW_FORMAT> [ <EQ> ] v = MySqlOptionValue() { options.put("ROW_FORMAT", v); }
    |   [ <DEFAULT_> ]
        (
            ( <CHARSET> | <CHARACTER> <SET> ) [ <EQ> ] v = MySqlOptionValue() {
                options.put("CHARSET", v);
            }
        |   <COLLATE> [ <EQ> ] v = MySqlOptionValue() { options.put("COLLATE", v); }
        )
    |   LOOKAHEAD(2) id = SimpleIdentifier() <EQ> v = MySqlOptionValue() {
            options.put(id.getSimple().toUpperCase(Locale.ROOT), v);
        }
    )
}

/**
 * The options after CREATE TABLE's elements. MySQL takes any number of them, each with or without "=",
 * separated by blanks or commas, a repeated one overriding the earlier; options Scion has no use for
 * (KEY_BLOCK_SIZE, CHECKSUM, INSERT_METHOD, ...) are kept by name and otherwise ignored, as InnoDB ignores
 * most of them. The loop is steered by a semantic lookahead alone so that the query of CREATE ... SELECT
 * (IGNORE / REPLACE / AS / SELECT ...) is never taken for an option.
 */
void MySqlCreateTableOptions(Map<String, SqlNode> options) :
{
}
{
    (
        LOOKAHEAD({ mySqlTableOptionAhead(options.isEmpty()) })
        [ <COMMA> ] MySqlCreateTableOption(options)
    )*
}

/** One CREATE TABLE option: the ones ALTER TABLE knows too, UNION = (t1, t2), or any word [=] value. */
void MySqlCreateTableOption(Map<String, SqlNode> options) :
{
    final SqlNode v;
    final SqlIdentifier id;
}
{
    (
        <UNION> [ <EQ> ] v = MySqlParenIdentList() { options.put("UNION", v); }
    |   LOOKAHEAD({ mySqlIsKeywordTableOption(getToken(1)) }) MySqlTableOption(options)
    |   LOOKAHEAD({ mySqlIsTableOptionWord(getToken(1)) })
        id = mySqlAnyWord() [ <EQ> ] v = MySqlOptionValue() {
            options.put(id.getSimple().toUpperCase(Locale.ROOT), v);
        }
    )
}

/** Whether a table option comes next (a comma before it only between two options). */
JAVACODE boolean mySqlTableOptionAhead(boolean first) {
    Token t = getToken(1);
    if (t.kind == COMMA) {
        if (first) {
            return false;
        }
        t = getToken(2);
    }
    return t.kind == UNION || mySqlIsKeywordTableOption(t) || mySqlIsTableOptionWord(t);
}

/** The table options whose first word the lexer knows as a keyword (MySqlTableOption parses them). */
JAVACODE boolean mySqlIsKeywordTableOption(Token t) {
    return t.kind == ENGINE || t.kind == AUTO_INCREMENT || t.kind == COMMENT || t.kind == ROW_FORMAT
        || t.kind == DEFAULT_ || t.kind == CHARSET || t.kind == CHARACTER || t.kind == COLLATE;
}

/** Whether a word can name a table option: any word except those that begin CREATE TABLE's query. */
JAVACODE boolean mySqlIsTableOptionWord(Token t) {
    if (!MySqlLiterals.isWord(t.image)) {
        return false;
    }
    switch (t.image.toUpperCase(Locale.ROOT)) {
    case "IGNORE": case "REPLACE": case "AS": case "SELECT": case "WITH": case "VALUES": case "TABLE":
    case "PARTITION":
        return false;
    default:
        return true;
    }
}

// ===================================================================================
// DDL statements
// ===================================================================================

/**
 * CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name
 *   { LIKE other | (LIKE other) | [(elements)] [options] [[IGNORE | REPLACE] [AS] query] }
 */
SqlCreate MySqlCreateTable(Span s, boolean replace) :
{
    boolean temporary = false;
    boolean ifNotExists = false;
    final SqlIdentifier name;
    SqlIdentifier like = null;
    SqlNode query = null;
    SqlNode e;
    final List<SqlMySqlColumn> columns = new ArrayList<SqlMySqlColumn>();
    final List<SqlMySqlIndex> indexes = new ArrayList<SqlMySqlIndex>();
    final List<SqlMySqlForeignKey> foreignKeys = new ArrayList<SqlMySqlForeignKey>();
    final List<SqlMySqlCheck> checks = new ArrayList<SqlMySqlCheck>();
    final Map<String, SqlNode> options = new LinkedHashMap<String, SqlNode>();
}
{
    [ <TEMPORARY> { temporary = true; } ]
    <TABLE>
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = CompoundIdentifier()
    (
        <LIKE> like = CompoundIdentifier()
    |
        LOOKAHEAD(2) <LPAREN> <LIKE> like = CompoundIdentifier() <RPAREN>
    |
        [
            LOOKAHEAD(2)
            <LPAREN>
            e = MySqlTableElement() { addTableElement(e, columns, indexes, foreignKeys, checks); }
            (
                <COMMA>
                e = MySqlTableElement() { addTableElement(e, columns, indexes, foreignKeys, checks); }
            )*
            <RPAREN>
        ]
        MySqlCreateTableOptions(options)
        [
            [ <IGNORE> | <REPLACE> ]
            [ <AS> ]
            query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
        ]
    )
    {
        return new SqlCreateMySqlTable(s.end(this), replace, temporary, ifNotExists, name,
            columns, indexes, foreignKeys, checks, options, like, query);
    }
}

JAVACODE void addTableElement(SqlNode e, List<SqlMySqlColumn> columns,
    List<SqlMySqlIndex> indexes, List<SqlMySqlForeignKey> foreignKeys,
    List<SqlMySqlCheck> checks) {
    if (e instanceof SqlMySqlColumn) {
        columns.add((SqlMySqlColumn) e);
    } else if (e instanceof SqlMySqlIndex) {
        indexes.add((SqlMySqlIndex) e);
    } else if (e instanceof SqlMySqlForeignKey) {
        foreignKeys.add((SqlMySqlForeignKey) e);
    } else {
        checks.add((SqlMySqlCheck) e);
    }
}

/** CREATE [UNIQUE | FULLTEXT | SPATIAL] INDEX name [USING x] ON t (parts) [options]. */
SqlCreate MySqlCreateIndex(Span s, boolean replace) :
{
    SqlMySqlIndex.Kind kind = SqlMySqlIndex.Kind.INDEX;
    final SqlIdentifier name;
    final SqlIdentifier table;
    final List<SqlMySqlKeyPart> parts = new ArrayList<SqlMySqlKeyPart>();
    String using = null;
    String comment = null;
    String t;
    final Map<String, SqlNode> ignored = new LinkedHashMap<String, SqlNode>();
}
{
    [
        <UNIQUE> { kind = SqlMySqlIndex.Kind.UNIQUE; }
    |   <FULLTEXT> { kind = SqlMySqlIndex.Kind.FULLTEXT; }
    |   <SPATIAL> { kind = SqlMySqlIndex.Kind.SPATIAL; }
    ]
    <INDEX> name = SimpleIdentifier()
    [ using = MySqlIndexType() ]
    <ON> table = CompoundIdentifier()
    MySqlKeyParts(parts)
    (
        t = MySqlIndexType() { using = t; }
    |   <COMMENT> comment = MySqlString()
    |   <VISIBLE>
    |   <INVISIBLE>
    |   MySqlAlgorithmOrLock(ignored)
    )*
    {
        final SqlParserPos pos = s.end(this);
        return new SqlCreateMySqlIndex(pos,
            new SqlMySqlIndex(pos, kind, null, name, parts, using, comment), table);
    }
}

/** ALGORITHM [=] x | LOCK [=] x (online DDL hints). */
void MySqlAlgorithmOrLock(Map<String, SqlNode> options) :
{
    SqlNode v;
}
{
    <ALGORITHM> [ <EQ> ] v = MySqlOptionValue() { options.put("ALGORITHM", v); }
|   <LOCK> [ <EQ> ] v = MySqlOptionValue() { options.put("LOCK", v); }
}

/** CREATE DATABASE | SCHEMA [IF NOT EXISTS] name [options]. */
SqlCreate MySqlCreateDatabase(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    final SqlIdentifier name;
    final Map<String, SqlNode> options = new LinkedHashMap<String, SqlNode>();
}
{
    ( <DATABASE> | <SCHEMA> )
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = SimpleIdentifier()
    ( [ <COMMA> ] MySqlTableOption(options) )*
    { return new SqlCreateMySqlDatabase(s.end(this), ifNotExists, name, options); }
}

/** CREATE [OR REPLACE] [ALGORITHM = x] VIEW name [(cols)] AS query [WITH CHECK OPTION]. */
SqlCreate MySqlCreateView(Span s, boolean replace) :
{
    final SqlIdentifier name;
    SqlNodeList columns = null;
    final SqlNode query;
    final Map<String, SqlNode> ignored = new LinkedHashMap<String, SqlNode>();
}
{
    [ MySqlAlgorithmOrLock(ignored) ]
    <VIEW> name = CompoundIdentifier()
    [ columns = MySqlParenIdentList() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    [ <WITH> [ <CASCADED> | <LOCAL> ] <CHECK> <OPTION> ]
    { return new SqlCreateMySqlView(s.end(this), replace, name, columns, query); }
}

/** "IF EXISTS" (IF is a non-reserved keyword). */
boolean MySqlIfExists() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|   { return false; }
}

/** DROP [TEMPORARY] TABLE [IF EXISTS] t1 [, t2] [RESTRICT | CASCADE]. */
SqlDrop MySqlDropTable(Span s, boolean replace) :
{
    boolean temporary = false;
    final boolean ifExists;
    final List<SqlIdentifier> names = new ArrayList<SqlIdentifier>();
    SqlIdentifier id;
}
{
    [ <TEMPORARY> { temporary = true; } ]
    <TABLE>
    ifExists = MySqlIfExists()
    id = CompoundIdentifier() { names.add(id); }
    ( <COMMA> id = CompoundIdentifier() { names.add(id); } )*
    [ <RESTRICT> | <CASCADE> ]
    { return new SqlDropMySqlTable(s.end(this), temporary, ifExists, names); }
}

/** DROP INDEX name ON t [ALGORITHM = x] [LOCK = x]. */
SqlDrop MySqlDropIndex(Span s, boolean replace) :
{
    final SqlIdentifier name;
    final SqlIdentifier table;
    final Map<String, SqlNode> ignored = new LinkedHashMap<String, SqlNode>();
}
{
    <INDEX> name = SimpleIdentifier() <ON> table = CompoundIdentifier()
    ( MySqlAlgorithmOrLock(ignored) )*
    { return new SqlDropMySqlIndex(s.end(this), name, table); }
}

/** DROP DATABASE | SCHEMA [IF EXISTS] name. */
SqlDrop MySqlDropDatabase(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    ( <DATABASE> | <SCHEMA> )
    ifExists = MySqlIfExists()
    name = SimpleIdentifier()
    { return new SqlDropMySqlDatabase(s.end(this), ifExists, name); }
}

/** DROP VIEW [IF EXISTS] v1 [, v2] [RESTRICT | CASCADE]. */
SqlDrop MySqlDropView(Span s, boolean replace) :
{
    final boolean ifExists;
    final List<SqlIdentifier> names = new ArrayList<SqlIdentifier>();
    SqlIdentifier id;
}
{
    <VIEW>
    ifExists = MySqlIfExists()
    id = CompoundIdentifier() { names.add(id); }
    ( <COMMA> id = CompoundIdentifier() { names.add(id); } )*
    [ <RESTRICT> | <CASCADE> ]
    { return new SqlDropMySqlView(s.end(this), ifExists, names); }
}

/** TRUNCATE [TABLE] t. */
SqlNode MySqlTruncateTable() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <TRUNCATE> { s = span(); }
    [ <TABLE> ]
    name = CompoundIdentifier()
    { return new SqlTruncateMySqlTable(s.end(this), name); }
}

/** RENAME TABLE a TO b [, c TO d]. */
SqlNode MySqlRenameTable() :
{
    final Span s;
    final List<SqlIdentifier> from = new ArrayList<SqlIdentifier>();
    final List<SqlIdentifier> to = new ArrayList<SqlIdentifier>();
    SqlIdentifier a;
    SqlIdentifier b;
}
{
    <RENAME> { s = span(); } <TABLE>
    a = CompoundIdentifier() <TO> b = CompoundIdentifier() { from.add(a); to.add(b); }
    (
        <COMMA> a = CompoundIdentifier() <TO> b = CompoundIdentifier() { from.add(a); to.add(b); }
    )*
    { return new SqlRenameMySqlTable(s.end(this), from, to); }
}

/** Optional FIRST | AFTER col, applied to an ADD / MODIFY / CHANGE action. */
void MySqlColumnPosition(SqlAlterTableAction action) :
{
    final SqlIdentifier id;
}
{
    [
        <FIRST> { action.position(SqlAlterTableAction.Position.FIRST, null); }
    |   <AFTER> id = SimpleIdentifier() {
            action.position(SqlAlterTableAction.Position.AFTER, id);
        }
    ]
}

/** Wraps an ADD operand (column / index / foreign key / check) in an action. */
JAVACODE SqlAlterTableAction mySqlAddAction(SqlParserPos pos, SqlNode e) {
    if (e instanceof SqlMySqlColumn) {
        return new SqlAlterTableAction(pos, SqlAlterTableAction.Action.ADD_COLUMN)
            .column((SqlMySqlColumn) e);
    } else if (e instanceof SqlMySqlIndex) {
        return new SqlAlterTableAction(pos, SqlAlterTableAction.Action.ADD_INDEX)
            .index((SqlMySqlIndex) e);
    } else if (e instanceof SqlMySqlForeignKey) {
        return new SqlAlterTableAction(pos, SqlAlterTableAction.Action.ADD_FOREIGN_KEY)
            .foreignKey((SqlMySqlForeignKey) e);
    } else {
        return new SqlAlterTableAction(pos, SqlAlterTableAction.Action.ADD_CHECK)
            .check((SqlMySqlCheck) e);
    }
}

/** One ALTER TABLE action; appends to actions (ADD (c1, c2) appends several) or options. */
void MySqlAlterAction(List<SqlAlterTableAction> actions, Map<String, SqlNode> options) :
{
    final Span s;
    SqlNode e;
    SqlMySqlColumn col;
    SqlIdentifier id;
    SqlIdentifier id2;
    SqlAlterTableAction a;
    String cs;
    String coll = null;
    boolean enforced = true;
}
{
    <ADD> { s = span(); }
    (
        LOOKAHEAD(2)
        [ <COLUMN> ] <LPAREN>
        col = MySqlColumnDef() { actions.add(mySqlAddAction(s.end(this), col)); }
        ( <COMMA> col = MySqlColumnDef() { actions.add(mySqlAddAction(s.end(this), col)); } )*
        <RPAREN>
    |
        <COLUMN> col = MySqlColumnDef() { a = mySqlAddAction(s.end(this), col); }
        MySqlColumnPosition(a) { actions.add(a); }
    |
        e = MySqlTableElement() { a = mySqlAddAction(s.end(this), e); }
        MySqlColumnPosition(a) { actions.add(a); }
    )
|
    <DROP> { s = span(); }
    (
        <PRIMARY> <KEY> {
            actions.add(new SqlAlterTableAction(s.end(this),
                SqlAlterTableAction.Action.DROP_PRIMARY_KEY));
        }
    |   LOOKAHEAD(2) ( <INDEX> | <KEY> ) id = SimpleIdentifier() {
            actions.add(new SqlAlterTableAction(s.end(this),
                SqlAlterTableAction.Action.DROP_INDEX).name(id));
        }
    |   <FOREIGN> <KEY> id = SimpleIdentifier() {
            actions.add(new SqlAlterTableAction(s.end(this),
                SqlAlterTableAction.Action.DROP_FOREIGN_KEY).name(id));
        }
    |   <CHECK> id = SimpleIdentifier() {
            actions.add(new SqlAlterTableAction(s.end(this),
                SqlAlterTableAction.Action.DROP_CHECK).name(id));
        }
    |   <CONSTRAINT> id = SimpleIdentifier() {
            actions.add(new SqlAlterTableAction(s.end(this),
                SqlAlterTableAction.Action.DROP_CONSTRAINT).name(id));
        }
    |   [ <COLUMN> ] id = SimpleIdentifier() {
            actions.add(new SqlAlterTableAction(s.end(this),
                SqlAlterTableAction.Action.DROP_COLUMN).name(id));
        }
    )
|
    <MODIFY> { s = span(); } [ <COLUMN> ] col = MySqlColumnDef() {
        a = new SqlAlterTableAction(s.end(this), SqlAlterTableAction.Action.MODIFY_COLUMN)
            .column(col);
    }
    MySqlColumnPosition(a) { actions.add(a); }
|
    <CHANGE> { s = span(); } [ <COLUMN> ] id = SimpleIdentifier() col = MySqlColumnDef() {
        a = new SqlAlterTableAction(s.end(this), SqlAlterTableAction.Action.CHANGE_COLUMN)
            .name(id).column(col);
    }
    MySqlColumnPosition(a) { actions.add(a); }
|
    <RENAME> { s = span(); }
    (
        <COLUMN> id = SimpleIdentifier() <TO> id2 = SimpleIdentifier() {
            actions.add(new SqlAlterTableAction(s.end(this),
                SqlAlterTableAction.Action.RENAME_COLUMN).name(id).newName(id2));
        }
    |   LOOKAHEAD(3) ( <INDEX> | <KEY> ) id = SimpleIdentifier() <TO> id2 = SimpleIdentifier() {
            actions.add(new SqlAlterTableAction(s.end(this),
                SqlAlterTableAction.Action.RENAME_INDEX).name(id).newName(id2));
        }
    |   [ <TO> | <AS> ] id = CompoundIdentifier() {
            actions.add(new SqlAlterTableAction(s.end(this),
                SqlAlterTableAction.Action.RENAME_TABLE).newName(id));
        }
    )
|
    <ALTER> { s = span(); }
    (
        ( <CHECK> | <CONSTRAINT> ) id = SimpleIdentifier() { enforced = true; }
        [ <NOT> { enforced = false; } ] <ENFORCED> {
            actions.add(new SqlAlterTableAction(s.end(this),
                SqlAlterTableAction.Action.ALTER_CHECK).name(id).enforced(enforced));
        }
    |
        [ <COLUMN> ] id = SimpleIdentifier()
        (
            <SET> <DEFAULT_> e = MySqlDefaultValue() {
                actions.add(new SqlAlterTableAction(s.end(this),
                    SqlAlterTableAction.Action.SET_DEFAULT).name(id).value(e));
            }
        |   <DROP> <DEFAULT_> {
                actions.add(new SqlAlterTableAction(s.end(this),
                    SqlAlterTableAction.Action.DROP_DEFAULT).name(id));
            }
        )
    )
|
    <DISABLE> { s = span(); } <KEYS> {
        actions.add(new SqlAlterTableAction(s.end(this),
            SqlAlterTableAction.Action.DISABLE_KEYS));
    }
|
    <ENABLE> { s = span(); } <KEYS> {
        actions.add(new SqlAlterTableAction(s.end(this),
            SqlAlterTableAction.Action.ENABLE_KEYS));
    }
|
    <CONVERT> { s = span(); } <TO> ( <CHARACTER> <SET> | <CHARSET> ) cs = MySqlName()
    [ <COLLATE> coll = MySqlName() ]
    {
        actions.add(new SqlAlterTableAction(s.end(this),
            SqlAlterTableAction.Action.CONVERT_CHARSET).charset(cs, coll));
    }
|
    MySqlAlgorithmOrLock(options)
|
    MySqlTableOption(options)
}

/** ALTER [IGNORE] TABLE t action [, action ...]. */
SqlNode MySqlAlterTable() :
{
    final Span s;
    final SqlIdentifier name;
    final List<SqlAlterTableAction> actions = new ArrayList<SqlAlterTableAction>();
    final Map<String, SqlNode> options = new LinkedHashMap<String, SqlNode>();
}
{
    <ALTER> { s = span(); } [ <IGNORE> ] <TABLE> name = CompoundIdentifier()
    [
        MySqlAlterAction(actions, options)
        ( [ <COMMA> ] MySqlAlterAction(actions, options) )*
    ]
    { return new SqlMySqlAlterTable(s.end(this), name, actions, options); }
}

// ===================================================================================
// SELECT modifiers and index hints (accepted and ignored)
// ===================================================================================

/**
 * Whether a token is a MySQL SELECT modifier that changes nothing in Scion's results: the query
 * cache switches, result-size and buffering hints, join-order and priority hints, and
 * SQL_CALC_FOUND_ROWS (FOUND_ROWS() is not implemented; the rows are the same either way).
 */
JAVACODE boolean mySqlIsSelectModifier(Token t) {
    if (t.kind == EOF || t.image == null) {
        return false;
    }
    switch (t.image.toUpperCase(Locale.ROOT)) {
    case "SQL_CALC_FOUND_ROWS":
    case "SQL_NO_CACHE":
    case "SQL_CACHE":
    case "SQL_SMALL_RESULT":
    case "SQL_BIG_RESULT":
    case "SQL_BUFFER_RESULT":
    case "STRAIGHT_JOIN":
    case "HIGH_PRIORITY":
        return mySqlNext(t).kind != COMMA && mySqlNext(t).kind != FROM;
    default:
        return false;
    }
}

/**
 * The modifiers after SELECT (patched into Calcite's SqlSelectKeywords, see patch-parser.xml).
 * Only real tokens are consumed here (no JAVACODE): JavaCC's syntactic lookahead assumes a
 * JAVACODE production matches without consuming anything, which would loop forever in a (...)*.
 */
void MySqlSelectModifiers() :
{
}
{
    (
        LOOKAHEAD({ mySqlIsSelectModifier(getToken(1)) }) ( <IDENTIFIER> | <HIGH_PRIORITY> )
    )*
}

/** Whether the next tokens start an index hint: USE | IGNORE | FORCE, then INDEX | KEY. */
JAVACODE boolean mySqlIsIndexHint(Token a) {
    final Token b = mySqlNext(a);
    if (a.image == null || b.image == null) {
        return false;
    }
    final String x = a.image.toUpperCase(Locale.ROOT);
    final String y = b.image.toUpperCase(Locale.ROOT);
    return (x.equals("USE") || x.equals("IGNORE") || x.equals("FORCE"))
        && (y.equals("INDEX") || y.equals("KEY"));
}

/**
 * One index hint, {@code USE|IGNORE|FORCE INDEX|KEY [FOR JOIN|ORDER BY|GROUP BY] ([name, ...])}.
 * Scion's planner chooses its own access paths, so the hint is read and dropped.
 */
void MySqlIndexHint() :
{
}
{
    ( <IGNORE> | <IDENTIFIER> )
    ( <INDEX> | <KEY> )
    [ <FOR> ( <JOIN> | <ORDER> <BY> | <GROUP> <BY> ) ]
    <LPAREN> [ MySqlHintName() ( <COMMA> MySqlHintName() )* ] <RPAREN>
}

void MySqlHintName() :
{
}
{
    <PRIMARY> | SimpleIdentifier()
}

/** Index hints after a table reference (patched into Calcite's TableRef3, see patch-parser.xml). */
void MySqlIndexHints() :
{
}
{
    (
        LOOKAHEAD({ mySqlIsIndexHint(getToken(1)) }) MySqlIndexHint()
        [ LOOKAHEAD({ getToken(1).kind == COMMA && mySqlIsIndexHint(getToken(2)) }) <COMMA> ]
    )*
}

// ===================================================================================
// GROUP BY ... WITH ROLLUP
// ===================================================================================

/**
 * MySQL's {@code GROUP BY a, b WITH ROLLUP} is Calcite's {@code GROUP BY ROLLUP(a, b)}: the same
 * grouping sets (a, b), (a), (). Patched into Calcite's GroupBy (see patch-parser.xml).
 */
List<SqlNode> MySqlGroupingElementList() :
{
    final List<SqlNode> list;
}
{
    list = GroupingElementList()
    (
        LOOKAHEAD(2) <WITH> <ROLLUP> {
            return ImmutableList.of(SqlStdOperatorTable.ROLLUP.createCall(getPos(), list));
        }
    |
        { return list; }
    )
}

/** The operand of a prefix operator: an atom, optionally signed (~-1). */
SqlNode MySqlUnaryOperand() :
{
    final Span s;
    final SqlNode e;
}
{
    <MINUS> { s = span(); } e = MySqlUnaryOperand() {
        return SqlStdOperatorTable.UNARY_MINUS.createCall(s.end(e), e);
    }
|
    <PLUS> e = MySqlUnaryOperand() { return e; }
|
    e = Expression3(ExprContext.ACCEPT_SUB_QUERY) { return e; }
}
