package dev.scion.wire.auth;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailedLoginDelayTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final FailedLoginDelay delay = new FailedLoginDelay(3, 500, 2_000, 60_000, now::get);

    @Test
    void growsPerHostAfterTheFreeFailuresUpToTheCap() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        long[] expected = {0, 0, 0, 500, 1_000, 1_500, 2_000, 2_000};
        for (long e : expected) {
            assertEquals(e, delay.recordFailure(a));
        }
        assertEquals(8, delay.failures(a));
        assertEquals(0, delay.recordFailure(b), "another host has its own count");
    }

    @Test
    void aSuccessOrAQuietPeriodStartsAgain() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        for (int i = 0; i < 5; i++) {
            delay.recordFailure(a);
        }
        delay.recordSuccess(a);
        assertEquals(0, delay.failures(a));
        for (int i = 0; i < 5; i++) {
            delay.recordFailure(a);
        }
        now.addAndGet(60_001);
        assertEquals(0, delay.failures(a));
        assertEquals(0, delay.recordFailure(a), "forgotten after the quiet period");
    }
}
