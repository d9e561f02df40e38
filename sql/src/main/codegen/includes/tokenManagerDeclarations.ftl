<#--
  Included into TOKEN_MGR_DECLS (includeAdditionalDeclarations: true). JavaCC runs with
  COMMON_TOKEN_ACTION=true, so CommonTokenAction sees every token before the parser does.

  MySQL literal forms are turned into the token kinds and standard images that Calcite's stock
  productions already understand, so every place that accepts a string literal accepts them:
    'it\'s', 'a\nb'          QUOTED_STRING (patched to allow backslash escapes) -> standard image
    "double quoted"          MYSQL_DQ_STRING         -> QUOTED_STRING
    _utf8mb4'x', _binary 'x' PREFIXED_STRING_LITERAL / MYSQL_INTRODUCED_STRING -> QUOTED_STRING
                             (the character-set introducer is accepted and dropped)
    0xAF, b'0101', 0b0101    MYSQL_HEX_LITERAL / MYSQL_BIT_LITERAL -> BINARY_STRING_LITERAL X'..'

  And the keyword VALUE becomes a plain IDENTIFIER: MySQL columns are often called "value", and
  Calcite's "VALUE (..)" table constructor would otherwise swallow "(value)" in expressions.
  The MySQL INSERT rule recognises the word itself (INSERT INTO t VALUE (1)).
-->
    void CommonTokenAction(Token t) {
        switch (t.kind) {
        case QUOTED_STRING:
            if (t.image.indexOf('\\') >= 0) {
                t.image = dev.scion.sql.parser.MySqlLiterals.toStandardQuoted(t.image);
            }
            break;
        case PREFIXED_STRING_LITERAL:
            if (t.image.charAt(0) == '_') {
                introduce(t);
            } else if (t.image.indexOf('\\') >= 0) {
                // N'...': keep the national-character prefix
                t.image = t.image.charAt(0)
                    + dev.scion.sql.parser.MySqlLiterals.toStandardQuoted(t.image.substring(1));
            }
            break;
        case MYSQL_INTRODUCED_STRING:
            introduce(t);
            break;
        case MYSQL_DQ_STRING:
            t.image = dev.scion.sql.parser.MySqlLiterals.toStandardQuoted(t.image);
            t.kind = QUOTED_STRING;
            break;
        case MYSQL_HEX_LITERAL:
            t.image = dev.scion.sql.parser.MySqlLiterals.hexToBinaryLiteral(t.image);
            t.kind = BINARY_STRING_LITERAL;
            break;
        case MYSQL_BIT_LITERAL:
            t.image = dev.scion.sql.parser.MySqlLiterals.bitsToBinaryLiteral(t.image);
            t.kind = BINARY_STRING_LITERAL;
            break;
        case VALUE:
            t.kind = IDENTIFIER;
            break;
        default:
            break;
        }
    }

    /**
     * _cs'text' or _cs X'hex': the literal's bytes read as text of cs, a QUOTED_STRING preceded by a special token
     * naming cs (read back by the string-literal rule, see CharsetIntroducers); _binary gives a binary literal.
     * A character set Scion does not know stays the plain text, as before.
     */
    private static void introduce(Token t) {
        String charset = dev.scion.sql.parser.CharsetIntroducers.charsetOf(t.image);
        byte[] bytes = dev.scion.sql.parser.CharsetIntroducers.bytesOf(t.image);
        String image;
        try {
            image = dev.scion.sql.parser.CharsetIntroducers.standardImage(charset, bytes);
        } catch (RuntimeException e) {
            image = dev.scion.sql.parser.CharsetIntroducers.standardImage("utf8mb4", bytes);
            charset = null;
        }
        t.image = image;
        if (image.charAt(0) == 'X') {
            t.kind = BINARY_STRING_LITERAL;
            return;
        }
        t.kind = QUOTED_STRING;
        if (charset != null) {
            Token marker = new Token(MYSQL_INTRODUCED_STRING, "_" + charset);
            marker.specialToken = t.specialToken;
            t.specialToken = marker;
        }
    }
