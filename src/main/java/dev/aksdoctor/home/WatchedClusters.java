package dev.aksdoctor.home;

import dev.aksdoctor.reply.WatchedClusterSummary;
import java.util.List;

/**
 * The clusters App Home lists as watched. The digest feature provides the bean that reads its watch list; until
 * it does, {@link NoWatchedClusters} answers an empty list and App Home says how to watch one.
 */
public interface WatchedClusters {

    /** The watched clusters of the channels this user can see, at most {@code limit}. */
    List<WatchedClusterSummary> forUser(String user, int limit);
}
