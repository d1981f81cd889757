package dev.aksdoctor.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.diagnosis.Playbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientSideAnswerRendererTest {

    private final PasteParser parser = new PasteParser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "error: You must be logged in to the server (Unauthorized)|KubectlUnauthorized|the API server rejected "
                + "kubectl's credentials|az aks get-credentials --resource-group &lt;resource-group&gt; --name "
                + "&lt;cluster&gt; --overwrite-existing",
        "Unable to connect to the server: getting credentials: exec: executable kubelogin not found|"
                + "KubectlCredentialPluginFailed|kubectl's credential plugin (kubelogin) gave it no token|"
                + "az aks install-cli",
        "error: unable to forward port because pod is not running. Current status=Pending|PortForwardPodNotRunning|"
                + "the pod kubectl port-forward picked is not running|kubectl describe pod &lt;pod&gt;",
        "an error occurred forwarding 8080 -> 80: error forwarding port 80 to pod 1a2b, uid : exit status 1: "
                + "Connection refused|PortForwardToPodFailed|nothing in the pod answers on the forwarded port|"
                + "kubectl logs &lt;pod&gt;",
        "error: unable to listen on any of the requested ports: [{8080 80}]|PortForwardLocalListenFailed|"
                + "kubectl could not listen on the local port|lsof -i :&lt;local-port&gt;",
        "(BadRequest) Getting static credential is not allowed because this cluster is set to disable local accounts."
                + "|LocalAccountsDisabled|the cluster disables local accounts, so its admin credentials are refused|"
                + "kubelogin convert-kubeconfig -l azurecli",
        "The connection to the server localhost:8080 was refused - did you specify the right host or port?|"
                + "KubeconfigNotSet|kubectl is not pointed at an AKS cluster|kubectl config current-context",
    })
    void render_clientSideError_firstLineIsItsOwnCauseWithTheNextStep(String paste, String code, String cause,
            String command) {
        Diagnosis d = parser.parse(paste);
        assertEquals(code, d.errorCode(), d.summary());
        assertTrue(Playbook.clientSide(d), "no Azure checks planned: " + d.plan());
        SlackLimitsAssert.withinLimits(ClientSideAnswerRenderer.render(d));
        JsonArray blocks = SlackLimitsAssert.json(ClientSideAnswerRenderer.render(d));
        assertEquals(code, blocks.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString());
        JsonObject first = blocks.get(1).getAsJsonObject();
        assertEquals("likely_cause", first.get("block_id").getAsString());
        String text = first.getAsJsonObject("text").get("text").getAsString();
        assertTrue(text.startsWith(":rotating_light: *Likely cause — " + cause + "*"), text);
        assertTrue(text.contains("`" + command), text);
        assertTrue(text.contains("<" + d.docs().get(0).url() + "|"), text);
        assertEquals("AKS Doctor: " + code + ". Likely cause: " + cause + ".", ClientSideAnswerRenderer.fallbackText(d));
        String all = blocks.toString();
        assertTrue(all.contains("No Azure checks ran"), all);
        // The only buttons are the articles' links, so the text names no button.
        for (int i = 0; i < blocks.size(); i++) {
            JsonObject block = blocks.get(i).getAsJsonObject();
            if ("actions".equals(block.get("type").getAsString())) {
                assertEquals("docs", block.get("block_id").getAsString(), all);
                block.getAsJsonArray("elements").forEach(b -> assertTrue(b.getAsJsonObject().has("url"), all));
            }
        }
        assertFalse(text.toLowerCase().contains("button"), text);
    }

    @Test
    void render_unauthorizedForANamedCluster_putsOnlyValidatedNamesInTheCommands() {
        Diagnosis d = parser.parse("az aks get-credentials -g rg-dev -n aks-dev --subscription "
                + "0b1f6471-1bf0-4dda-aec3-cb9272f09590\nerror: You must be logged in to the server (Unauthorized)");
        assertEquals("KubectlUnauthorized", d.errorCode());
        String all = SlackLimitsAssert.json(ClientSideAnswerRenderer.render(d)).toString();
        String args = "--resource-group rg-dev --name aks-dev --subscription 0b1f6471-1bf0-4dda-aec3-cb9272f09590";
        assertTrue(all.contains("az aks get-credentials " + args + " --overwrite-existing"), all);
        assertTrue(all.contains("az aks show " + args + " --query"), all);
        assertTrue(all.contains("was not checked"), all);
    }
}
