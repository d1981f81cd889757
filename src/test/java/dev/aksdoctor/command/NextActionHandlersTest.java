package dev.aksdoctor.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.action.NextActionHandler;
import dev.aksdoctor.action.WriteAction;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.testing.FakeSlackResource;
import io.quarkus.arc.All;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One vocabulary: every button a reply can offer is answered by exactly one bean, and every such bean by a button. */
@QuarkusTest
@TestProfile(SlackFlowProfile.class)
@WithTestResource(FakeSlackResource.class)
class NextActionHandlersTest {

    @Inject
    @All
    List<NextActionHandler> handlers;

    @Test
    void everyNextAction_hasExactlyOneHandler() {
        Map<NextAction, List<String>> byAction = new EnumMap<>(NextAction.class);
        for (NextActionHandler h : handlers) {
            assertNotNull(h.action(), () -> name(h) + " answers no NextAction");
            byAction.computeIfAbsent(h.action(), a -> new ArrayList<>()).add(name(h));
        }
        for (NextAction action : NextAction.values()) {
            assertEquals(1, byAction.getOrDefault(action, List.of()).size(),
                    () -> action + " is answered by " + byAction.getOrDefault(action, List.of()));
        }
        assertEquals(NextAction.values().length, handlers.size(), "every handler answers a NextAction of its own");
    }

    @Test
    void writingActions_areWriteActions_andReadOnlyButtonsAreNot() {
        for (NextActionHandler h : handlers) {
            assertEquals(h.action().writes(), ClientProxy.unwrap(h) instanceof WriteAction,
                    () -> name(h) + " answers " + h.action() + " (writes: " + h.action().writes() + ")");
        }
    }

    @Test
    void actionIds_areUniqueAndSnakeCase() {
        Set<String> ids = Arrays.stream(NextAction.values()).map(NextAction::id).collect(Collectors.toSet());
        assertEquals(NextAction.values().length, ids.size());
        assertTrue(ids.stream().allMatch(id -> id.matches("[a-z]+(_[a-z]+)*")), ids::toString);
    }

    private static String name(NextActionHandler h) {
        return ClientProxy.unwrap(h).getClass().getSimpleName();
    }
}
