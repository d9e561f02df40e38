package dev.scion.wire.constant;

/** Flags of COM_STMT_EXECUTE. */
public enum CursorType {
    CURSOR_TYPE_NO_CURSOR(0x00),
    CURSOR_TYPE_READ_ONLY(0x01),
    CURSOR_TYPE_FOR_UPDATE(0x02),
    CURSOR_TYPE_SCROLLABLE(0x04),
    PARAMETER_COUNT_AVAILABLE(0x08);

    private final int bit;

    CursorType(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public boolean in(int flags) {
        return (flags & bit) != 0;
    }
}
