package dev.scion.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line that runs the scion jar ({@code java ... -jar scion.jar}) for the tests, with a class-data
 * sharing archive of the jar's classes.
 *
 * <p>Why: the suite starts the jar some thousand times (every CLI scenario step is its own process, and every
 * server start, fsck and dump too). Most of a short command's CPU time is loading and verifying the same
 * Calcite, RocksDB and picocli classes again; with a dynamic CDS archive the JVM maps them ready-made, which
 * about halves the CPU time of a short command (measured on the 2-core machine: 2.4-2.6 s without, 1.0-1.3 s
 * with, for {@code scion sql -q}). The archive is made once per test JVM by one training run
 * ({@code -XX:ArchiveClassesAtExit}) and named after the jar's size and modification time, so a rebuilt jar gets a
 * fresh one. The JVM checks the archive against the class path itself and silently runs without it on any
 * mismatch ({@code -Xshare:auto}), so the archive only changes speed, never what runs; tests see the same
 * program. Set {@code -Dscion.it.cds=false} to run without it.
 */
public final class JarCommand {
    private static Path archive;
    private static boolean tried;

    private JarCommand() {
    }

    /** {@code java [jvmArgs] <CDS options> -jar scion.jar}; the scion arguments follow. */
    public static List<String> of(List<String> jvmArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ItConfig.javaExecutable());
        cmd.addAll(jvmArgs);
        Path jsa = archive();
        cmd.add("-Xshare:auto");
        if (jsa != null) {
            cmd.add("-XX:SharedArchiveFile=" + jsa);
        }
        cmd.add("-jar");
        cmd.add(ItConfig.serverJar().toString());
        return cmd;
    }

    /** For short-lived commands (CLI steps, fsck): C1 only, which starts fastest. */
    public static List<String> shortCommand() {
        return of(List.of("-XX:TieredStopAtLevel=1"));
    }

    /** The archive for the current jar, made on first use; null when disabled or when making it failed. */
    static synchronized Path archive() {
        if (tried) {
            return archive;
        }
        tried = true;
        if (!Boolean.parseBoolean(System.getProperty("scion.it.cds", "true"))) {
            return null;
        }
        Path jar = ItConfig.serverJar();
        try {
            if (!Files.isRegularFile(jar)) {
                return null;
            }
            Path dir = Files.createDirectories(ItConfig.targetDir().resolve("cds"));
            Path target = dir.resolve("scion-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis()
                    + ".jsa");
            if (!Files.isRegularFile(target)) {
                train(dir, target);
            }
            archive = Files.isRegularFile(target) ? target : null;
        } catch (IOException e) {
            System.err.println("harness: no CDS archive (" + e + "); running the jar without one");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return archive;
    }

    /**
     * One training run that loads what most commands load: a repository is made and a SQL statement creates,
     * fills and reads a table. The archive is written when the last JVM exits, to a temporary name first.
     */
    private static void train(Path dir, Path target) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(dir, "train");
        Path home = Files.createDirectories(work.resolve("home"));
        Path db = Files.createDirectories(work.resolve("db"));
        Path partial = dir.resolve(target.getFileName() + ".partial");
        List<List<String>> steps = List.of(
                List.of("config", "--global", "user.name", "Harness"),
                List.of("config", "--global", "user.email", "harness@example.com"),
                List.of("init"),
                List.of("sql", "-q", "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20)); "
                        + "INSERT INTO t VALUES (1, 'a'), (2, NULL); SELECT v, count(*) FROM t GROUP BY v"));
        for (int i = 0; i < steps.size(); i++) {
            List<String> cmd = new ArrayList<>(List.of(ItConfig.javaExecutable(), "-XX:TieredStopAtLevel=1"));
            if (i == steps.size() - 1) {
                cmd.add("-XX:ArchiveClassesAtExit=" + partial);
            }
            cmd.add("-jar");
            cmd.add(ItConfig.serverJar().toString());
            cmd.addAll(steps.get(i));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(db.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("train.log").toFile()));
            pb.environment().put("SCION_HOME", home.toString());
            Process p = pb.start();
            if (!p.waitFor(ItConfig.startTimeout().toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                System.err.println("harness: CDS training step timed out: " + cmd);
                return;
            }
        }
        if (Files.isRegularFile(partial)) {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            System.err.println("harness: the CDS training run wrote no archive (see " + work.resolve("train.log")
                    + "); running the jar without one");
        }
    }
}
