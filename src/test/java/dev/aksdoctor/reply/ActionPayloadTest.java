package dev.aksdoctor.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.check.DetectorCategory;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionPayloadTest {

    static final String SUB = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";
    static final String CLUSTER_ID = "/subscriptions/" + SUB
            + "/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/aks-prod";
    static final ClusterRef CLUSTER = new ClusterRef(SUB, "rg-prod", "aks-prod");

    @Test
    void toJson_suggestedAction_compactWithSortedParameters() {
        ActionPayload payload = ActionPayload.of(42, CLUSTER, SuggestedAction.reimage("aks-nodepool1-12345678-vmss", "4"));

        assertEquals("{\"inv\":42,\"cluster\":\"" + CLUSTER_ID
                + "\",\"p\":{\"instanceId\":\"4\",\"scaleSet\":\"aks-nodepool1-12345678-vmss\"}}", payload.toJson());
    }

    @Test
    void toJson_noCluster_writesNull() {
        assertEquals("{\"inv\":7,\"cluster\":null,\"p\":{}}",
                ActionPayload.of(7, null, SuggestedAction.of(NextAction.RERUN_CHECKS)).toJson());
    }

    @Test
    void parse_ownJson_roundTrips() {
        ActionPayload payload = ActionPayload.of(42, CLUSTER, SuggestedAction.addRange("20.1.2.3/32"));

        Optional<ActionPayload> parsed = ActionPayload.parse(payload.toJson());

        assertEquals(Optional.of(payload), parsed);
        assertEquals(Optional.of(CLUSTER), parsed.get().cluster());
        assertEquals(Optional.of("20.1.2.3/32"), parsed.get().parameter(SuggestedAction.CIDR));
    }

    @Test
    void parse_poolAndResourceId_accepted() {
        String nsg = "/subscriptions/" + SUB + "/resourceGroups/MC_rg-prod_aks-prod_westeurope/providers/"
                + "Microsoft.Network/networkSecurityGroups/aks-agentpool-123-nsg";
        String json = "{\"inv\":1,\"cluster\":\"" + CLUSTER_ID + "\",\"p\":{\"pool\":\"nodepool1\",\"resourceId\":\""
                + nsg + "\"}}";

        ActionPayload parsed = ActionPayload.parse(json).orElseThrow();

        assertEquals(Map.of("pool", "nodepool1", "resourceId", nsg), parsed.parameters());
    }

    @Test
    void parse_detectorsAroundAFailure_roundTripsToTheSecond() {
        SuggestedAction detectors = SuggestedAction.runDetectors(DetectorCategory.CONNECTIVITY,
                Instant.parse("2026-03-02T07:12:09.123456Z"));
        ActionPayload payload = ActionPayload.of(42, CLUSTER, detectors);

        ActionPayload parsed = ActionPayload.parse(payload.toJson()).orElseThrow();

        assertEquals(Map.of("category", "connectivity", "at", "2026-03-02T07:12:09Z"), parsed.parameters());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[]",
        "{\"inv\":\"1\",\"cluster\":null,\"p\":{}}",
        "{\"inv\":-1,\"cluster\":null,\"p\":{}}",
        "{\"inv\":1.5,\"cluster\":null,\"p\":{}}",
        "{\"cluster\":null,\"p\":{}}",
        "{\"inv\":1,\"cluster\":\"/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/a\",\"p\":{}}",
        "{\"inv\":1,\"cluster\":\"aks-prod\",\"p\":{}}",
        "{\"inv\":1,\"cluster\":42,\"p\":{}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"cidr\":\"20.1.2.3\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"cidr\":\"20.1.2.3/32; rm -rf /\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"cidr\":\"0x14.1/8\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"pool\":\"NodePool1\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"pool\":\"nodepool12345\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"pool\":\"1pool\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"instanceId\":\"4a\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"instanceId\":\"$(id)\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"scaleSet\":\"vmss;reboot\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"script\":\"echo\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"pool\":1}}",
        "{\"inv\":1,\"cluster\":null,\"p\":[]}",
        "{\"inv\":1,\"cluster\":null,\"p\":{},\"extra\":true}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"at\":\"2026-03-02T07:12:09+01:00\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"at\":\"2026-02-30T07:12:09Z\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"at\":\"yesterday\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"category\":\"everything\"}}",
        "{\"inv\":1,\"cluster\":null,\"p\":{\"resourceId\":\"/subscriptions/" + SUB + "/resourceGroups/rg/providers/../x\"}}"
    })
    void parse_malformedOrUnsafe_empty(String value) {
        assertEquals(Optional.empty(), ActionPayload.parse(value));
    }

    @Test
    void parse_null_empty() {
        assertFalse(ActionPayload.parse(null).isPresent());
    }

    @Test
    void parse_tooLong_empty() {
        assertTrue(ActionPayload.parse("{\"inv\":1,\"cluster\":null,\"p\":{}}" + " ".repeat(2000)).isEmpty());
    }

    @Test
    void constructor_unsafeParameter_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> new ActionPayload(1, null, Map.of(SuggestedAction.POOL, "pool; az group delete")));
    }
}
