package dev.aksdoctor.investigation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.answer.RunInvestigation;
import dev.aksdoctor.answer.TimeOutStuckInvestigations;
import dev.aksdoctor.jobs.DurableScheduler;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.InjectFakeSlack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The durable queue's promises, run on H2 and on PostgreSQL by the subclasses. */
abstract class DurableQueueContract {

    static final String PASTE = "Code=\"VMExtensionError_K8SAPIServerConnFail\" exit status=51 "
            + "Node 10.0.2.10 could not reach API server at 98.67.228.23:443. Connection timed out.";

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    InvestigationStore store;

    @Inject
    InvestigationQueue queue;

    @Inject
    DurableScheduler scheduler;

    @Inject
    RunInvestigation runner;

    @Inject
    TimeOutStuckInvestigations timeouts;

    @BeforeEach
    void reset() {
        await().atMost(Duration.ofSeconds(60)).until(() -> store.count(InvestigationStatus.QUEUED) == 0
                && store.count(InvestigationStatus.RUNNING) == 0);
        QuarkusTransaction.requiringNew().run(() -> Investigation.deleteAll());
        slack.reset();
    }

    @Test
    void submit_answersOnce_rootThenAnswerMessageThenUpdate() {
        long id = open();
        assertTrue(queue.submit(job(id)));

        Investigation done = awaitDelivered(id);
        assertEquals(InvestigationStatus.ANSWERED, done.status);
        assertEquals(2, slack.calls("chat.postMessage").size());
        assertEquals(1, finalUpdates().size());
        FakeSlackApi.Call update = finalUpdates().get(0);
        assertEquals(done.answerTs, update.param("ts"));
        assertTrue(update.param("blocks").contains("VMExtensionError_K8SAPIServerConnFail"));
        assertEquals(1, done.attempts);
        await().atMost(Duration.ofSeconds(10)).until(() -> !queue.pending(id));
    }

    @Test
    void resumedMidInvestigation_updatesTheExistingMessage_postsNothingNew() {
        long id = open();
        store.markRunning(id, null);
        store.attachThread(id, "1700000000.000001");
        store.attachAnswer(id, "1700000000.000002");

        assertTrue(queue.resubmit(id));

        Investigation done = awaitDelivered(id);
        assertEquals(List.of(), slack.calls("chat.postMessage"), "no second root, no second answer message");
        assertEquals(1, finalUpdates().size());
        assertEquals("1700000000.000002", finalUpdates().get(0).param("ts"));
        assertEquals(2, done.attempts);
    }

    @Test
    void crashBetweenClaimAndPost_rerun_deliversTheAnswerOnce() {
        long id = open();
        store.markRunning(id, null);
        store.attachThread(id, "1700000000.000001");
        store.attachAnswer(id, "1700000000.000002");
        assertTrue(store.claimFinal(id, InvestigationStatus.ANSWERED, "recognised"));

        assertTrue(queue.resubmit(id));

        awaitDelivered(id);
        assertEquals(1, finalUpdates().size());
        assertEquals(List.of(), slack.calls("chat.postMessage"));
    }

    @Test
    void alreadyAnswered_jobFiresAgain_postsNothing() {
        long id = open();
        queue.submit(job(id));
        awaitDelivered(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> !queue.pending(id));
        slack.reset();

        assertTrue(queue.resubmit(id));

        await().atMost(Duration.ofSeconds(10)).until(() -> !queue.pending(id));
        assertEquals(List.of(), slack.callsBesidesAuth());
    }

    @Test
    void stuckRunning_timesOutWithOneNoticeInItsThread_lateAnswerIsNotPosted() {
        long id = open();
        store.markRunning(id, null);
        store.attachThread(id, "1700000000.000001");
        store.attachAnswer(id, "1700000000.000002");
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        QuarkusTransaction.requiringNew().run(() -> Investigation.update("updatedAt = ?1 where id = ?2", longAgo, id));

        timeouts.sweep();
        timeouts.sweep();

        Investigation row = awaitDelivered(id);
        assertEquals(InvestigationStatus.TIMED_OUT, row.status);
        assertEquals(1, finalUpdates().size());
        assertTrue(finalUpdates().get(0).param("text").contains("timed out"));
        assertEquals("1700000000.000002", finalUpdates().get(0).param("ts"));

        runner.run(InvestigationJob.fromRow(row, null));
        assertEquals(1, finalUpdates().size(), "the slow job finishing late posts nothing");
        assertEquals(List.of(), slack.calls("chat.postMessage"));
    }

    @Test
    void burstOf200_allAnsweredExactlyOnce() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long id = open();
            ids.add(id);
            assertTrue(queue.submit(job(id)));
        }
        await().atMost(Duration.ofSeconds(110)).until(() -> store.count(InvestigationStatus.ANSWERED) == 200
                && ids.stream().allMatch(id -> store.find(id).orElseThrow().answeredAt != null));
        assertEquals(200, finalUpdates().size());
        assertEquals(400, slack.calls("chat.postMessage").size());
        Set<String> answered = finalUpdates().stream().map(c -> c.param("ts")).collect(Collectors.toSet());
        assertEquals(200, answered.size(), "each answer message updated once");
    }

    @Test
    void batchWithAnAlreadyQueuedJob_queuesEveryOne_eachAnsweredOnce() {
        List<Long> ids = List.of(open(), open(), open());
        assertTrue(queue.resubmit(ids.get(1)));

        assertTrue(scheduler.enqueueAll(InvestigationQueue.GROUP, ids.stream().map(String::valueOf).toList(),
                RunQueuedInvestigation.class, name -> java.util.Map.of(InvestigationQueue.ID, name)));

        ids.forEach(this::awaitDelivered);
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().noneMatch(queue::pending));
        assertEquals(3, finalUpdates().size());
        assertEquals(3, finalUpdates().stream().map(c -> c.param("ts")).distinct().count(), "each answer message updated once");
    }

    @Test
    void storedButNeverQueued_sweepQueuesIt_answeredOnce() {
        // A replica that acked and died before handing the job to the scheduler leaves only the row.
        long id = open();
        Instant longAgo = Instant.now().minus(TimeOutStuckInvestigations.ORPHAN_AFTER).minusSeconds(30);
        QuarkusTransaction.requiringNew().run(() -> Investigation.<Investigation>findById(id).updatedAt = longAgo);
        assertFalse(queue.pending(id));

        timeouts.sweep();

        Investigation done = awaitDelivered(id);
        assertEquals(InvestigationStatus.ANSWERED, done.status);
        assertEquals(1, finalUpdates().size());
        assertEquals(1, slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") == null).count(),
                "one root message");
    }

    private long open() {
        return store.open("W111", "C111", null, InvestigationSource.SLASH_COMMAND, PASTE);
    }

    private static InvestigationJob job(long id) {
        return new InvestigationJob(id, "W111", "C111", null, PASTE, null);
    }

    private Investigation awaitDelivered(long id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> store.find(id).orElseThrow().answeredAt != null);
        return store.find(id).orElseThrow();
    }

    /** Updates that carry an answer (or a time-out notice), not the live progress of the checks. */
    private List<FakeSlackApi.Call> finalUpdates() {
        return slack.calls("chat.update").stream()
                .filter(c -> !String.valueOf(c.param("text")).startsWith("AKS Doctor is investigating"))
                .collect(Collectors.toList());
    }
}
