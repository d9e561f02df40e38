package dev.scion.wire.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate in a PKCS#12 key store, made with the JDK's own {@code keytool} (the JDK
 * has no public API for issuing certificates, and a whole crypto library for one certificate at first start
 * would be a poor trade). Like MySQL's auto-generated server-key.pem, the key is only protected by the file's
 * permissions: the store password is a fixed, documented one.
 */
public final class SelfSignedKeyStore {

    public static final char[] PASSWORD = "scion-tls".toCharArray();
    private static final String SUBJECT = "CN=Scion_Server_Auto_Generated_Certificate";
    private static final int VALIDITY_DAYS = 3650;

    private SelfSignedKeyStore() {
    }

    /** Creates {@code file} (a 2048-bit RSA key and certificate) unless it exists; returns it. */
    public static Path ensure(Path file) {
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            List<String> command = List.of(keytool.toString(), "-genkeypair", "-noprompt",
                    "-alias", "scion-server", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                    "-validity", Integer.toString(VALIDITY_DAYS), "-dname", SUBJECT,
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", tmp.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool could not create " + file + ": "
                        + new String(output, StandardCharsets.UTF_8).trim());
            }
            restrictToOwner(tmp);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the TLS key store " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: leave the platform's default
        }
    }
}
