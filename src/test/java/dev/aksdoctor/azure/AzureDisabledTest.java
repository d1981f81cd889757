package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.lang.reflect.Proxy;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class AzureDisabledTest {

    static AzureConfig disabled() {
        AzureConfig fake = TestAzureConfig.fake();
        return (AzureConfig) Proxy.newProxyInstance(AzureConfig.class.getClassLoader(), new Class<?>[] {AzureConfig.class},
                (proxy, method, args) -> method.getName().equals("enabled") ? Boolean.FALSE : method.invoke(fake, args));
    }

    static AzureArmGateway gateway() {
        return new AzureArmGateway(disabled(), () -> {
            throw new AssertionError("no HTTP client may be built while Azure is switched off");
        }, FakeArmGateways.credentialSettings(), Clock.systemUTC());
    }

    @Test
    void access_azureSwitchedOff_saysSoWithoutACredential() {
        AzureAccess access = gateway().access();
        assertFalse(access.configured());
        assertEquals("Azure access is turned off (AKS_DOCTOR_AZURE_ENABLED=false)", access.detail());
    }

    @Test
    void anyVerb_azureSwitchedOff_refusedBeforeAnyHttp() {
        AzureArmGateway gateway = gateway();
        ArmException listing = assertThrows(ArmException.class, () -> gateway.clusterFacts(ArmWorld.SUB));
        assertEquals(ArmException.Kind.NO_CREDENTIAL, listing.kind());
        ArmException reading = assertThrows(ArmException.class, () -> gateway.cluster(
                new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME)));
        assertEquals(ArmException.Kind.NO_CREDENTIAL, reading.kind());
    }
}
