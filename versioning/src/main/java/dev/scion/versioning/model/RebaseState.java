package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An interactive rebase in progress, kept beside the working branch it runs on ({@code dolt_rebase_<branch>}):
 * the branch being rebased and its head when the rebase started (the rebase gives up if that head moves), the
 * commit the plan is replayed onto, the plan, what to do with commits that are or become empty, and the last
 * step attempted (null before the first), so {@code --continue} knows where to go on.
 */
public record RebaseState(String branch, Hash originalHead, Hash onto, List<RebaseStep> plan,
                          boolean keepEmpty, boolean keepBecomingEmpty, BigDecimal lastAttempted) {

    private static final int FORMAT = 1;

    public RebaseState {
        List<RebaseStep> sorted = new ArrayList<>(plan);
        sorted.sort(Comparator.comparing(RebaseStep::order));
        plan = List.copyOf(sorted);
    }

    public RebaseState withPlan(List<RebaseStep> next) {
        return new RebaseState(branch, originalHead, onto, next, keepEmpty, keepBecomingEmpty, lastAttempted);
    }

    public RebaseState withLastAttempted(BigDecimal order) {
        return new RebaseState(branch, originalHead, onto, plan, keepEmpty, keepBecomingEmpty, order);
    }

    /** The plan's step at {@code order}, if it is still there. */
    public RebaseStep step(BigDecimal order) {
        return order == null ? null
                : plan.stream().filter(s -> s.order().compareTo(order) == 0).findFirst().orElse(null);
    }

    /** The steps after the last attempted one, in order. */
    public List<RebaseStep> remaining() {
        return lastAttempted == null ? plan
                : plan.stream().filter(s -> s.order().compareTo(lastAttempted) > 0).toList();
    }

    public byte[] encode() {
        BinaryWriter w = new BinaryWriter().varInt(FORMAT).string(branch).hash(originalHead).hash(onto)
                .bool(keepEmpty).bool(keepBecomingEmpty)
                .nullableString(lastAttempted == null ? null : lastAttempted.toPlainString()).varInt(plan.size());
        for (RebaseStep s : plan) {
            w.string(s.order().toPlainString()).string(s.action()).hash(s.commit()).string(s.message());
        }
        return w.toByteArray();
    }

    public static RebaseState decode(byte[] bytes) {
        BinaryReader r = new BinaryReader(bytes);
        int format = r.varInt();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown rebase state format " + format);
        }
        String branch = r.string();
        Hash head = r.hash();
        Hash onto = r.hash();
        boolean keepEmpty = r.bool();
        boolean keepBecoming = r.bool();
        String last = r.nullableString();
        int n = r.varInt();
        List<RebaseStep> plan = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            plan.add(new RebaseStep(new BigDecimal(r.string()), r.string(), r.hash(), r.string()));
        }
        return new RebaseState(branch, head, onto, plan, keepEmpty, keepBecoming,
                last == null ? null : new BigDecimal(last));
    }
}
