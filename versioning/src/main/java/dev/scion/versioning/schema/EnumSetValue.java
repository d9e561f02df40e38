package dev.scion.versioning.schema;

/**
 * A value of an ENUM or SET column as the engine handles it: the number MySQL stores (the 1-based member index of
 * an ENUM, 0 for the '' error value; the member bit mask of a SET) and the text it stands for. Rows carry this so
 * that one value serves both of MySQL's contexts: string functions and clients see {@link #text()}, arithmetic
 * and ORDER BY see {@link #number()}. Storage keeps only the number ({@link ChoiceValues}).
 */
public record EnumSetValue(long number, String text) implements Comparable<EnumSetValue> {

    public EnumSetValue {
        if (text == null) {
            throw new IllegalArgumentException("an ENUM/SET value needs its text");
        }
    }

    /** Ordered by number, as MySQL sorts ENUM and SET columns. */
    @Override
    public int compareTo(EnumSetValue other) {
        return Long.compareUnsigned(number, other.number);
    }

    /** The text: what a client receives and what string contexts use. */
    @Override
    public String toString() {
        return text;
    }
}
