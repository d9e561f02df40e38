package dev.scion.sql.plan.cache;

/**
 * A prepared SELECT's text shape, made once when it is prepared, so an execution finds its cached plan from the
 * bound values alone: no bound text is made and shaped again ({@link TextShape#of}) per execution. A lookup gives
 * exactly the plan and values the text level would give the bound text, or null wherever that text would not be
 * matched the same way (a NULL, a negative or decimal number, a string with a backslash), and the caller then binds
 * the text and takes the usual path.
 */
public final class PreparedShape {
    /** Numbers of up to 18 digits are the ones {@link TextShape} reads as values. */
    private static final long LARGEST_VALUE = 999_999_999_999_999_999L;

    private final TextShape template;
    /** The text-level key of the last database the statement ran in, and that database. */
    private String keyDatabase;
    private String key;

    private PreparedShape(TextShape template) {
        this.template = template;
    }

    /**
     * The shape of {@code text}, one statement with nothing to normalise (no comment, no surrounding space), or null
     * when the text level would not shape it: not a SELECT, not plain, or a {@code ?} that a bound value could run
     * into its neighbours.
     */
    public static PreparedShape of(String text) {
        if (!text.regionMatches(true, 0, "SELECT", 0, 6)) {
            return null;
        }
        TextShape template = TextShape.ofTemplate(text);
        return template == null ? null : new PreparedShape(template);
    }

    /**
     * The cached plan and its parameter values for this statement with {@code parameters} bound, or null when the text
     * level has no entry for it or the bound text would not be matched without parsing.
     */
    public PlanCache.TextHit lookUp(PlanCache cache, String currentDatabase, Object[] parameters) {
        if (key == null || !java.util.Objects.equals(keyDatabase, currentDatabase)) {
            key = PlanCache.textKey(currentDatabase, template);
            keyDatabase = currentDatabase;
        }
        return cache.lookUpBound(key, template, parameters);
    }

    /**
     * The value {@link TextShape#of} reads from {@code parameter}'s literal in the bound text (a Long or a String),
     * or null when that literal is not a plain integer or string of the text level, or may be read otherwise
     * (a string with a backslash or NUL is written with escapes; one naming a locking clause changes the path).
     */
    static Object literalValue(Object parameter) {
        if (parameter instanceof Long || parameter instanceof Integer || parameter instanceof Short
                || parameter instanceof Byte) {
            long v = ((Number) parameter).longValue();
            return v >= 0 && v <= LARGEST_VALUE ? (Object) v : null;
        }
        if (parameter instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' || c == '\0' || c == 'F' || c == 'f' || c == 'S' || c == 's') {
                    return lockingFree(s) && s.indexOf('\\') < 0 && s.indexOf('\0') < 0 ? s : null;
                }
            }
            return s;
        }
        return null;
    }

    /** Whether {@code s}, quoted in a text, holds none of the phrases that make it a locking read (LockingRead). */
    private static boolean lockingFree(String s) {
        return !dev.scion.sql.dml.LockingRead.mentionsLockingClause("S " + s + "'");
    }
}
