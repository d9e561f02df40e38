package dev.scion.storage.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A writer process for the crash tests: started on this test's class path, it prints {@code ACK n} once commit n is
 * acknowledged; once it has acknowledged enough it is killed with SIGKILL, wherever it is.
 */
public final class KilledWriter {
  /** Sees each line the writer prints, with the last acknowledgement read so far (-1 before the first). */
  @FunctionalInterface
  public interface LineWatcher {
    void line(String line, int lastAck) throws Exception;
  }

  private KilledWriter() {
  }

  /**
   * Runs {@code main} with {@code args} until it acknowledged commit {@code acks}, then kills it; returns the last
   * acknowledgement read. The writer's standard error goes to {@code workDir/child.err}, shown if it stops early.
   */
  public static int runUntilAcked(Path workDir, Class<?> main, List<String> args, int acks, LineWatcher watcher)
      throws Exception {
    Path stderr = workDir.resolve("child.err");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, main.getName()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectError(stderr.toFile());
    Process child = pb.start();
    int lastAck = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (lastAck < acks && (line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          lastAck = Integer.parseInt(line.substring(4));
        }
        watcher.line(line, lastAck);
      }
      assertTrue(lastAck >= acks, "child stopped early: " + Files.readString(stderr));
      child.destroyForcibly(); // SIGKILL, mid-commit
      child.waitFor();
    } finally {
      child.destroyForcibly();
    }
    return lastAck;
  }
}
