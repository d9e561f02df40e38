package dev.scion.wire.connection;

import dev.scion.wire.api.SessionInfo;
import dev.scion.wire.api.UserCredentials;
import dev.scion.wire.api.WireException;
import dev.scion.wire.api.WireSession;
import dev.scion.wire.auth.CachingSha2Password;
import dev.scion.wire.auth.NativePassword;
import dev.scion.wire.auth.Nonce;
import dev.scion.wire.auth.RsaPasswordExchange;
import dev.scion.wire.codec.MalformedPacketException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.constant.AuthPlugin;
import dev.scion.wire.constant.CapabilityFlag;
import dev.scion.wire.constant.ErrorCode;
import dev.scion.wire.packet.command.ComChangeUserPacket;
import dev.scion.wire.packet.generic.ErrPacket;
import dev.scion.wire.packet.generic.OkPacket;
import dev.scion.wire.packet.handshake.AuthMoreDataPacket;
import dev.scion.wire.packet.handshake.AuthSwitchRequestPacket;
import dev.scion.wire.packet.handshake.HandshakeResponse41Packet;
import dev.scion.wire.packet.handshake.HandshakeV10Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The connection phase: handshake, HandshakeResponse41, optional auth switch, then the session.
 *
 * <ul>
 *   <li>caching_sha2_password (the advertised default): fast auth against SHA256(SHA256(pw)), answered with
 *       0x01 0x03 then OK. Without a SHA-256 verifier (not cached yet) but with a cleartext check, full
 *       authentication: 0x01 0x04, then the client sends the password in clear over TLS, or RSA-encrypted
 *       (after asking for the public key with 0x02) on a plain connection. Without either but with a native
 *       verifier, the client is switched to mysql_native_password.</li>
 *   <li>mysql_native_password: the scramble is checked directly against the handshake nonce; without a native
 *       verifier the client is switched to caching_sha2_password.</li>
 *   <li>any other plugin: switched to whichever of the two the account has a verifier for.</li>
 * </ul>
 * An empty auth response is accepted only for accounts with an empty password. A failure is error 1045 and
 * the connection is closed.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    /** utf8mb4_0900_ai_ci, the server default collation announced in the handshake. */
    private static final int SERVER_CHARSET = 255;

    private final MySqlConnection connection;
    private byte[] nonce;
    private String switchedPlugin;
    private UserCredentials credentials;
    private String user;
    private String database;
    private Map<String, String> attributes = Map.of();

    Authenticator(MySqlConnection connection) {
        this.connection = connection;
    }

    void sendHandshake() {
        nonce = Nonce.generate();
        connection.writer().write(new HandshakeV10Packet(connection.server().config().serverVersion(),
                connection.id(), nonce, advertisedCapabilities(), SERVER_CHARSET,
                connection.statusFlags(), AuthPlugin.CACHING_SHA2_PASSWORD));
    }

    private int advertisedCapabilities() {
        int caps = CapabilityFlag.serverCapabilities();
        if (connection.server().config().tlsAvailable()) {
            caps |= CapabilityFlag.CLIENT_SSL.bit();
        }
        return caps;
    }

    void onHandshakeResponse(PacketPayload payload) {
        HandshakeResponse41Packet response;
        try {
            if (payload.readableBytes() == HandshakeResponse41Packet.SSL_REQUEST_LENGTH) {
                onSslRequest(payload);
                return;
            }
            response = HandshakeResponse41Packet.read(payload);
        } catch (MalformedPacketException e) {
            LOG.debug("connection {}: bad handshake: {}", connection.id(), e.getMessage());
            fail(ErrPacket.of(ErrorCode.ER_HANDSHAKE_ERROR));
            return;
        }
        connection.capabilities(response.capabilities() & advertisedCapabilities());
        user = response.user();
        if (connection.server().config().requireSecureTransport() && !connection.isSecure()) {
            fail(ErrPacket.of(ErrorCode.ER_SECURE_TRANSPORT_REQUIRED));
            return;
        }
        database = response.database();
        attributes = response.connectAttributes();
        if (!lookUpCredentials()) {
            return;
        }
        String plugin = response.authPluginName();
        if (plugin == null || plugin.isEmpty()) {
            plugin = CapabilityFlag.CLIENT_PLUGIN_AUTH.in(response.capabilities())
                    ? AuthPlugin.CACHING_SHA2_PASSWORD : AuthPlugin.MYSQL_NATIVE_PASSWORD;
        }
        authenticate(plugin, response.authResponse(), true);
    }

    /**
     * SSLRequest: the decoder has already put TLS in front of the connection (it must happen on the event
     * loop before the client's TLS handshake is read); here the connection only notes it. The real
     * HandshakeResponse41 follows over TLS.
     */
    private void onSslRequest(PacketPayload payload) {
        int caps = (int) payload.readInt4();
        if (!CapabilityFlag.CLIENT_SSL.in(caps) || connection.isSecure()
                || connection.channel().pipeline().get(dev.scion.wire.codec.PacketDecoder.TLS_HANDLER_NAME) == null) {
            throw new MalformedPacketException("unexpected SSLRequest");
        }
        connection.secure(true);
    }

    void onAuthSwitchResponse(PacketPayload payload) {
        authenticate(switchedPlugin, payload.readRestBytes(), false);
    }

    /**
     * The client's data during caching_sha2 full authentication: the password in clear (TLS only), a request
     * for the RSA public key, or the RSA-encrypted password.
     */
    void onFullAuthData(PacketPayload payload) {
        byte[] data = payload.readRestBytes();
        String password;
        if (connection.isSecure()) {
            password = dev.scion.wire.auth.ClearPassword.fromNulTerminated(data);
        } else if (data.length == 1 && data[0] == RsaPasswordExchange.REQUEST_PUBLIC_KEY) {
            connection.writer().write(new AuthMoreDataPacket(connection.server().rsa().publicKeyPem()));
            return;
        } else {
            // a cleartext password on a plain connection is refused like a wrong one (MySQL does the same)
            password = connection.server().rsa().decryptPassword(data, nonce);
        }
        if (password != null && checkCleartext(password)) {
            succeed(false);
        } else {
            deny(true);
        }
    }

    private boolean checkCleartext(String password) {
        try {
            return credentials.plaintextCheck().test(password);
        } catch (RuntimeException e) {
            LOG.warn("connection {}: password check for '{}' failed", connection.id(), user, e);
            return false;
        }
    }

    /**
     * COM_CHANGE_USER: the old session is gone; authenticate the new user with a fresh challenge through an
     * auth switch (the client answers it like the one at connect time).
     */
    public void changeUser(ComChangeUserPacket packet) {
        user = packet.user();
        database = packet.database();
        attributes = packet.connectAttributes();
        if (!lookUpCredentials()) {
            return;
        }
        if (credentials == null) {
            deny(packet.authResponse().length > 0);
            return;
        }
        if (credentials.emptyPassword() && packet.authResponse().length == 0) {
            succeed(false);
            return;
        }
        switchTo(credentials.sha2Verifier() != null || credentials.plaintextCheck() != null
                || credentials.nativeVerifier() == null
                ? AuthPlugin.CACHING_SHA2_PASSWORD : AuthPlugin.MYSQL_NATIVE_PASSWORD);
    }

    private boolean lookUpCredentials() {
        try {
            credentials = connection.server().handler().credentials(user, connection.remoteAddress());
        } catch (RuntimeException e) {
            LOG.warn("connection {}: credentials lookup for '{}' failed", connection.id(), user, e);
            fail(ErrPacket.of(ErrorCode.ER_UNKNOWN_ERROR, String.valueOf(e.getMessage())));
            return false;
        }
        return true;
    }

    private void authenticate(String plugin, byte[] authResponse, boolean maySwitch) {
        if (authResponse.length == 1 && authResponse[0] == 0) {
            // Connector/J and the MySQL server's plugins treat a lone NUL as an empty password
            authResponse = new byte[0];
        }
        boolean usingPassword = authResponse.length > 0;
        if (credentials == null) {
            deny(usingPassword);
            return;
        }
        boolean knownPlugin = plugin.equals(AuthPlugin.CACHING_SHA2_PASSWORD)
                || plugin.equals(AuthPlugin.MYSQL_NATIVE_PASSWORD);
        if (!knownPlugin && maySwitch) {
            // As MySQL does, a client answering with a plugin we do not speak is switched to ours even when the
            // password is empty: libmariadb falls back to "dummy_fallback_auth" when loading caching_sha2 races
            // between threads, and that stand-in answers an OK with a stray empty packet (seen as a command).
            switchTo(AuthPlugin.CACHING_SHA2_PASSWORD);
            return;
        }
        if (!usingPassword) {
            if (credentials.emptyPassword()) {
                succeed(false);
            } else {
                deny(false);
            }
            return;
        }
        switch (plugin) {
            case AuthPlugin.CACHING_SHA2_PASSWORD -> {
                if (credentials.sha2Verifier() != null) {
                    if (CachingSha2Password.verify(authResponse, nonce, credentials.sha2Verifier())) {
                        succeed(true);
                    } else {
                        deny(true);
                    }
                } else if (credentials.plaintextCheck() != null) {
                    // nothing cached for fast auth: ask for the password itself (TLS) or RSA-encrypted
                    connection.phase(MySqlConnection.Phase.FULL_AUTH);
                    connection.writer().write(new AuthMoreDataPacket(
                            new byte[] {AuthMoreDataPacket.PERFORM_FULL_AUTHENTICATION}));
                } else if (maySwitch && credentials.nativeVerifier() != null) {
                    switchTo(AuthPlugin.MYSQL_NATIVE_PASSWORD);
                } else {
                    deny(true);
                }
            }
            case AuthPlugin.MYSQL_NATIVE_PASSWORD -> {
                if (credentials.nativeVerifier() != null) {
                    if (NativePassword.verify(authResponse, nonce, credentials.nativeVerifier())) {
                        succeed(false);
                    } else {
                        deny(true);
                    }
                } else if (maySwitch && (credentials.sha2Verifier() != null || credentials.plaintextCheck() != null)) {
                    switchTo(AuthPlugin.CACHING_SHA2_PASSWORD);
                } else {
                    deny(true);
                }
            }
            default -> {
                if (!maySwitch) {
                    deny(true);
                } else if (credentials.sha2Verifier() != null || credentials.plaintextCheck() != null) {
                    switchTo(AuthPlugin.CACHING_SHA2_PASSWORD);
                } else if (credentials.nativeVerifier() != null) {
                    switchTo(AuthPlugin.MYSQL_NATIVE_PASSWORD);
                } else {
                    deny(true);
                }
            }
        }
    }

    private void switchTo(String plugin) {
        nonce = Nonce.generate();
        switchedPlugin = plugin;
        connection.phase(MySqlConnection.Phase.AUTH_SWITCH);
        connection.writer().write(new AuthSwitchRequestPacket(plugin, nonce));
    }

    private void succeed(boolean fastAuth) {
        if (fastAuth) {
            connection.writer().write(AuthMoreDataPacket.fastAuthSuccess());
        }
        SessionInfo info = new SessionInfo(connection.id(), user, connection.remoteAddress(), database,
                connection.capabilities(), attributes, connection.isSecure());
        WireSession session;
        try {
            session = connection.server().handler().openSession(info);
            if (session == null) {
                throw new IllegalStateException("the handler opened no session");
            }
        } catch (WireException e) {
            fail(ErrPacket.of(e));
            return;
        } catch (RuntimeException e) {
            LOG.warn("connection {}: opening a session failed", connection.id(), e);
            fail(ErrPacket.of(ErrorCode.ER_UNKNOWN_ERROR, String.valueOf(e.getMessage())));
            return;
        }
        connection.session(session);
        connection.server().failedLogins().recordSuccess(remoteInet());
        credentials = null;
        connection.phase(MySqlConnection.Phase.COMMAND);
        connection.writer().write(new OkPacket(connection.statusFlags()));
        if (CapabilityFlag.CLIENT_COMPRESS.in(connection.capabilities())) {
            connection.enableCompression();
        }
    }

    /**
     * Error 1045. Past a few failures from the same host the answer is delayed (growing, capped), which slows a
     * password-guessing client without blocking a thread: the reply is scheduled on the connection's event loop.
     */
    private void deny(boolean usingPassword) {
        ErrPacket err = ErrPacket.of(ErrorCode.ER_ACCESS_DENIED_ERROR, user == null ? "" : user,
                connection.remoteHost(), usingPassword ? "YES" : "NO");
        java.net.InetAddress host = remoteInet();
        long delay = connection.server().failedLogins().recordFailure(host);
        if (delay <= 0) {
            fail(err);
            return;
        }
        LOG.info("connection {}: {} consecutive failed logins from {}; answering after {} ms", connection.id(),
                connection.server().failedLogins().failures(host), host.getHostAddress(), delay);
        credentials = null;
        connection.phase(MySqlConnection.Phase.CLOSED);
        connection.channel().eventLoop().schedule(() -> {
            try {
                connection.writer().write(err);
                connection.closeAfterFlush();
            } catch (ConnectionClosedException e) {
                connection.channel().close(); // the client gave up waiting
            }
        }, delay, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private java.net.InetAddress remoteInet() {
        java.net.InetSocketAddress remote = connection.remoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    private void fail(ErrPacket err) {
        credentials = null;
        connection.writer().write(err);
        connection.closeAfterFlush();
    }
}
