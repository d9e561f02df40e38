package dev.scion.wire.auth;

import javax.crypto.Cipher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;

/**
 * caching_sha2_password full authentication without TLS: the client asks for the server's RSA public key
 * (request byte 0x02), then sends RSA-OAEP(SHA-1, MGF1) of {@code (password || 0x00) XOR nonce}, the nonce
 * repeated as needed. MySQL 8.0.5+ servers and their clients use OAEP padding; so does this class.
 *
 * <p>The key pair comes from a file ({@link #fromFile}, the server keeps it in its data directory so that clients
 * that pinned the public key keep working across restarts) or, without one, is generated once per run.
 */
public final class RsaPasswordExchange {

    /** The client's "send me the public key" request in the full-authentication exchange. */
    public static final byte REQUEST_PUBLIC_KEY = 0x02;
    private static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";
    private static final int KEY_BITS = 2048;

    private final KeyPair keyPair;
    private final byte[] publicKeyPem;

    public RsaPasswordExchange(KeyPair keyPair) {
        this.keyPair = keyPair;
        this.publicKeyPem = RsaKeyFiles.pem("-----BEGIN PUBLIC KEY-----", "-----END PUBLIC KEY-----",
                keyPair.getPublic().getEncoded()).getBytes(StandardCharsets.US_ASCII);
    }

    /** A fresh 2048-bit key pair. */
    public static RsaPasswordExchange generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return new RsaPasswordExchange(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    /** The key pair kept in {@code privateKeyFile} (see {@link RsaKeyFiles}), created there on first use. */
    public static RsaPasswordExchange fromFile(java.nio.file.Path privateKeyFile) {
        return new RsaPasswordExchange(RsaKeyFiles.loadOrCreate(privateKeyFile));
    }

    /** The public key as the client expects it: PEM "BEGIN PUBLIC KEY" (X.509 SubjectPublicKeyInfo). */
    public byte[] publicKeyPem() {
        return publicKeyPem.clone();
    }

    /**
     * The cleartext password from the client's encrypted answer, or null if it does not decrypt (wrong key,
     * wrong padding, garbage).
     */
    public String decryptPassword(byte[] encrypted, byte[] nonce) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, keyPair.getPrivate());
            plain = cipher.doFinal(encrypted);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
        for (int i = 0; i < plain.length; i++) {
            plain[i] ^= nonce[i % nonce.length];
        }
        return ClearPassword.fromNulTerminated(plain);
    }

    /** What a client sends for {@code password}: used by tests that speak the protocol themselves. */
    public static byte[] encryptForServer(byte[] publicKeyPem, String password, byte[] nonce) {
        try {
            String pem = new String(publicKeyPem, StandardCharsets.US_ASCII)
                    .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            var spec = new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(pem));
            var key = java.security.KeyFactory.getInstance("RSA").generatePublic(spec);
            byte[] pw = password.getBytes(StandardCharsets.UTF_8);
            byte[] plain = Arrays.copyOf(pw, pw.length + 1);
            for (int i = 0; i < plain.length; i++) {
                plain[i] ^= nonce[i % nonce.length];
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
