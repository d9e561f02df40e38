package dev.scion.wire.connection;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ThreadPerTaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New connections go to the least occupied event loop, and a loop with one connection is known to be its alone. */
class EventLoopOccupancyTest {
    @Test
    void connectionsSpreadOverTheLoopsBeforeAnyIsShared() {
        EventLoopOccupancy occupancy = new EventLoopOccupancy();
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(4,
                new ThreadPerTaskExecutor(new DefaultThreadFactory("occupancy-test", true)), occupancy,
                NioIoHandler.newFactory());
        try {
            Set<EventLoop> placed = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                EventLoop loop = (EventLoop) group.next();
                placed.add(loop);
                assertTrue(occupancy.alone(loop));
            }
            assertEquals(4, placed.size(), "each of the first four connections has a loop of its own");
            assertArrayEquals(new int[] {1, 1, 1, 1}, occupancy.counts());

            EventLoop shared = (EventLoop) group.next();
            assertFalse(occupancy.alone(shared), "the fifth connection shares a loop");
            assertEquals(5, java.util.Arrays.stream(occupancy.counts()).sum());
            occupancy.release(shared);
            assertTrue(occupancy.alone(shared), "alone again when the other connection closes");

            EventLoop freed = placed.iterator().next();
            occupancy.release(freed);
            assertEquals(freed, group.next(), "the next connection takes the emptied loop");
        } finally {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }
}
