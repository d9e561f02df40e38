package dev.scion.wire.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordSchemesTest {

    @Test
    void cachingSha2FastAuth() throws Exception {
        byte[] nonce = Nonce.generate();
        byte[] verifier = CachingSha2Password.verifier("pa55");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertArrayEquals(sha.digest(sha.digest("pa55".getBytes(StandardCharsets.UTF_8))), verifier);
        assertTrue(CachingSha2Password.verify(CachingSha2Password.scramble("pa55", nonce), nonce, verifier));
        assertFalse(CachingSha2Password.verify(CachingSha2Password.scramble("pa56", nonce), nonce, verifier));
        assertFalse(CachingSha2Password.verify(CachingSha2Password.scramble("pa55", Nonce.generate()), nonce, verifier));
        assertFalse(CachingSha2Password.verify(new byte[5], nonce, verifier));
    }

    @Test
    void nativePassword() {
        byte[] nonce = Nonce.generate();
        byte[] verifier = NativePassword.verifier("pa55");
        assertTrue(NativePassword.verify(NativePassword.scramble("pa55", nonce), nonce, verifier));
        assertFalse(NativePassword.verify(NativePassword.scramble("nope", nonce), nonce, verifier));
    }

    @Test
    void knownNativeVerifier() {
        // SHA1(SHA1("password")) as stored by MySQL: *2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19
        StringBuilder hex = new StringBuilder();
        for (byte b : NativePassword.verifier("password")) {
            hex.append(String.format("%02X", b));
        }
        assertTrue(hex.toString().equals("2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19"), hex.toString());
    }
}
