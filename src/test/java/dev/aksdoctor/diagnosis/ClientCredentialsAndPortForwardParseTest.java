package dev.aksdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kubectl's credentials refused or never obtained, and port-forwards that the pod or the local port refused: each is
 * answered on the client's side, with no Azure check and no connection subcategory.
 */
class ClientCredentialsAndPortForwardParseTest {

    private final PasteParser parser = new PasteParser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "error: You must be logged in to the server (Unauthorized)|KubectlUnauthorized",
        "error: You must be logged in to the server (the server has asked for the client to provide credentials (get "
                + "pods))|KubectlUnauthorized",
        "Error: Kubernetes cluster unreachable: Unauthorized|KubectlUnauthorized",
        "E1127 10:01:02.123456 4242 memcache.go:265] couldn't get current server API group list: the server has asked "
                + "for the client to provide credentials|KubectlUnauthorized",
        "Unable to connect to the server: getting credentials: exec: executable kubelogin not found|"
                + "KubectlCredentialPluginFailed",
        "Error: failed to authenticate: DeviceCodeCredential: context deadline exceeded\\nUnable to connect to the "
                + "server: getting credentials: exec: executable kubelogin failed with exit code 1|"
                + "KubectlCredentialPluginFailed",
        "E0905 19:28:21.243559 1104 azure.go:126] Failed to acquire a token: acquiring a new fresh token: waiting for "
                + "device code authentication to complete: autorest/adal/devicetoken: Error while retrieving OAuth "
                + "token: Unknown Error|KubectlCredentialPluginFailed",
        "$ az aks get-credentials --resource-group rg1 --name aks1 --admin\\n(BadRequest) Getting static credential is"
                + " not allowed because this cluster is set to disable local accounts.\\nCode: BadRequest|"
                + "LocalAccountsDisabled",
        "error: unable to forward port because pod is not running. Current status=Pending|PortForwardPodNotRunning",
        "E1111 09:00:00.000000 1 portforward.go:400] an error occurred forwarding 8080 -> 80: error forwarding port 80 "
                + "to pod 1a2b, uid : exit status 1: 2024/11/11 09:00:00 socat[1] E connect(5, AF=2 127.0.0.1:80, 16):"
                + " Connection refused|PortForwardToPodFailed",
        "Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create "
                + "listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use]\\nerror: unable to listen"
                + " on any of the requested ports: [{8080 80}]|PortForwardLocalListenFailed",
    })
    void parse_clientSideError_isRecognisedWithNoAzureChecks(String line, String code) {
        Diagnosis d = parser.parse(line.replace("\\n", "\n"));
        assertEquals(code, d.errorCode(), d.summary());
        assertEquals(1, d.errors().size(), d.summary());
        assertTrue(d.plan().isEmpty(), "plan " + d.plan());
        assertTrue(Playbook.clientSide(d));
        // Not a failed connection to the API server: no subcategory, even when a pod refused inside the node.
        assertNull(d.subcategory());
        assertNull(d.apiServerIp());
        assertTrue(d.summary().startsWith(code + ": "), d.summary());
        assertTrue(!d.docs().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "error: unknown flag: --overwrite-existing",
        "Error from server (Forbidden): pods is forbidden: User \"dev@contoso.com\" cannot list resource \"pods\"",
        "unauthorized: authentication required",
        "Error response from daemon: Get \"https://myacr.azurecr.io/v2/\": unauthorized: authentication required",
    })
    void parse_otherAuthOrFlagErrors_areNotKubectlUnauthorized(String paste) {
        Diagnosis d = parser.parse(paste);
        assertNotEquals("KubectlUnauthorized", d.errorCode(), d.summary());
        assertNotEquals("KubectlCredentialPluginFailed", d.errorCode(), d.summary());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Unable to connect to the server: dial tcp 20.1.2.3:443: i/o timeout",
        "kubectl port-forward svc/web 8080:80\nUnable to connect to the server: dial tcp 20.1.2.3:443: i/o timeout",
    })
    void parse_portForwardThatNeverReachedTheApiServer_staysAnAzureInvestigation(String paste) {
        Diagnosis d = parser.parse(paste);
        assertEquals("KubectlDialTimeout", d.errorCode(), d.summary());
        assertTrue(!d.plan().isEmpty());
    }
}
