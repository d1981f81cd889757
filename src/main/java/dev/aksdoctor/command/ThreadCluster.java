package dev.aksdoctor.command;

import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A mention or shortcut inside a thread the bot already answered: the text to diagnose keeps that investigation's
 * cluster, so the user is not asked "Which cluster?" about the cluster the thread is about.
 */
@ApplicationScoped
public class ThreadCluster {

    private final InvestigationStore investigations;
    private final PasteParser parser;

    public ThreadCluster(InvestigationStore investigations, PasteParser parser) {
        this.investigations = investigations;
        this.parser = parser;
    }

    /** The investigation already answered in this thread, if any. */
    public Optional<Investigation> answeredIn(String channel, String threadTs) {
        return investigations.latestInThread(channel, threadTs);
    }

    /**
     * {@code text} as asked when it names its cluster or there is no earlier investigation in the thread; else the
     * error it holds with the earlier investigation's cluster, or (no error in it) the earlier investigation's paste.
     */
    public String withThreadsCluster(String channel, String threadTs, String text) {
        Optional<Investigation> earlier = answeredIn(channel, threadTs);
        if (earlier.isEmpty()) {
            return text;
        }
        Diagnosis asked = parser.parse(text == null ? "" : text);
        if (asked.cluster() != null) {
            return text;
        }
        String earlierText = earlier.get().textRedacted == null ? "" : earlier.get().textRedacted;
        if (!asked.recognized()) {
            return earlierText;
        }
        Optional<String> cluster = Optional.ofNullable(parser.parse(earlierText).cluster())
                .flatMap(ClusterRef::resourceId);
        return cluster.map(id -> text + "\n" + id).orElse(text);
    }
}
