package dev.scion.sql.routine;

import dev.scion.sql.privilege.Account;
import dev.scion.sql.privilege.AccessPolicy;
import dev.scion.sql.privilege.Definers;
import dev.scion.sql.session.Session;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL SECURITY of stored routines. A DEFINER routine (MySQL's default) runs its body with the privileges of the
 * account named by its DEFINER clause: the session's access policy is that account's for the call and the caller's
 * again afterwards, so table checks inside the body, CURRENT_USER() and nested calls see the definer. An INVOKER
 * routine runs with the caller's privileges. CREATE records the creating account as DEFINER when the statement
 * names none (or names CURRENT_USER), as MySQL does, so the stored text always says whose privileges apply.
 */
final class RoutineSecurity {
    private static final Pattern CREATE = Pattern.compile("(?is)^(\\s*CREATE)\\s+(?:DEFINER\\s*=\\s*CURRENT_USER"
            + "(?:\\s*\\(\\s*\\))?\\s+)?");

    private RoutineSecurity() {
    }

    /**
     * {@code text} with {@code DEFINER = `user`@`host`} of the session's account when it names no other definer;
     * unchanged for an in-process session (no account).
     */
    static String withDefiner(Session session, ProcedureDefinition p, String text) {
        Optional<Account> account = session.access().account();
        if (account.isEmpty() || !p.definer().isEmpty()) {
            return text;
        }
        Matcher m = CREATE.matcher(text);
        if (!m.lookingAt()) {
            return text;
        }
        String definer = "DEFINER=" + quote(account.get().user()) + "@" + quote(account.get().host());
        return m.group(1) + " " + definer + " " + text.substring(m.end());
    }

    /** Runs {@code body} under the routine's SQL SECURITY: as its definer, or as the caller for INVOKER. */
    static <T> T run(Session session, ProcedureDefinition p, Supplier<T> body) {
        AccessPolicy caller = session.access();
        if (caller == AccessPolicy.UNRESTRICTED || "INVOKER".equalsIgnoreCase(p.securityType())
                || p.definer().isEmpty()) {
            // a routine created in-process without DEFINER has no recorded definer: it runs as its caller,
            // which never grants more than the caller holds
            return body.get();
        }
        return Definers.runAs(session, account(p.definer()), body);
    }

    /** {@code user@host} (the last '@' separates them) to an account; a bare user is user@%. */
    private static Account account(String definer) {
        int at = definer.lastIndexOf('@');
        return at < 0 ? new Account(definer, "%")
                : new Account(definer.substring(0, at), definer.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
