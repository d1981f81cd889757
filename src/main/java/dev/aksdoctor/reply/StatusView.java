package dev.aksdoctor.reply;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code /aks-doctor status} shows: the investigation queue, the health checks, and this channel's default
 * cluster and watches.
 *
 * @param schedule the channel's digest schedule, empty when it has none
 */
public record StatusView(long queued, long running, List<Health> health, Optional<ClusterRef> defaultCluster,
        List<String> watched, Optional<Schedule> schedule) {

    public StatusView {
        health = List.copyOf(health);
        watched = List.copyOf(watched);
    }

    /** A digest schedule: Quartz cron and time zone. */
    public record Schedule(String cron, String timeZone) {
    }

    /** One health check as {@code /q/health} reports it: its name, whether it is up, and its data. */
    public record Health(String name, boolean up, Map<String, Object> data) {
        public Health {
            data = data == null ? Map.of() : Map.copyOf(data);
        }
    }
}
