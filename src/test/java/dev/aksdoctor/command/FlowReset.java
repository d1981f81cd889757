package dev.aksdoctor.command;

import static org.awaitility.Awaitility.await;

import dev.aksdoctor.answer.ConfirmWithPlatform;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.testing.FakeSlackApi;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The state every Slack flow test starts from: no investigation still queued, running or answered but undelivered
 * (a previous test's background job may still be finishing, so it is awaited before its row is deleted), no stored investigations or
 * the other rows a test names, a fake Slack with no recorded calls and, when asked, a fake ARM serving a fresh
 * {@link ArmWorld}. Called from a test's {@code @BeforeEach}:
 * {@code FlowReset.awaitingInvestigations(Duration.ofSeconds(20)).deleting(() -> ActionAudit.deleteAll()).slack(slack).run()}.
 */
final class FlowReset {

    private static final List<InvestigationStatus> ACTIVE = List.of(InvestigationStatus.QUEUED, InvestigationStatus.RUNNING);

    private final Duration settle;
    private String channel;
    private final List<Runnable> deletes = new ArrayList<>();
    private FakeSlackApi slack;
    private FakeArm arm;
    private ArmWorld world;

    private FlowReset(Duration settle) {
        this.settle = settle;
    }

    /** Waits at most {@code settle} for queued and running investigations to end. */
    static FlowReset awaitingInvestigations(Duration settle) {
        return new FlowReset(settle);
    }

    /** Only this channel's investigations are awaited (all are deleted). */
    FlowReset inChannel(String channel) {
        this.channel = channel;
        return this;
    }

    /** Deletes more rows, before the investigations (in one transaction), e.g. {@code () -> ActionAudit.deleteAll()}. */
    FlowReset deleting(Runnable delete) {
        deletes.add(delete);
        return this;
    }

    FlowReset slack(FakeSlackApi slack) {
        this.slack = slack;
        return this;
    }

    /** Resets the fake ARM; installs {@code world} in it unless null. */
    FlowReset arm(FakeArm arm, ArmWorld world) {
        this.arm = arm;
        this.world = world;
        return this;
    }

    void run() {
        // Answered by a job is not finished until delivered: deleting the row between the two makes the job fail.
        // Rows a test finishes itself never posted an answer message (no answerTs), so they count as done, even
        // when the test marked them running.
        await().atMost(settle).until(() -> QuarkusTransaction.requiringNew().call(() -> channel == null
                ? Investigation.count("status in ?1 or (status = ?2 and answeredAt is null and attempts > 0 "
                        + "and answerTs is not null)", ACTIVE, InvestigationStatus.ANSWERED)
                : Investigation.count("channel = ?1 and status in ?2", channel, ACTIVE)) == 0);
        // A delivered answer may still get Network Watcher's edit: let it land before the fakes are reset.
        ConfirmWithPlatform platform = Arc.container().instance(ConfirmWithPlatform.class).get();
        await().atMost(settle).until(() -> platform.pending() == 0);
        QuarkusTransaction.requiringNew().run(() -> {
            deletes.forEach(Runnable::run);
            Investigation.deleteAll();
        });
        if (slack != null) {
            slack.reset();
        }
        if (arm != null) {
            arm.reset();
            if (world != null) {
                world.install(arm);
            }
        }
    }
}
