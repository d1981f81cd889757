package dev.aksdoctor.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.investigation.InvestigationJob;
import dev.aksdoctor.investigation.InvestigationQueue;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.investigation.StartInvestigation;
import dev.aksdoctor.testing.SlackRequests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Vetoed;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainPastedErrorTest {

    /** A store whose database does not answer. */
    static final class DownStore extends InvestigationStore {
        DownStore() {
            super(Clock.systemUTC(), null, "h2");
        }

        @Override
        public long open(String requester, String channel, String threadTs, InvestigationSource source, String text,
                boolean runNodeProbes) {
            throw new PersistenceException("Could not store the investigation: connection refused");
        }
    }

    /** A store that records what happens to one stored row. */
    static final class RecordingStore extends InvestigationStore {
        final List<String> finished = new ArrayList<>();

        RecordingStore() {
            super(Clock.systemUTC(), null, "h2");
        }

        @Override
        public long open(String requester, String channel, String threadTs, InvestigationSource source, String text,
                boolean runNodeProbes) {
            return 42;
        }

        @Override
        public void finish(long id, InvestigationStatus status, String outcome) {
            finished.add(id + " " + status + " " + outcome);
        }
    }

    /** A queue whose hand-off backlog is full (vetoed: its inherited shutdown observer would make it a bean). */
    @Vetoed
    static final class FullQueue extends InvestigationQueue {
        FullQueue() {
            super(null, null, new SimpleMeterRegistry(), null);
        }

        @Override
        public boolean submit(InvestigationJob job) {
            return false;
        }
    }

    @Test
    void backlogFull_closesTheStoredRowAndAsksToPasteAgain() {
        String paste = "exit status=51";
        RecordingStore store = new RecordingStore();

        Response ack = new ExplainPastedError(new StartInvestigation(store, new FullQueue()), new dev.aksdoctor.diagnosis.PasteParser()).handle(paste, request(paste), new SlashCommandContext());

        assertEquals(200, ack.getStatusCode());
        assertTrue(ack.getBody().contains("backlog") && ack.getBody().contains("paste again"), ack.getBody());
        assertEquals(List.of("42 FAILED backlog full"), store.finished,
                "closed, so the sweep does not run it after the user pasted it again");
    }

    private static SlashCommandRequest request(String paste) {
        return new SlashCommandRequest(SlackRequests.slashCommandForm(paste, "https://hooks.slack.com/commands/T1/1/x"),
                new RequestHeaders(Map.of()));
    }

    @Test
    void databaseDown_acksWithWhatHappenedAndWhatToDo_notA500() {
        String paste = "exit status=51 password=hunter2secret";
        Response ack = new ExplainPastedError(new StartInvestigation(new DownStore(), null), new dev.aksdoctor.diagnosis.PasteParser()).handle(paste, request(paste), new SlashCommandContext());

        assertEquals(200, ack.getStatusCode());
        assertTrue(ack.getBody().contains("\"response_type\":\"ephemeral\""), ack.getBody());
        assertTrue(ack.getBody().contains("no investigation started") && ack.getBody().contains("paste it again"),
                ack.getBody());
        assertFalse(ack.getBody().contains("hunter2secret") || ack.getBody().contains("Exception"), ack.getBody());
    }
}
