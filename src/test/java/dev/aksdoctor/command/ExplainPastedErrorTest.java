package dev.aksdoctor.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.testing.SlackRequests;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainPastedErrorTest {

    /** A store whose database does not answer. */
    static final class DownStore extends InvestigationStore {
        DownStore() {
            super(Clock.systemUTC(), null, "h2");
        }

        @Override
        public long open(String requester, String channel, String threadTs, InvestigationSource source, String text) {
            throw new PersistenceException("Could not store the investigation: connection refused");
        }
    }

    @Test
    void databaseDown_acksWithWhatHappenedAndWhatToDo_notA500() {
        String paste = "exit status=51 password=hunter2secret";
        SlashCommandRequest request = new SlashCommandRequest(
                SlackRequests.slashCommandForm(paste, "https://hooks.slack.com/commands/T1/1/x"),
                new RequestHeaders(Map.of()));

        Response ack = new ExplainPastedError(new DownStore(), null).handle(paste, request, new SlashCommandContext());

        assertEquals(200, ack.getStatusCode());
        assertTrue(ack.getBody().contains("\"response_type\":\"ephemeral\""), ack.getBody());
        assertTrue(ack.getBody().contains("no investigation started") && ack.getBody().contains("paste it again"),
                ack.getBody());
        assertFalse(ack.getBody().contains("hunter2secret") || ack.getBody().contains("Exception"), ack.getBody());
    }
}
