package dev.aksdoctor.home;

import dev.aksdoctor.reply.WatchedClusterSummary;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stands in while no watch list exists; any other {@link WatchedClusters} bean replaces it. */
@DefaultBean
@ApplicationScoped
public class NoWatchedClusters implements WatchedClusters {

    @Override
    public List<WatchedClusterSummary> forUser(String user, int limit) {
        return List.of();
    }
}
