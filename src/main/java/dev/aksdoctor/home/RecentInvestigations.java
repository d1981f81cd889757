package dev.aksdoctor.home;

import dev.aksdoctor.action.InvestigationResolution;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.reply.RecentInvestigation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The investigations a user started, newest first. Only their own: others' may come from private channels
 * whose error codes and links the user must not see.
 */
@ApplicationScoped
public class RecentInvestigations {

    @Transactional
    public List<RecentInvestigation> of(String user, int limit) {
        List<Investigation> rows = Investigation.<Investigation>find("requester = ?1 order by createdAt desc, id desc", user)
                .page(0, limit).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> resolved = InvestigationResolution.<InvestigationResolution>list("investigationId in ?1",
                rows.stream().map(i -> i.id).toList()).stream().map(r -> r.investigationId).collect(Collectors.toSet());
        return rows.stream().map(i -> new RecentInvestigation(i.id, i.channel, i.threadTs, i.errorCode, i.status, i.outcome,
                resolved.contains(i.id), i.createdAt, i.likelyCause)).toList();
    }
}
