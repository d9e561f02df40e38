package dev.scion.it.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a static {@link ScionServerProcess} field that the test class shares: the server is started on a fresh data
 * directory before the class's own {@code @BeforeAll} methods run and stopped after its {@code @AfterAll} methods,
 * as JUnit's {@code @TempDir} does for a directory. With {@code -Dscion.it.server} the field names that external
 * server instead, unless {@link #managedOnly()} says why the class needs a server of its own.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ManagedServerExtension.class)
public @interface ManagedServer {
    /** The server's name in its data directory, log file and failure messages. */
    String value();

    /** Extra {@code scion sql-server} options. */
    String[] args() default {};

    /** Extra JVM options for the server process, such as {@code -D} switches of the storage layer. */
    String[] jvmArgs() default {};

    /** Why the class cannot run against an external server; empty when it can. */
    String managedOnly() default "";
}
