package dev.aksdoctor.digest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmFixtures;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmGateways;
import dev.aksdoctor.reply.Digest;
import dev.aksdoctor.reply.DigestRenderer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A digest over many watched clusters against the fake ARM with latency on every call, through the
 * production SDK pipeline. Run:
 * {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.main=dev.aksdoctor.digest.DigestBenchmark -Dbench.args="10 100 100"}
 * (subscriptions, clusters per subscription, milliseconds of latency per ARM call).
 */
public final class DigestBenchmark {

    public static void main(String[] args) {
        int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int perSubscription = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long latencyMs = args.length > 2 ? Long.parseLong(args[2]) : 100;
        try (FakeArm arm = FakeArm.start()) {
            List<String> watched = new ArrayList<>();
            ObjectNode template = new ArmWorld().cluster;
            for (int s = 0; s < subscriptions; s++) {
                String sub = String.format("%08d-0000-0000-0000-000000000000", s);
                StringBuilder list = new StringBuilder("{\"value\":[");
                for (int c = 0; c < perSubscription; c++) {
                    String id = "/subscriptions/" + sub + "/resourceGroups/rg-" + c
                            + "/providers/Microsoft.ContainerService/managedClusters/aks-" + c;
                    ObjectNode cluster = template.deepCopy();
                    cluster.put("id", id).put("name", "aks-" + c);
                    if (c % 50 == 0) {
                        ((ObjectNode) cluster.get("properties")).put("provisioningState", "Failed");
                    }
                    list.append(c == 0 ? "" : ",").append(ArmFixtures.write(cluster));
                    watched.add(id);
                }
                arm.json("GET", "/subscriptions/" + sub + "/providers/Microsoft.ContainerService/managedClusters",
                        list.append("]}").toString());
                arm.json("GET", "/subscriptions/" + sub + "/providers/Microsoft.Insights/eventtypes/management/values",
                        "{\"value\":[]}");
            }
            ArmGateway gateway = FakeArmGateways.gateway(arm);
            gateway.clusterFacts("00000000-0000-0000-0000-000000000000"); // warm the credential and pipeline
            arm.clearRequests();
            arm.latency(Duration.ofMillis(latencyMs));

            Instant now = Instant.now();
            long start = System.nanoTime();
            List<ClusterHealth> facts = new CollectDigestFacts(gateway, 8).collect(watched, now.minus(Duration.ofDays(1)), now);
            Digest digest = new DigestBuilder(Clock.systemUTC()).build(facts, java.util.Map.of(), now.minus(Duration.ofDays(1)),
                    ZoneId.of("UTC"));
            int blocks = DigestRenderer.render(digest, ZoneId.of("UTC")).size();
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("digest over %d clusters in %d subscriptions, %d ms ARM latency: %d ms, %d ARM calls, "
                            + "%d healthy / %d degraded / %d failed, %d blocks%n",
                    watched.size(), subscriptions, latencyMs, ms, arm.armRequests().size(), digest.healthy().size(),
                    digest.degraded(), digest.failed(), blocks);
        }
        System.exit(0);
    }
}
