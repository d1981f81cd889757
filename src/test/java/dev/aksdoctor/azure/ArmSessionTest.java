package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArmSessionTest {

    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static FakeArm arm;

    @BeforeAll
    static void start() {
        arm = FakeArm.start();
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    /** Also prints how long the first use of the managers takes (class loading included when run alone). */
    @Test
    void managers_firstUse_builtOncePerSubscription() {
        arm.json("GET", AzureArmGatewayTest.CLUSTER_PATH, ArmFixtures.write(ArmFixtures.body("ManagedClustersGet.json")));
        ArmSession session = new ArmSession(TestAzureConfig.fake(), () -> FakeArmGateways.httpClient(arm),
                FakeArmGateways.credentialSettings(), Clock.systemUTC());

        long t0 = System.nanoTime();
        var containerService = session.containerService(SUB);
        session.network(SUB);
        session.compute(SUB);
        session.monitor(SUB);
        session.privateDns(SUB);
        session.resources(SUB);
        long managers = System.nanoTime() - t0;
        AzureArmGateway gateway = new AzureArmGateway(TestAzureConfig.fake(), () -> FakeArmGateways.httpClient(arm),
                FakeArmGateways.credentialSettings(), Clock.systemUTC());
        long t1 = System.nanoTime();
        gateway.cluster(new ClusterRef(SUB, "rg1", "clustername1"));
        long firstRead = System.nanoTime() - t1;
        System.out.printf("first use: managers %d ms; first cluster read on a new gateway (managers, token, GET) %d ms%n",
                managers / 1_000_000, firstRead / 1_000_000);

        assertSame(containerService, session.containerService(SUB.toUpperCase()));
        assertEquals(1, arm.count("GET", AzureArmGatewayTest.CLUSTER_PATH));
    }
}
