package dev.aksdoctor.channel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a channel chose: autodetect of pasted errors, its default cluster, and what its digest includes. */
@Entity
@Table(name = "channel_settings")
public class ChannelSetting extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String channel;

    @Column(nullable = false)
    public boolean autodetect;

    /** The managed cluster's ARM resource id. */
    @Column(name = "default_cluster_id", length = 400)
    public String defaultClusterId;

    /** The digest adds the AKS detectors' critical insights of each watched cluster. */
    @Column(name = "digest_detectors", nullable = false)
    public boolean digestDetectors;

    @Column(name = "updated_by", nullable = false, length = 64)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
