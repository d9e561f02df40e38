package dev.scion.it.harness;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Starts and stops the servers of a test class's {@link ManagedServer} fields. */
public final class ManagedServerExtension implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        for (Field field : managedFields(context)) {
            ManagedServer spec = field.getAnnotation(ManagedServer.class);
            if (!spec.managedOnly().isEmpty()) {
                Assumptions.assumeFalse(ItConfig.isExternal(), spec.managedOnly());
            }
            if (field.get(null) == null) {
                field.set(null, ScionServerProcess.start(spec.value(), List.of(spec.args()), List.of(spec.jvmArgs())));
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IllegalAccessException {
        for (Field field : managedFields(context)) {
            if (field.get(null) instanceof ScionServerProcess server) {
                server.close();
                field.set(null, null);
            }
        }
    }

    private static List<Field> managedFields(ExtensionContext context) {
        List<Field> fields = AnnotationSupport.findAnnotatedFields(context.getRequiredTestClass(), ManagedServer.class);
        for (Field field : fields) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != ScionServerProcess.class) {
                throw new IllegalStateException("@ManagedServer needs a static ScionServerProcess field: " + field);
            }
            field.setAccessible(true);
        }
        return fields;
    }
}
