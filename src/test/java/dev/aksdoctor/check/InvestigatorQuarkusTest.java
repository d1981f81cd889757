package dev.aksdoctor.check;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmResource;
import dev.aksdoctor.azure.InjectFakeArm;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.DiagnosisBuilder;
import dev.aksdoctor.diagnosis.OsType;
import dev.aksdoctor.diagnosis.Subcategory;
import dev.aksdoctor.testing.FakeSlackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeArmResource.class)
// Not needed here, but the same resources as the digest flow tests: one application for them all.
@WithTestResource(FakeSlackResource.class)
class InvestigatorQuarkusTest {

    @InjectFakeArm
    FakeArm arm;

    @Inject
    Investigator investigator;

    @Test
    void investigate_fqdnOnly_locatesClusterThroughInventoryAndFindsNsgDeny() {
        ArmWorld world = new ArmWorld();
        world.rule(world.nicNsg, "deny-443", "Outbound", "Deny", 100, "Tcp", "*", "443");
        world.install(arm);
        Diagnosis d = DiagnosisBuilder.diagnosis().error("VMExtensionError_K8SAPIServerConnFail", 51, OsType.LINUX)
                .subcategory(Subcategory.CONNECTION_TIMED_OUT).nodeIp("10.240.0.4").apiServerIp(ArmWorld.API_SERVER_IP)
                .apiServerFqdn(ArmWorld.FQDN).region(ArmWorld.LOCATION).privateCluster(false).summary("x")
                .plan(Diagnoses.TIMED_OUT).build();

        InvestigationReport r = investigator.investigate(d, Optional.empty(), ProgressListener.NONE);

        assertEquals("API server FQDN " + ArmWorld.FQDN, r.location().how());
        assertEquals(CheckId.NSG_OUTBOUND, r.likelyCause().orElseThrow().checkId());
    }

    @Test
    void health_azureCredentialFromEnvironment_reportsUpWithData() {
        new ArmWorld().install(arm);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("azure"));
    }
}
