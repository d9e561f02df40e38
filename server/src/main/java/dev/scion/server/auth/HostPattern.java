package dev.scion.server.auth;

import java.net.InetAddress;
import java.util.Locale;

/**
 * The host part of an account ({@code 'user'@'host'}): {@code %} (anywhere), {@code localhost} (loopback
 * addresses only) or one literal address. MySQL's wildcards inside host names and netmasks come with issue 8.
 */
public record HostPattern(String text) {

    public static final HostPattern ANY = new HostPattern("%");
    public static final HostPattern LOCALHOST = new HostPattern("localhost");

    public HostPattern {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        text = text.toLowerCase(Locale.ROOT);
    }

    public boolean matches(InetAddress address) {
        if (text.equals("%")) {
            return true;
        }
        if (address == null) {
            return false;
        }
        if (text.equals("localhost")) {
            return address.isLoopbackAddress();
        }
        return text.equals(address.getHostAddress().toLowerCase(Locale.ROOT));
    }

    /** Exact hosts before localhost before {@code %}: the most specific matching account wins, as in MySQL. */
    int specificity() {
        return switch (text) {
            case "%" -> 0;
            case "localhost" -> 1;
            default -> 2;
        };
    }
}
