package dev.scion.versioning.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Who did something and when: a name, an email and a time in epoch milliseconds. */
public record Signature(String name, String email, long timeMillis) {
    private static final Pattern AUTHOR = Pattern.compile("^\\s*(.*?)\\s*<([^>]*)>\\s*$");

    /** Parses git's {@code "A U Thor <author@example.com>"} form. */
    public static Signature parse(String author, long timeMillis) {
        Matcher m = AUTHOR.matcher(author);
        if (!m.matches()) {
            throw new IllegalArgumentException("author must look like 'Name <email>': " + author);
        }
        return new Signature(m.group(1), m.group(2), timeMillis);
    }

    public Signature at(long millis) {
        return new Signature(name, email, millis);
    }
}
