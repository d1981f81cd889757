package dev.aksdoctor.check;

import dev.aksdoctor.azure.ActivityEventFacts;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.AzureAccess;
import dev.aksdoctor.azure.AzureConfig;
import dev.aksdoctor.azure.ClusterLocation;
import dev.aksdoctor.diagnosis.CausalChains;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.Playbook;
import dev.aksdoctor.diagnosis.RecognizedError;
import dev.aksdoctor.diagnosis.Subcategory;
import io.quarkus.arc.All;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The entry point: locate the cluster, run the diagnosis' playbook against ARM, report findings in the
 * order they ran (then the checks that prove the error codes they read), with the finding that explains the
 * others as the likely cause ({@link RootCause}). Blocking; call it from a worker, not an event loop.
 */
@ApplicationScoped
public class Investigator {

    /** Rounds of checks run because of what earlier ones read (a code, then that code's CSE playbook). */
    private static final int MAX_FOLLOW_UPS = 2;

    private final ArmGateway gateway;
    private final ClusterLocator locator;
    private final List<Check> checks;
    private final AzureConfig config;
    private final Clock clock;
    private final HostResolver resolver;
    private final ExecutorService executor;

    /** With the JVM's resolver. */
    public Investigator(ArmGateway gateway, ClusterLocator locator, List<Check> checks, AzureConfig config,
            Clock clock) {
        this(gateway, locator, checks, config, clock, new SystemHostResolver());
    }

