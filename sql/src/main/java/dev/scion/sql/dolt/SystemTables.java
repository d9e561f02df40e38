package dev.scion.sql.dolt;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The system tables every database offers. */
public final class SystemTables {
    private static final List<SystemTable> ALL = List.of(new DoltLogTable(), new DoltBranchesTable(),
            new DoltRemotesTable(), new DoltRemoteBranchesTable());

    private SystemTables() {
    }

    public static Optional<SystemTable> find(String name) {
        return ALL.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    public static Set<String> names() {
        Set<String> s = new TreeSet<>();
        ALL.forEach(t -> s.add(t.name()));
        return s;
    }
}
