package dev.scion.wire.connection;

import dev.scion.wire.api.SessionInfo;
import dev.scion.wire.api.UserCredentials;
import dev.scion.wire.api.WireException;
import dev.scion.wire.api.WireSession;
import dev.scion.wire.auth.CachingSha2Password;
import dev.scion.wire.auth.NativePassword;
import dev.scion.wire.auth.Nonce;
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
 *       0x01 0x03 then OK. Without a SHA-256 verifier but with a native one, the client is switched to
 *       mysql_native_password. Full authentication (cleartext over TLS or RSA) is not available yet: 1045.</li>
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
                connection.id(), nonce, CapabilityFlag.serverCapabilities(), SERVER_CHARSET,
                connection.statusFlags(), AuthPlugin.CACHING_SHA2_PASSWORD));
    }

    void onHandshakeResponse(PacketPayload payload) {
        HandshakeResponse41Packet response;
        try {
            if (payload.readableBytes() == HandshakeResponse41Packet.SSL_REQUEST_LENGTH) {
                throw new MalformedPacketException("SSL is not supported");
            }
            response = HandshakeResponse41Packet.read(payload);
        } catch (MalformedPacketException e) {
            LOG.debug("connection {}: bad handshake: {}", connection.id(), e.getMessage());
            fail(ErrPacket.of(ErrorCode.ER_HANDSHAKE_ERROR));
            return;
        }
        connection.capabilities(response.capabilities() & CapabilityFlag.serverCapabilities());
        user = response.user();
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

    void onAuthSwitchResponse(PacketPayload payload) {
        authenticate(switchedPlugin, payload.readRestBytes(), false);
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
        if (credentials.emptyPassword() && packet.authResponse().length == 0) {
            succeed(false);
            return;
        }
        switchTo(credentials.sha2Verifier() != null || credentials.nativeVerifier() == null
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
                } else if (maySwitch && credentials.nativeVerifier() != null) {
                    switchTo(AuthPlugin.MYSQL_NATIVE_PASSWORD);
                } else {
                    // full authentication needs TLS (or RSA key exchange), which is not available yet
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
                } else if (maySwitch && credentials.sha2Verifier() != null) {
                    switchTo(AuthPlugin.CACHING_SHA2_PASSWORD);
                } else {
                    deny(true);
                }
            }
            default -> {
                if (!maySwitch) {
                    deny(true);
                } else if (credentials.sha2Verifier() != null) {
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
                connection.capabilities(), attributes);
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
        credentials = null;
        connection.phase(MySqlConnection.Phase.COMMAND);
        connection.writer().write(new OkPacket(connection.statusFlags()));
    }

    private void deny(boolean usingPassword) {
        fail(ErrPacket.of(ErrorCode.ER_ACCESS_DENIED_ERROR, user == null ? "" : user, connection.remoteHost(),
                usingPassword ? "YES" : "NO"));
    }

    private void fail(ErrPacket err) {
        credentials = null;
        connection.writer().write(err);
        connection.closeAfterFlush();
    }
}
