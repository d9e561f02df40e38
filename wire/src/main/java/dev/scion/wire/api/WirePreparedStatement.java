package dev.scion.wire.api;

import java.util.List;

/** A statement prepared by COM_STMT_PREPARE. */
public interface WirePreparedStatement extends AutoCloseable {

    int parameterCount();

    /** Result columns if known at prepare time (empty for statements that return no rows or unknown). */
    List<WireColumn> columns();

    /**
     * COM_STMT_EXECUTE. Parameters arrive decoded to Java values: null, Long, java.math.BigInteger (unsigned
     * BIGINT beyond Long), Double, Float, java.math.BigDecimal, String, byte[], java.time.LocalDate,
     * java.time.LocalDateTime, java.time.Duration (TIME).
     */
    void execute(Object[] parameters, ResultSink sink) throws WireException;

    /** Like {@link WireSession#runsBriefly}: every execution of this statement may run on the network thread. */
    default boolean runsBriefly() {
        return false;
    }

    /** Like {@link WireSession#runsBrieflyWhenIdle}, for every execution of this statement. */
    default boolean runsBrieflyWhenIdle() {
        return false;
    }

    /** Like {@link WireSession#runsBrieflyAlone}, for every execution of this statement. */
    default boolean runsBrieflyAlone() {
        return runsBrieflyWhenIdle();
    }

    @Override
    void close();
}
