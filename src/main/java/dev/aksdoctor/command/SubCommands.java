package dev.aksdoctor.command;

import dev.aksdoctor.reply.Usage;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every registered {@link SubCommand}, by name, in the order help lists them (by name, {@code help} last). */
@ApplicationScoped
public class SubCommands {

    private final Map<String, SubCommand> byName = new LinkedHashMap<>();

    public SubCommands(@All List<SubCommand> subCommands) {
        subCommands.stream()
                .sorted(Comparator.comparing((SubCommand s) -> s.name().equals(ShowHelp.NAME)).thenComparing(SubCommand::name))
                .forEach(s -> {
                    if (byName.put(s.name(), s) != null) {
                        throw new IllegalStateException("two sub-commands are named " + s.name());
                    }
                });
    }

    public Optional<SubCommand> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public List<Usage> usages() {
        return byName.values().stream().map(SubCommand::usage).toList();
    }
}
