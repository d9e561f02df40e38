package dev.scion.server.auth;

import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The host part of an account ({@code 'user'@'host'}): {@code %} (anywhere), {@code localhost} (loopback
 * addresses only), one literal address, or an address pattern with MySQL's wildcards {@code %} and {@code _}
 * (e.g. {@code 192.168.1.%}). Host names other than localhost are not resolved.
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
        String ip = address.getHostAddress().toLowerCase(Locale.ROOT);
        if (text.indexOf('%') < 0 && text.indexOf('_') < 0) {
            return text.equals(ip);
        }
        return wildcard().matcher(ip).matches();
    }

    private Pattern wildcard() {
        StringBuilder re = new StringBuilder();
        for (char c : text.toCharArray()) {
            re.append(switch (c) {
                case '%' -> ".*";
                case '_' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(re.toString());
    }

    /**
     * Exact hosts before localhost before patterns (longer literal prefix first) before {@code %}: the most
     * specific matching account wins, as in MySQL.
     */
    int specificity() {
        if (text.equals("%")) {
            return 0;
        }
        int wild = firstWildcard();
        if (wild >= 0) {
            return 1 + wild;
        }
        return text.equals("localhost") ? 1000 : 2000;
    }

    private int firstWildcard() {
        int p = text.indexOf('%');
        int u = text.indexOf('_');
        return p < 0 ? u : u < 0 ? p : Math.min(p, u);
    }
}
