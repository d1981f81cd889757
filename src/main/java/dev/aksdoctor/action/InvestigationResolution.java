package dev.aksdoctor.action;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Someone pressed "Mark resolved" on an investigation's reply. */
@Entity
@Table(name = "investigation_resolution")
public class InvestigationResolution extends PanacheEntityBase {

    @Id
    @Column(name = "investigation_id")
    public Long investigationId;

    @Column(name = "resolved_by", nullable = false, length = 64)
    public String resolvedBy;

    @Column(name = "resolved_at", nullable = false)
    public Instant resolvedAt;
}
