package dev.scion.cli.remote;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One CLI command line sent to a sql-server to run there: the arguments, and what of the caller's process the
 * command's output depends on (working directory, the environment variables the CLI reads, time zone, whether
 * to colour). Travels as the single argument of {@code CALL scion_cli(...)}, JSON in base64 so that no quoting
 * of the SQL string literal can go wrong.
 *
 * <p>{@code live} and {@code interactive} are described at the shorter constructor.
 */
public record HostedRequest(List<String> args, String cwd, Map<String, String> env, String zone, boolean colour,
                            String live, boolean interactive) {
    /**
     * A request without live output: the whole output comes with the answer. {@code live} (an id the caller
     * chose) makes the output readable while the command runs, through {@code scion_cli_output(live)};
     * {@code interactive} says a person watches the caller's terminal (progress bars are then drawn).
     */
    public HostedRequest(List<String> args, String cwd, Map<String, String> env, String zone, boolean colour) {
        this(args, cwd, env, zone, colour, null, false);
    }

    /** The variables a command may read: commit dates for scripts, the config home, colour settings. */
    public static final List<String> FORWARDED_ENV = List.of("SCION_COMMITTER_DATE", "SCION_AUTHOR_DATE",
            "SCION_HOME", "TERM", "NO_COLOR");

    private static final ObjectMapper JSON = new ObjectMapper();

    public String encode() {
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HostedRequest decode(String text) {
        try {
            return JSON.readValue(Base64.getDecoder().decode(text.trim()), HostedRequest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed scion_cli request: " + e.getMessage(), e);
        }
    }

}
