package dev.scion.wire.command;

import dev.scion.wire.api.WireException;
import dev.scion.wire.api.WireSession;
import dev.scion.wire.codec.MalformedPacketException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.executor.ComChangeUserExecutor;
import dev.scion.wire.command.executor.ComFieldListExecutor;
import dev.scion.wire.command.executor.ComInitDbExecutor;
import dev.scion.wire.command.executor.ComPingExecutor;
import dev.scion.wire.command.executor.ComQueryExecutor;
import dev.scion.wire.command.executor.ComQuitExecutor;
import dev.scion.wire.command.executor.ComResetConnectionExecutor;
import dev.scion.wire.command.executor.ComSetOptionExecutor;
import dev.scion.wire.command.executor.ComStatisticsExecutor;
import dev.scion.wire.command.executor.ComStmtCloseExecutor;
import dev.scion.wire.command.executor.ComStmtExecuteExecutor;
import dev.scion.wire.command.executor.ComStmtFetchExecutor;
import dev.scion.wire.command.executor.ComStmtPrepareExecutor;
import dev.scion.wire.command.executor.ComStmtResetExecutor;
import dev.scion.wire.command.executor.ComStmtSendLongDataExecutor;
import dev.scion.wire.command.executor.UnsupportedCommandExecutor;
import dev.scion.wire.connection.ConnectionClosedException;
import dev.scion.wire.connection.EventLoopAvailability;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.connection.PreparedStatementState;
import dev.scion.wire.constant.CommandType;
import dev.scion.wire.constant.ErrorCode;
import dev.scion.wire.packet.generic.ErrPacket;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** Maps the command byte to its executor and turns failures into ERR packets. */
public final class CommandDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);
    private static final CommandExecutor UNSUPPORTED = new UnsupportedCommandExecutor();

    private final Map<CommandType, CommandExecutor> executors = new EnumMap<>(CommandType.class);

    public CommandDispatcher() {
        executors.put(CommandType.COM_QUIT, new ComQuitExecutor());
        executors.put(CommandType.COM_INIT_DB, new ComInitDbExecutor());
        executors.put(CommandType.COM_QUERY, new ComQueryExecutor());
        executors.put(CommandType.COM_FIELD_LIST, new ComFieldListExecutor());
        executors.put(CommandType.COM_STATISTICS, new ComStatisticsExecutor());
        executors.put(CommandType.COM_PING, new ComPingExecutor());
        executors.put(CommandType.COM_CHANGE_USER, new ComChangeUserExecutor());
        executors.put(CommandType.COM_STMT_PREPARE, new ComStmtPrepareExecutor());
        executors.put(CommandType.COM_STMT_EXECUTE, new ComStmtExecuteExecutor());
        executors.put(CommandType.COM_STMT_SEND_LONG_DATA, new ComStmtSendLongDataExecutor());
        executors.put(CommandType.COM_STMT_CLOSE, new ComStmtCloseExecutor());
        executors.put(CommandType.COM_STMT_RESET, new ComStmtResetExecutor());
        executors.put(CommandType.COM_SET_OPTION, new ComSetOptionExecutor());
        executors.put(CommandType.COM_STMT_FETCH, new ComStmtFetchExecutor());
        executors.put(CommandType.COM_RESET_CONNECTION, new ComResetConnectionExecutor());
    }

    public void dispatch(MySqlConnection connection, PacketPayload payload) {
        CommandExecutor executor = UNSUPPORTED;
        if (payload.isReadable()) {
            CommandType type = CommandType.fromCode(payload.readInt1());
            if (type != null) {
                executor = executors.getOrDefault(type, UNSUPPORTED);
            }
        }
        try {
            executor.execute(connection, payload);
        } catch (WireException e) {
            connection.writer().write(ErrPacket.of(e));
        } catch (ConnectionClosedException e) {
            throw e;
        } catch (MalformedPacketException e) {
            LOG.debug("connection {}: malformed packet: {}", connection.id(), e.getMessage());
            connection.writer().write(ErrPacket.of(ErrorCode.ER_MALFORMED_PACKET));
        } catch (RuntimeException e) {
            LOG.warn("connection {}: command failed", connection.id(), e);
            connection.writer().write(ErrPacket.of(internalError(e)));
        }
    }

    /**
     * Whether the command in {@code payload} (not consumed) may run on the event loop that read it instead of being
     * handed to a worker: a ping, or a statement the session reports as brief (a primary-key point SELECT, a
     * BEGIN or COMMIT with nothing to commit). Each
     * hand-off costs a thread wake-up both ways, which for such a statement is most of its CPU. Called on the event
     * loop while no other command of the connection runs, so the session and its statements are not in use.
     */
    public boolean runsBriefly(MySqlConnection connection, ByteBuf payload) {
        return runsBriefly(connection, payload, EventLoopAvailability.SHARED);
    }

    /**
     * Like {@link #runsBriefly(MySqlConnection, ByteBuf)}; on a loop that holds up no other command (see
     * {@link EventLoopAvailability}) also a one-row write or a COMMIT, which waits for its own sync and, on a loop
     * the connection has to itself, for another session's row lock. Running it here saves the write both
     * hand-offs.
     */
    public boolean runsBriefly(MySqlConnection connection, ByteBuf payload, EventLoopAvailability loop) {
        boolean loopFree = loop != EventLoopAvailability.SHARED;
        boolean alone = loop == EventLoopAvailability.ALONE;
        int start = payload.readerIndex();
        int length = payload.readableBytes();
        if (length < 1) {
            return false;
        }
        int command = payload.getUnsignedByte(start);
        if (command == CommandType.COM_PING.code()) {
            return true;
        }
        WireSession session = connection.session();
        if (session == null) {
            return false;
        }
        if (command == CommandType.COM_STMT_EXECUTE.code()) {
            if (length < 5) {
                return false;
            }
            PreparedStatementState statement = connection.statement(payload.getUnsignedIntLE(start + 1));
            return statement != null && (statement.handle().runsBriefly()
                    || (alone ? statement.handle().runsBrieflyAlone()
                            : loopFree && statement.handle().runsBrieflyWhenIdle()));
        }
        if (command == CommandType.COM_QUERY.code()) {
            // a SELECT or a short statement (BEGIN, COMMIT) can be brief: skip decoding the text of everything else,
            // unless the loop is free, when a write can be brief too
            if (!loopFree && length - 1 > SHORT_STATEMENT && !(length >= 8 && startsWithSelect(payload, start + 1))) {
                return false;
            }
            String sql = payload.toString(start + 1, length - 1, StandardCharsets.UTF_8);
            return session.runsBriefly(sql)
                    || (alone ? session.runsBrieflyAlone(sql) : loopFree && session.runsBrieflyWhenIdle(sql));
        }
        return false;
    }

    private static boolean startsWithSelect(ByteBuf payload, int at) {
        for (int i = 0; i < SELECT.length; i++) {
            if ((payload.getByte(at + i) | 0x20) != SELECT[i]) {
                return false;
            }
        }
        return true;
    }

    private static final byte[] SELECT = "select".getBytes(StandardCharsets.US_ASCII);
    /** Statements up to this many bytes are offered to the session whatever they start with. */
    private static final int SHORT_STATEMENT = 48;

    /** An unexpected handler failure as error 1105 (HY000) carrying its message. */
    public static WireException internalError(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        return new WireException(ErrorCode.ER_UNKNOWN_ERROR.code(), ErrorCode.ER_UNKNOWN_ERROR.sqlState(), message, e);
    }
}
