package dev.scion.wire.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** Builds the server's TLS context from a PEM certificate and key or from a PKCS#12 key store. */
public final class TlsContexts {

    /** What MySQL 8.0 accepts by default; older protocol versions are not offered. */
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    /**
     * From PEM files: a certificate chain and an unencrypted PKCS#8 private key ("BEGIN PRIVATE KEY", as
     * {@code openssl req -newkey ... -nodes} writes it).
     *
     * @throws IllegalArgumentException if the files cannot be read or do not form a key pair
     */
    public static SslContext fromPem(Path certificateChain, Path privateKey) {
        try {
            return SslContextBuilder.forServer(certificateChain.toFile(), privateKey.toFile())
                    .sslProvider(SslProvider.JDK).protocols(PROTOCOLS).clientAuth(ClientAuth.NONE).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use TLS certificate " + certificateChain + " with key "
                    + privateKey + ": " + e.getMessage(), e);
        }
    }

    /** From a PKCS#12 key store holding one private key entry. */
    public static SslContext fromPkcs12(Path keyStore, char[] password) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            return SslContextBuilder.forServer(kmf).sslProvider(SslProvider.JDK).protocols(PROTOCOLS)
                    .clientAuth(ClientAuth.NONE).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use TLS key store " + keyStore + ": " + e.getMessage(), e);
        }
    }
}
