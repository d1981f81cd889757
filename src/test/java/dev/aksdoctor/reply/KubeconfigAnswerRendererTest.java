package dev.aksdoctor.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.diagnosis.Playbook;
import org.junit.jupiter.api.Test;

class KubeconfigAnswerRendererTest {

    private static final String LOOPBACK = "Error: Kubernetes cluster unreachable: Get \"http://localhost:8080/version\": "
            + "dial tcp [::1]:8080: connect: connection refused";

    private final PasteParser parser = new PasteParser();

    @Test
    void render_loopbackPaste_firstLineNamesTheClientSideCauseAndTheFix() {
        Diagnosis d = parser.parse(LOOPBACK);
        assertTrue(Playbook.clientSide(d), "no Azure checks planned: " + d.plan());
        JsonArray blocks = SlackLimitsAssert.json(ClientSideAnswerRenderer.render(d));
        SlackLimitsAssert.withinLimits(ClientSideAnswerRenderer.render(d));
        assertEquals("header", blocks.get(0).getAsJsonObject().get("type").getAsString());
        JsonObject first = blocks.get(1).getAsJsonObject();
        assertEquals("likely_cause", first.get("block_id").getAsString());
        String text = first.getAsJsonObject("text").get("text").getAsString();
        assertTrue(text.startsWith(":rotating_light: *Likely cause — kubectl is not pointed at an AKS cluster*"), text);
        assertTrue(text.contains("`az aks get-credentials --resource-group &lt;resource-group&gt; --name &lt;cluster&gt;`"),
                text);
        assertTrue(text.contains("`kubectl config current-context`"), text);
        assertTrue(text.contains("<" + d.docs().get(0).url() + "|"), text);
        assertTrue(ClientSideAnswerRenderer.fallbackText(d).contains("Likely cause: kubectl is not pointed at an AKS cluster"));
        String all = blocks.toString();
        assertTrue(all.contains("No Azure checks ran"), all);
        assertFalse(all.contains("What I'll check"), all);
    }

    @Test
    void render_clusterNamedInThePaste_isShownAndPutInTheCommand() {
        Diagnosis d = parser.parse("az aks get-credentials -g rg-dev -n aks-dev --subscription "
                + "0b1f6471-1bf0-4dda-aec3-cb9272f09590\n" + LOOPBACK);
        String all = SlackLimitsAssert.json(ClientSideAnswerRenderer.render(d)).toString();
        assertTrue(all.contains("az aks get-credentials --resource-group rg-dev --name aks-dev --subscription "
                + "0b1f6471-1bf0-4dda-aec3-cb9272f09590"), all);
        assertTrue(all.contains("rg-dev/aks-dev"), all);
        assertTrue(all.contains("was not checked"), all);
    }

    @Test
    void getCredentials_namesOutsideTheParsersRules_stayPlaceholders() {
        assertEquals("az aks get-credentials --resource-group <resource-group> --name <cluster>",
                KubeconfigAnswerRenderer.getCredentials(new ClusterRef("not-a-guid;id", "rg(1)", "aks;rm -rf")));
        assertEquals("az aks get-credentials --resource-group <resource-group> --name <cluster>",
                KubeconfigAnswerRenderer.getCredentials(new ClusterRef(null, "-g", "$(id)")));
        assertEquals("az aks get-credentials --resource-group <resource-group> --name <cluster>",
                KubeconfigAnswerRenderer.getCredentials(null));
        assertEquals("az aks get-credentials --resource-group MC.rg_1 --name aks-1",
                KubeconfigAnswerRenderer.getCredentials(new ClusterRef(null, "MC.rg_1", "aks-1")));
    }
}
