package dev.scion.sql.privilege;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON file holding the accounts: for each, the user, host, caching_sha2 verifier ({@code $A$005$...}, never
 * a cleartext or a fast-auth hash) and grants. Written to a temporary file, synced, then renamed over the old one,
 * so a crash leaves either the old or the new catalog.
 */
final class CatalogFile {
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;

    CatalogFile(Path path) {
        this.path = path;
    }

    Map<Account, AccountRecord> read() throws IOException {
        Map<Account, AccountRecord> out = new LinkedHashMap<>();
        if (!Files.exists(path)) {
            return out;
        }
        JsonNode root = JSON.readTree(path.toFile());
        if (root == null || root.path("format").asInt() != FORMAT) {
            throw new IOException(path + " is not a Scion account catalog (format " + FORMAT + ")");
        }
        for (JsonNode a : root.path("accounts")) {
            Account account = new Account(a.path("user").asText(), a.path("host").asText());
            String auth = a.path("authentication_string").asText("");
            StoredPassword password;
            try {
                password = auth.isEmpty() ? null : StoredPassword.parse(auth);
            } catch (IllegalArgumentException e) {
                throw new IOException(path + ": account " + account + " has a malformed password verifier", e);
            }
            Map<GrantScope, Set<Privilege>> grants = new TreeMap<>();
            for (JsonNode g : a.path("grants")) {
                GrantScope scope = new GrantScope(g.hasNonNull("database") ? g.get("database").asText() : null,
                        g.hasNonNull("table") ? g.get("table").asText() : null, routineType(g));
                EnumSet<Privilege> privileges = EnumSet.noneOf(Privilege.class);
                for (JsonNode p : g.path("privileges")) {
                    try {
                        privileges.add(Privilege.valueOf(p.asText()));
                    } catch (IllegalArgumentException e) {
                        throw new IOException(path + ": unknown privilege " + p.asText(), e);
                    }
                }
                grants.put(scope, privileges);
            }
            out.put(account, new AccountRecord(account, password, grants));
        }
        return out;
    }

    private GrantScope.RoutineType routineType(JsonNode grant) throws IOException {
        if (!grant.hasNonNull("routine_type")) {
            return null;
        }
        try {
            return GrantScope.RoutineType.valueOf(grant.get("routine_type").asText());
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": unknown routine type " + grant.get("routine_type").asText(), e);
        }
    }

    void write(Collection<AccountRecord> accounts) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("accounts");
        for (AccountRecord r : accounts) {
            ObjectNode a = list.addObject();
            a.put("user", r.account().user());
            a.put("host", r.account().host());
            a.put("plugin", "caching_sha2_password");
            a.put("authentication_string", r.password() == null ? "" : r.password().text());
            ArrayNode grants = a.putArray("grants");
            r.grants().forEach((scope, privileges) -> {
                ObjectNode g = grants.addObject();
                g.put("database", scope.database());
                g.put("table", scope.table());
                if (scope.routineType() != null) {
                    g.put("routine_type", scope.routineType().name()); // "table" then holds the routine's name
                }
                ArrayNode ps = g.putArray("privileges");
                privileges.forEach(p -> ps.add(p.name()));
            });
        }
        dev.scion.sql.session.DurableFile.replace(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