    @Inject
    public Investigator(ArmGateway gateway, ClusterLocator locator, @All List<Check> checks, AzureConfig config,
            Clock clock, HostResolver resolver) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.checks = List.copyOf(checks);
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        AtomicInteger n = new AtomicInteger();
        // Unbounded: checks block on ARM and on fetches other checks started; a small fixed pool could starve.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aks-doctor-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    public InvestigationReport investigate(Diagnosis diagnosis, Optional<ClusterRef> channelDefault,
            ProgressListener listener) {
        return investigate(diagnosis, channelDefault, InvestigationOptions.DEFAULT, listener);
    }

    public InvestigationReport investigate(Diagnosis diagnosis, Optional<ClusterRef> channelDefault,
            InvestigationOptions options, ProgressListener listener) {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        List<CheckId> plan = Playbook.planFor(diagnosis);
        AzureAccess access = gateway.access();
        if (!access.configured()) {
            ClusterLocation location = diagnosis.cluster() != null && diagnosis.cluster().subscriptionId() != null
                    ? ClusterLocation.found(diagnosis.cluster(), "resource ID in the paste")
                    : ClusterLocation.notFound("Azure access is not configured, so the cluster cannot be looked up");
            List<Finding> skipped = plan.stream().map(id -> new Finding(id, Outcome.SKIPPED,
                    "Skipped: Azure access is not configured", List.of(), access.detail(), null, List.of()))
                    .collect(Collectors.toList());
            skipped.forEach(progress::checkFinished);
            return new InvestigationReport(location, skipped, Optional.empty(), access, 0);
        }
        ClusterLocation location = locate(diagnosis, channelDefault);
        if (location.found().isEmpty()) {
            return new InvestigationReport(location, List.of(), Optional.empty(), access, 0);
        }
        if (!options.clusterPermitted().test(location.cluster())) {
            return new InvestigationReport(ClusterLocation.notFound("the cluster " + location.cluster().displayName()
                    + " is outside what this channel may investigate (ask an admin to check aks-doctor.access.channels)"),
                    List.of(), Optional.empty(), access, 0);
        }
        InvestigationFacts facts = new InvestigationFacts(gateway, location.cluster(), diagnosis, clock,
                config.activityLogWindow(), config.failedResourceActivityLogWindow(), executor, resolver);
        CheckContext context = new CheckContext(diagnosis, location.cluster(), facts,
                options.runNodeProbes() || config.nodeProbesAlways());
        CheckRunner runner = new CheckRunner(checks, executor, config.checkTimeout());
        List<Finding> findings = new ArrayList<>(runner.run(plan, context, progress));
        for (int round = 0; round < MAX_FOLLOW_UPS; round++) {
            List<CheckId> next = new ArrayList<>(followUps(findings));
            if (round == 0 && stateExplainsConnection(diagnosis, facts, findings)) {
                next.add(CheckId.CLUSTER_STATE);
            }
            if (next.isEmpty()) {
                break;
            }
            findings.addAll(runner.run(next, followUpContext(context, findings), progress));
        }
        RootCause.Verdict verdict = RootCause.of(findings, suspects(diagnosis));
        Instant failureAt = failedAt(findings, facts).orElse(clock.instant());
        return new InvestigationReport(location, findings, verdict.cause(), verdict.why(), access, facts.armCalls(),
                Map.of(), Optional.of(facts), Optional.of(failureAt));
    }

    /**
     * When the newest failed operation happened, if the plan read the Activity Log and it showed one (already
     * fetched: no ARM call is added for it).
     */
    static Optional<Instant> failedAt(List<Finding> findings, InvestigationFacts facts) {
        boolean read = findings.stream().anyMatch(f -> f.checkId() == CheckId.ACTIVITY_LOG_FAILURES
                && (f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARN));
        if (!read) {
            return Optional.empty();
        }
        try {
            return facts.failedOperations().stream().map(ActivityEventFacts::timestamp).filter(Objects::nonNull).findFirst()
                    .map(OffsetDateTime::toInstant);
        } catch (ArmException e) {
            return Optional.empty();
        }
    }

    /**
     * Locating may list every visible cluster and read VNets: the same time box as a round of checks, so that a
     * hung ARM call is not waited out here either.
     */
    private ClusterLocation locate(Diagnosis diagnosis, Optional<ClusterRef> channelDefault) {
        CompletableFuture<ClusterLocation> located = CompletableFuture.supplyAsync(
                () -> locator.locate(diagnosis, channelDefault), executor);
        try {
            return located.get(config.checkTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return ClusterLocation.notFound("Azure Resource Manager did not answer within "
                    + config.checkTimeout().toSeconds() + " s while I looked for the cluster: which cluster is it? "
                    + "(resource ID, or subscription / resource group / name)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while locating the cluster", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Checks whose warning explains this paste when nothing fails (see {@link RootCause#of(List, Set)}). */
    static Set<CheckId> suspects(Diagnosis d) {
        Set<CheckId> out = new LinkedHashSet<>();
        Subcategory sub = d.subcategory();
        boolean dns = sub == Subcategory.DNS_LOOKUP_FAILED || d.exitCode() != null && (d.exitCode() == 52
                || d.exitCode() == 53) && d.os() != dev.aksdoctor.diagnosis.OsType.WINDOWS;
        if (d.recognized() && sub != Subcategory.TLS_HANDSHAKE_FAILED && sub != Subcategory.CERTIFICATE_PROBLEM) {
            out.add(CheckId.EGRESS_APPLIANCE);
        }
        String code = d.errorCode() == null ? "" : d.errorCode().toLowerCase(java.util.Locale.ROOT);
        boolean outbound = code.contains("outboundconnfail") || code.contains("provisioningtimeout")
                || d.exitCode() != null && d.exitCode() == 50 && d.os() != dev.aksdoctor.diagnosis.OsType.WINDOWS;
        // Seed 003: a custom DNS server that cannot resolve the AKS endpoints times the extension out too.
        if (dns || outbound) {
            out.add(CheckId.VNET_DNS_SERVERS);
        }
        // A pasted ARM error (QuotaExceeded, SubnetIsFull…) on a resource that is not Failed any more: the failed
        // operation's warning and the warnings of the checks that prove that code explain the paste.
        List<CheckId> provers = CausalChains.provers(d.errorCode());
        if (!provers.isEmpty()) {
            out.add(CheckId.ACTIVITY_LOG_FAILURES);
            out.addAll(provers);
        }
        if (sub == Subcategory.CONNECTION_REFUSED) {
            out.add(CheckId.CLUSTER_STATE);
        }
        if (sub == Subcategory.TLS_HANDSHAKE_FAILED || sub == Subcategory.CERTIFICATE_PROBLEM) {
            out.add(CheckId.HTTP_PROXY);
            out.add(CheckId.EGRESS_APPLIANCE);
        }
        // A VirtualAppliance next hop is judged by EGRESS_APPLIANCE (a healthy firewall that allows AKS passes).
        out.remove(CheckId.ROUTE_TABLE);
        return out;
    }

    /**
     * Whether the cluster's own state must be shown for an API server connection failure whose plan did not read it
     * (a timeout, no route to host): a stopped, failed or changing cluster explains any of them (seed 001, "Resolve
     * connection refused", step 1). The cluster is already fetched; a healthy one adds nothing, so it is not run then.
     */
    static boolean stateExplainsConnection(Diagnosis d, InvestigationFacts facts, List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.checkId() == CheckId.CLUSTER_STATE) || !FailureFamily.apiServer(d)
                || d.subcategory() == Subcategory.TLS_HANDSHAKE_FAILED
                || d.subcategory() == Subcategory.CERTIFICATE_PROBLEM) {
            return false;
        }
        try {
            dev.aksdoctor.azure.ClusterFacts c = facts.cluster();
            boolean running = c.powerState() == null || "Running".equalsIgnoreCase(c.powerState());
            return !running || !"Succeeded".equalsIgnoreCase(c.provisioningState());
        } catch (ArmException e) {
            return false;
        }
    }

    /**
     * The context of a follow-up round: the errors the findings read count as if they had been pasted, so that a
     * CSE exit 50 or a provisioning timeout found in Azure is judged against the required outbound endpoints.
     */
    static CheckContext followUpContext(CheckContext context, List<Finding> findings) {
        Diagnosis d = context.diagnosis();
        List<RecognizedError> errors = new ArrayList<>(d.errors());
        for (Finding f : findings) {
            if (f.outcome() != Outcome.FAIL && f.outcome() != Outcome.WARN) {
                continue;
            }
            for (String code : f.codes()) {
                String read = "read in Azure by " + f.checkId().id();
                errors.add(CausalChains.cseError(code)
                        .map(k -> new RecognizedError(k.code(), k.exitCode(), k.os(), read))
                        .orElseGet(() -> new RecognizedError(code, null, null, read)));
            }
        }
        if (errors.size() == d.errors().size()) {
            return context;
        }
        return new CheckContext(d.withErrors(errors), context.cluster(), context.facts(), context.nodeProbesRequested());
    }

    /**
     * The checks that prove the error codes the findings read (a failed operation's inner code, a CSE exit code)
     * and have not run yet: the quota check for QuotaExceeded, exit 50's outbound checks for a CSE exit 50.
     */
    static List<CheckId> followUps(List<Finding> findings) {
        Set<CheckId> ran = findings.stream().map(Finding::checkId).collect(Collectors.toSet());
        Set<CheckId> next = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARN) {
                for (String code : f.codes()) {
                    CausalChains.provers(code).stream().filter(id -> !ran.contains(id)).forEach(next::add);
                }
            }
        }
        return List.copyOf(next);
    }
}
