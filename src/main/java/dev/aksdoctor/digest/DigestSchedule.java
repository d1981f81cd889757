package dev.aksdoctor.digest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When a channel gets its digest (Quartz cron in the channel's time zone) and when it last got one. */
@Entity
@Table(name = "digest_schedule")
public class DigestSchedule extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String channel;

    @Column(nullable = false, length = 120)
    public String cron;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    @Column(name = "last_digest_at")
    public Instant lastDigestAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
