package dev.aksdoctor.deploy;

import dev.aksdoctor.slack.SlackSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The configuration the service reads, as environment variable names: every {@code @ConfigMapping} in the main
 * classes and every key of application.properties, converted the way SmallRye Config maps environment names
 * (upper case, anything not alphanumeric becomes {@code _}).
 */
final class ConfigNames {

    private ConfigNames() {
    }

    static Set<String> environmentNames() {
        Set<String> properties = new TreeSet<>();
        properties.addAll(applicationProperties());
        for (Class<?> mapping : configMappings()) {
            collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, properties);
        }
        Set<String> env = new TreeSet<>();
        for (String p : properties) {
            env.add(toEnv(p));
        }
        return env;
    }

    static String toEnv(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Set<String> applicationProperties() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(mainClasses().resolve("application.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Set<Class<?>> configMappings() {
        Path root = mainClasses();
        Set<Class<?>> found = new java.util.LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, ConfigNames.class.getClassLoader());
                if (c.isAnnotationPresent(ConfigMapping.class)) {
                    found.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no @ConfigMapping found under " + root);
        }
        return found;
    }

    private static void collect(String prefix, Class<?> mapping, Set<String> out) {
        for (Method m : mapping.getMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0) {
                continue;
            }
            String key = m.isAnnotationPresent(WithParentName.class) ? prefix
                    : prefix + "." + (m.isAnnotationPresent(WithName.class) ? m.getAnnotation(WithName.class).value()
                            : kebab(m.getName()));
            Class<?> type = m.getReturnType();
            if (type.isInterface() && type.getName().startsWith("dev.aksdoctor.")) {
                collect(key, type, out);
            } else {
                // Map-valued mappings (operators.<name>.scope) have names chosen by the operator; their
                // prefix is enough to recognise them.
                out.add(key);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Path mainClasses() {
        try {
            return Path.of(SlackSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
