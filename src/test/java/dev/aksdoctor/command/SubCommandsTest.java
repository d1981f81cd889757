package dev.aksdoctor.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.reply.AppHomeRenderer;
import dev.aksdoctor.reply.HelpRenderer;
import dev.aksdoctor.reply.Usage;
import dev.aksdoctor.reply.WatchedClusterSummary;
import dev.aksdoctor.testing.FakeSlackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sub-commands describe themselves; what users read about them elsewhere (the Slack manifest's usage hint, the
 * README, help and App Home) is held to the registered names here.
 */
@QuarkusTest
@TestProfile(SlackFlowProfile.class)
@WithTestResource(FakeSlackResource.class)
class SubCommandsTest {

    private static final Pattern USAGE_HINT = Pattern.compile("usage_hint:\\s*'([^']*)'");
    /** "/aks-doctor word" in rendered text, JSON-escaped or not; "<" starts the pasted-error form. */
    private static final Pattern ADVERTISED = Pattern.compile("/aks-doctor ([a-z]+)");

    @Inject
    SubCommands subCommands;

    @ParameterizedTest
    @ValueSource(strings = {"manifest/slack-app.yaml", "manifest/slack-app-socket-mode.yaml"})
    void manifestUsageHint_namesExactlyTheRegisteredSubCommands(String file) throws IOException {
        String manifest = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        Matcher m = USAGE_HINT.matcher(manifest);
        assertTrue(m.find(), file + " has a usage_hint");
        Set<String> hinted = Arrays.stream(m.group(1).split("\\s\\|\\s")).map(String::strip)
                .filter(alternative -> !alternative.startsWith("["))
                .map(alternative -> alternative.split("\\s+")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(subCommands.names()), hinted, file + " usage_hint: " + m.group(1));
    }

    @Test
    void readme_showsEveryFormOfEverySubCommand() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (Usage usage : subCommands.usages()) {
            for (String form : usage.forms()) {
                if (!readme.contains("`/aks-doctor " + form + "`") && !readme.contains("`" + form + "`")) {
                    missing.add(form);
                }
            }
        }
        assertEquals(List.of(), missing, "README.md lacks these sub-command forms");
    }

    @Test
    void help_listsEverySubCommand_andAdvertisesNoOther() {
        String help = HelpRenderer.text(subCommands.usages());
        for (String name : subCommands.names()) {
            assertTrue(help.contains("`/aks-doctor " + name), () -> name + " missing from help:\n" + help);
        }
        assertOnlyRegistered(help);
    }

    @Test
    void appHome_advertisesOnlyRegisteredSubCommands() {
        WatchedClusterSummary watch = new WatchedClusterSummary("rg/aks", "C111", true, "Succeeded", null);
        String empty = AppHomeRenderer.home(List.of(), List.of(), null).toString();
        String full = AppHomeRenderer.home(Collections.nCopies(AppHomeRenderer.MAX_WATCHES + 1, watch), List.of(), null)
                .toString();
        assertOnlyRegistered(empty + full);
    }

    private void assertOnlyRegistered(String text) {
        Matcher m = ADVERTISED.matcher(text);
        Set<String> unknown = new TreeSet<>();
        while (m.find()) {
            if (!subCommands.names().contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        assertEquals(Set.of(), unknown, "advertised but not registered");
    }
}
