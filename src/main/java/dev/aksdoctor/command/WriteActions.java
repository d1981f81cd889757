package dev.aksdoctor.command;

import dev.aksdoctor.action.WriteAction;
import dev.aksdoctor.check.NextAction;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Every {@link WriteAction} bean, by the {@link NextAction} it answers. */
@ApplicationScoped
public class WriteActions {

    private final Map<NextAction, WriteAction> byAction = new EnumMap<>(NextAction.class);

    public WriteActions(@All List<WriteAction> actions) {
        for (WriteAction a : actions) {
            if (!a.action().writes()) {
                throw new IllegalStateException(a.getClass().getSimpleName() + " answers " + a.action()
                        + ", which does not write");
            }
            if (byAction.put(a.action(), a) != null) {
                throw new IllegalStateException("two write actions answer " + a.action());
            }
        }
    }

    public Optional<WriteAction> of(NextAction action) {
        return Optional.ofNullable(byAction.get(action));
    }

    public WriteAction of(PendingAction pending) {
        return of(pending.action()).orElseThrow(() -> new IllegalStateException("no write action " + pending.action()));
    }

    /** The action ids of every write button, for one route. */
    Pattern actionIds() {
        return Pattern.compile("^(" + byAction.keySet().stream().map(a -> Pattern.quote(a.id()))
                .collect(Collectors.joining("|")) + ")$");
    }
}
