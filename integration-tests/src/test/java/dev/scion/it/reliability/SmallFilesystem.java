package dev.scion.it.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.opentest4j.TestAbortedException;

/**
 * A tmpfs of a fixed size mounted for one test (needs root: {@code mount -t tmpfs -o size=N}), and a filler
 * file that takes all of its free space but a given headroom, so that the next writes of whoever else uses it
 * run out of space. Unmounted on close.
 */
final class SmallFilesystem implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private SmallFilesystem(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** Mounts a tmpfs of {@code megabytes} at {@code mountPoint}; aborts the test (skipped) without root. */
    static SmallFilesystem mount(Path mountPoint, int megabytes) throws IOException {
        if (!"0".equals(run(List.of("id", "-u")).trim())) {
            throw new TestAbortedException("the disk-full suite mounts a tmpfs and needs root (id -u is not 0)");
        }
        Files.createDirectories(mountPoint);
        String out = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs",
                mountPoint.toString()));
        if (!isMounted(mountPoint)) {
            throw new TestAbortedException("could not mount a tmpfs at " + mountPoint + ": " + out);
        }
        return new SmallFilesystem(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    long freeBytes() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /** Writes the filler until the filesystem is full, then gives back {@code headroomBytes}. */
    void fillLeaving(long headroomBytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        new Random(7).nextBytes(block);
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            // ENOSPC: the filesystem is full now
        }
        try (var ch = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(Math.max(0, Files.size(filler) - headroomBytes));
        }
    }

    /** Deletes the filler: the space is free again. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException {
        run(List.of("umount", "-l", mountPoint.toString()));
    }

    private static boolean isMounted(Path p) throws IOException {
        return Files.readAllLines(Path.of("/proc/mounts")).stream()
                .anyMatch(l -> l.split(" ")[1].equals(p.toAbsolutePath().toString()));
    }

    private static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
