package dev.scion.sql.plan;

import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A lazy, case-insensitive Calcite lookup: entities are resolved on demand rather than listed up front. */
final class NameLookup<T> implements Lookup<T> {
    private final Function<String, Named<T>> resolver;
    private final Supplier<Set<String>> names;

    NameLookup(Function<String, Named<T>> resolver, Supplier<Set<String>> names) {
        this.resolver = resolver;
        this.names = names;
    }

    @Override
    public T get(String name) {
        Named<T> n = resolver.apply(name);
        return n == null ? null : n.entity();
    }

    @Override
    public Named<T> getIgnoreCase(String name) {
        return resolver.apply(name);
    }

    @Override
    public Set<String> getNames(LikePattern pattern) {
        var m = pattern.matcher();
        return names.get().stream().filter(m::apply).collect(Collectors.toSet());
    }
}
