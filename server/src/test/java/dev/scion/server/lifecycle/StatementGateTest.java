package dev.scion.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

class StatementGateTest {
    @Test
    void closingWaitsForRunningStatementsAndAdmitsNoNewOnes() throws Exception {
        StatementGate gate = new StatementGate();
        assertTrue(gate.enter());
        CountDownLatch closing = new CountDownLatch(1);
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            closing.countDown();
            try {
                return gate.closeAndAwait(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        closing.await();
        while (!gate.isClosing()) {
            Thread.onSpinWait();
        }
        assertFalse(gate.enter(), "no new statement once closing");
        assertFalse(drained.isDone());
        gate.exit();
        assertTrue(drained.get(1, TimeUnit.MINUTES));
        assertEquals(0, gate.running());
    }

    @Test
    void aStatementThatOutlivesTheBoundIsReported() throws Exception {
        StatementGate gate = new StatementGate();
        assertTrue(gate.enter());
        assertFalse(gate.closeAndAwait(0, TimeUnit.MILLISECONDS));
        assertEquals(1, gate.running());
    }
}
