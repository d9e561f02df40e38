package dev.scion.wire.packet.command;

import dev.scion.wire.codec.MalformedPacketException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.value.BinaryParameterDecoder;

/**
 * COM_STMT_EXECUTE: statement id, flags (cursor type), iteration count, then for statements with parameters a
 * NULL bitmap ((n + 7) / 8 bytes), new_params_bound_flag, the parameter types when that flag is 1, and the
 * non-NULL values.
 *
 * <p>Parameter types are kept as {@code typeCode | flags << 8}; flag 0x80 marks an unsigned integer.
 */
public record ComStmtExecutePacket(long statementId, int flags, long iterationCount, int[] parameterTypes,
                                   boolean newParametersBound, Object[] parameters) {

    public static final int UNSIGNED_FLAG = 0x80;

    /** The statement id, without consuming it. */
    public static long peekStatementId(PacketPayload payload) {
        if (payload.readableBytes() < 4) {
            throw new MalformedPacketException("COM_STMT_EXECUTE too short");
        }
        return payload.buffer().getUnsignedIntLE(payload.buffer().readerIndex());
    }

    /**
     * Reads the packet of a statement with {@code parameterCount} parameters.
     *
     * @param boundTypes the types sent with an earlier execute of the statement, or null
     * @param longData   per parameter, whether its value came in COM_STMT_SEND_LONG_DATA (it is then absent here)
     * @throws MissingParameterTypesException when no types were ever sent for the statement
     */
    public static ComStmtExecutePacket read(PacketPayload payload, int parameterCount, int[] boundTypes,
                                            boolean[] longData) {
        long statementId = payload.readInt4();
        int flags = payload.readInt1();
        long iterationCount = payload.readInt4();
        Object[] values = new Object[parameterCount];
        if (parameterCount == 0) {
            return new ComStmtExecutePacket(statementId, flags, iterationCount, new int[0], false, values);
        }
        byte[] nullBitmap = payload.readBytes((parameterCount + 7) / 8);
        boolean newBound = payload.readInt1() == 1;
        int[] types;
        if (newBound) {
            types = new int[parameterCount];
            for (int i = 0; i < parameterCount; i++) {
                types[i] = payload.readInt2();
            }
        } else if (boundTypes != null && boundTypes.length == parameterCount) {
            types = boundTypes;
        } else {
            throw new MissingParameterTypesException();
        }
        for (int i = 0; i < parameterCount; i++) {
            boolean isNull = (nullBitmap[i >> 3] & (1 << (i & 7))) != 0;
            if (isNull || (longData != null && longData[i])) {
                continue;
            }
            int type = types[i];
            values[i] = BinaryParameterDecoder.read(payload, type & 0xff, (type >> 8 & UNSIGNED_FLAG) != 0);
        }
        return new ComStmtExecutePacket(statementId, flags, iterationCount, types, newBound, values);
    }

    /** The client never sent parameter types for this statement. */
    public static final class MissingParameterTypesException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingParameterTypesException() {
            super("parameter types were never sent for this statement");
        }
    }
}
