package dev.scion.wire.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The caching_sha2_password RSA key pair kept on disk, like MySQL's {@code private_key.pem} /
 * {@code public_key.pem} in its data directory: a client that pinned the public key
 * ({@code --server-public-key-path}, Connector/J {@code serverRSAPublicKeyFile}) keeps working after a restart.
 *
 * <p>The private key is a PKCS#8 PEM file readable by the owner only (0600); the public key is written next to it
 * ({@code <name>.pub}, X.509 SubjectPublicKeyInfo PEM) for users to hand to clients, and is always recomputed from
 * the private key when loading, so an edited or stale public file cannot break authentication.
 */
public final class RsaKeyFiles {
    private static final int KEY_BITS = 2048;
    private static final String PRIVATE_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PRIVATE_END = "-----END PRIVATE KEY-----";

    private RsaKeyFiles() {
    }

    /** Loads the key pair from {@code privateKeyFile}, creating both files first if it does not exist. */
    public static KeyPair loadOrCreate(Path privateKeyFile) {
        try {
            if (!Files.isRegularFile(privateKeyFile)) {
                create(privateKeyFile);
            }
            return load(privateKeyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the RSA key " + privateKeyFile, e);
        }
    }

    /** The file the public key is written to, next to the private one. */
    public static Path publicKeyFile(Path privateKeyFile) {
        return privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub");
    }

    static KeyPair load(Path privateKeyFile) throws IOException {
        String pem = Files.readString(privateKeyFile, StandardCharsets.US_ASCII);
        int begin = pem.indexOf(PRIVATE_BEGIN);
        int end = pem.indexOf(PRIVATE_END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(privateKeyFile + " is not a PEM PKCS#8 private key (BEGIN PRIVATE KEY)");
        }
        String base64 = pem.substring(begin + PRIVATE_BEGIN.length(), end).replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalStateException(privateKeyFile + " holds no RSA CRT private key");
            }
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(privateKeyFile + " does not hold a readable RSA private key", e);
        }
    }

    private static void create(Path privateKeyFile) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
        Path dir = privateKeyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // written to a temporary file that is private before the key goes in, then moved into place, so the key is
        // never readable by others and a crash never leaves half a key behind
        Path tmp = privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        restrictToOwner(tmp);
        Files.writeString(tmp, pem(PRIVATE_BEGIN, PRIVATE_END, pair.getPrivate().getEncoded()),
                StandardCharsets.US_ASCII);
        Files.move(tmp, privateKeyFile, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(publicKeyFile(privateKeyFile),
                pem("-----BEGIN PUBLIC KEY-----", "-----END PUBLIC KEY-----", pair.getPublic().getEncoded()),
                StandardCharsets.US_ASCII);
    }

    static String pem(String begin, String end, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return begin + "\n" + base64 + "\n" + end + "\n";
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's default applies
        }
    }
}
