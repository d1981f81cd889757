package dev.aksdoctor.digest;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A problem a channel's digest has reported and that has not cleared yet. */
@Entity
@Table(name = "reported_finding")
public class ReportedFinding extends PanacheEntity {

    @Column(nullable = false, length = 64)
    public String channel;

    @Column(nullable = false, length = 64)
    public String fingerprint;

    @Column(name = "cluster_id", nullable = false, length = 400)
    public String clusterId;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(nullable = false, length = 1000)
    public String summary;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;
}
