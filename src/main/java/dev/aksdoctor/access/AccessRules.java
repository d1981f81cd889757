package dev.aksdoctor.access;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The access rules as the service enforces them, read once at start whatever their source.
 *
 * <p>SmallRye maps {@code AKS_DOCTOR_ACCESS_CHANNELS_C0123_SCOPES} to the channel {@code c0123}: an
 * environment variable carries no case for a map key. Slack channel ids are upper case, so channel keys are
 * upper-cased here and looked up without case. An environment variable the mapping cannot place (a typo such
 * as {@code …_SCOPE}, or an operator rule name with {@code _} in it) is silently dropped by SmallRye, which
 * would leave a channel unlimited: every {@code aks-doctor.access} name, in any spelling, must be understood
 * or the service refuses to start, listing what it did not understand.
 */
@Singleton
@Startup
public class AccessRules {

    private static final Logger LOG = Logger.getLogger(AccessRules.class);

    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,30}");
    private static final String PREFIX = "aks_doctor_access_";
    private static final Pattern CHANNEL_NAME = Pattern.compile(PREFIX + "channels_(.+)_scopes(_[0-9]+)?");
    private static final Pattern OPERATOR_NAME = Pattern.compile(PREFIX + "operators_(.+)_(scope|users|groups)(_[0-9]+)?");
    private static final String TTL_NAME = PREFIX + "group_members_ttl";
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private final Map<String, List<Scope>> channels;
    private final OperatorPolicy operators;
    private final Duration groupMembersTtl;

    @Inject
    public AccessRules(AccessConfig config, Config raw) {
        this(config, raw.getPropertyNames());
        LOG.info(describe());
    }

    /** Reads and checks the rules; throws {@link InvalidAccessRules} naming every problem found. */
    public AccessRules(AccessConfig config, Iterable<String> propertyNames) {
        List<String> problems = new ArrayList<>();
        this.channels = channels(config, problems);
        this.operators = OperatorPolicy.of(config.operators());
        problems.addAll(operators.problems());
        config.operators().forEach((name, rule) -> {
            if (rule.users().orElse(List.of()).isEmpty() && rule.groups().orElse(List.of()).isEmpty()) {
                problems.add("operator rule '" + name + "' names no users and no groups: give it users=U… or "
                        + "groups=S…, or remove it");
            }
        });
        problems.addAll(unplaced(propertyNames, config));
        if (!problems.isEmpty()) {
            throw new InvalidAccessRules(problems);
        }
        this.groupMembersTtl = config.groupMembersTtl();
    }

    private static Map<String, List<Scope>> channels(AccessConfig config, List<String> problems) {
        Map<String, List<Scope>> byId = new TreeMap<>();
        Map<String, String> spelledAs = new TreeMap<>();
        config.channels().forEach((key, rule) -> {
            String id = key.strip().toUpperCase(Locale.ROOT);
            if (!CHANNEL_ID.matcher(id).matches()) {
                problems.add("channel limit '" + key + "': not a Slack channel id (C…, G… or D…, letters and digits)");
                return;
            }
            List<Scope> scopes = new ArrayList<>();
            for (String text : rule.scopes()) {
                Optional<Scope> scope = Scope.parse(text);
                if (scope.isPresent()) {
                    scopes.add(scope.get());
                } else {
                    problems.add("channel limit " + id + ": '" + text.strip() + "' is not a scope; write /, "
                            + "/subscriptions/<id> or /subscriptions/<id>/resourceGroups/<name>");
                }
            }
            if (rule.scopes().isEmpty()) {
                problems.add("channel limit " + id + " lists no scope");
            }
            List<Scope> before = byId.putIfAbsent(id, List.copyOf(scopes));
            if (before != null && !Set.copyOf(before).equals(Set.copyOf(scopes))) {
                problems.add("channel limit " + id + " is set twice with different scopes (as '" + spelledAs.get(id)
                        + "' and '" + key + "', e.g. a property and an environment variable): keep one");
            }
            spelledAs.putIfAbsent(id, key);
        });
        return byId;
    }

    /** Names under {@code aks-doctor.access} that the mapping did not turn into a rule. */
    private static List<String> unplaced(Iterable<String> propertyNames, AccessConfig config) {
        Set<String> operatorNames = new LinkedHashSet<>();
        config.operators().keySet().forEach(name -> operatorNames.add(canonical(name)));
        Set<String> channelKeys = new LinkedHashSet<>();
        config.channels().keySet().forEach(key -> channelKeys.add(canonical(key)));
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : propertyNames) {
            String c = canonical(name);
            if (!c.startsWith(PREFIX) || !seen.add(c)) {
                continue;
            }
            if (c.equals(TTL_NAME)) {
                continue;
            }
            Matcher channel = CHANNEL_NAME.matcher(c);
            if (channel.matches()) {
                if (!channelKeys.contains(channel.group(1))) {
                    problems.add("'" + name + "' was not understood: '" + channel.group(1).toUpperCase(Locale.ROOT)
                            + "' is not a Slack channel id");
                }
                continue;
            }
            Matcher operator = OPERATOR_NAME.matcher(c);
            if (operator.matches()) {
                if (!operatorNames.contains(operator.group(1))) {
                    problems.add("'" + name + "' was not understood: in an environment variable an operator rule "
                            + "name may not contain '_' or '-' (name it e.g. " + operator.group(1).replace("_", "")
                            + ")");
                }
                continue;
            }
            problems.add("'" + name + "' is not an access setting: expected aks-doctor.access.channels.<channel id>"
                    + ".scopes, aks-doctor.access.operators.<name>.scope|users|groups or "
                    + "aks-doctor.access.group-members-ttl");
        }
        return problems;
    }

    /** {@code aks-doctor.access.channels."C01".scopes}, {@code AKS_DOCTOR_ACCESS_CHANNELS__C01__SCOPES} → one form. */
    static String canonical(String name) {
        String lower = NOT_ALPHANUMERIC.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("_");
        int start = 0;
        int end = lower.length();
        while (start < end && lower.charAt(start) == '_') {
            start++;
        }
        while (end > start && lower.charAt(end - 1) == '_') {
            end--;
        }
        return lower.substring(start, end);
    }

    /** The limit of a channel (any case), or empty when it has none. */
    public Optional<List<Scope>> channelLimit(String channel) {
        return channel == null ? Optional.empty() : Optional.ofNullable(channels.get(channel.toUpperCase(Locale.ROOT)));
    }

    public OperatorPolicy operators() {
        return operators;
    }

    public Duration groupMembersTtl() {
        return groupMembersTtl;
    }

    /** The effective rules, for the start-up log: ids and scopes only. */
    public String describe() {
        StringBuilder text = new StringBuilder("Access rules in force:");
        if (channels.isEmpty()) {
            text.append(" no channel limits (every channel may use every cluster the Azure identity can read);");
        }
        channels.forEach((id, scopes) -> text.append(" channel ").append(id).append(" limited to ")
                .append(scopes.stream().map(Scope::toString).toList()).append(';'));
        if (operators.rules().isEmpty()) {
            text.append(" no operators (write actions are refused to everyone)");
        }
        operators.rules().forEach(rule -> text.append(" operators '").append(rule.name()).append("' on ")
                .append(rule.scope()).append(": users ").append(rule.users().stream().sorted().toList())
                .append(", groups ").append(rule.groups().stream().sorted().toList()).append(';'));
        return text.toString();
    }

    /** The access configuration cannot be enforced as written: the service must not start with it. */
    public static final class InvalidAccessRules extends IllegalStateException {
        private final List<String> problems;

        InvalidAccessRules(List<String> problems) {
            super("AKS Doctor will not start: its access rules (aks-doctor.access.* / AKS_DOCTOR_ACCESS_*) cannot "
                    + "be enforced as written. Fix or remove:\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
