package dev.aksdoctor.digest;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A cluster on a channel's watch list. */
@Entity
@Table(name = "watched_cluster")
public class WatchedCluster extends PanacheEntity {

    @Column(nullable = false, length = 64)
    public String channel;

    /** The ARM resource id, lower case (ARM ids compare case-insensitively). */
    @Column(name = "cluster_id", nullable = false, length = 400)
    public String clusterId;

    /** Post one alert in the channel when the cluster turns Failed or Stopped between digests. */
    @Column(nullable = false)
    public boolean alerts;

    /** The state the last alert check saw, so a state is alerted once. */
    @Column(name = "last_state", length = 64)
    public String lastState;

    @Column(name = "added_by", nullable = false, length = 64)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
