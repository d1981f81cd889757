package dev.aksdoctor.access;

import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Decides whether a Slack user may run a write action on a cluster: named in an operator rule whose scope
 * holds the cluster, or a member of one of its user groups. Group members are cached briefly so that a
 * button press still opens its dialog within Slack's 3 s; when Slack cannot say, the answer is no.
 */
@ApplicationScoped
public class OperatorCheck {

    private static final Logger LOG = Logger.getLogger(OperatorCheck.class);

    /** The verdict, with who may act so that a refusal can say so. */
    public record Verdict(boolean allowed, OperatorPolicy.Operators operators) {
    }

    private record Members(List<String> users, Instant fetchedAt) {
    }

    private final OperatorPolicy policy;
    private final SlackGateway slack;
    private final Clock clock;
    private final Duration groupTtl;
    private final Map<String, Members> groups = new ConcurrentHashMap<>();

    public OperatorCheck(AccessRules rules, SlackGateway slack, Clock clock) {
        this.policy = rules.operators();
        this.slack = slack;
        this.clock = clock;
        this.groupTtl = rules.groupMembersTtl();
    }

    public Verdict check(String user, ClusterRef cluster) {
        OperatorPolicy.Operators operators = policy.operatorsOf(cluster);
        if (operators.users().contains(user)) {
            return new Verdict(true, operators);
        }
        for (String group : operators.groups()) {
            if (members(group).contains(user)) {
                return new Verdict(true, operators);
            }
        }
        return new Verdict(false, operators);
    }

    private List<String> members(String group) {
        Instant now = clock.instant();
        Members cached = groups.get(group);
        if (cached != null && now.isBefore(cached.fetchedAt().plus(groupTtl))) {
            return cached.users();
        }
        try {
            Members fresh = new Members(slack.userGroupMembers(group), now);
            groups.put(group, fresh);
            return fresh.users();
        } catch (SlackCallFailed e) {
            LOG.warnf("Could not list members of user group %s (%s); treating the user as not a member", group,
                    e.error());
            return List.of();
        }
    }
}
