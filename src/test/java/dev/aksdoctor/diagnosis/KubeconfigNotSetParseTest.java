package dev.aksdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A client that dialled its own machine is not pointed at any cluster: no Azure check, whatever it says next. */
class KubeconfigNotSetParseTest {

    private final PasteParser parser = new PasteParser();

    @ParameterizedTest
    @ValueSource(strings = {
        "The connection to the server localhost:8080 was refused - did you specify the right host or port?",
        "Error: Kubernetes cluster unreachable: Get \"http://localhost:8080/version\": dial tcp [::1]:8080: connect: "
                + "connection refused",
        "Error: Post \"http://localhost/api/v1/namespaces\": dial tcp [::1]:80: connect: connection refused",
        "Error: Get \"http://localhost/api/v1/namespaces/x\": dial tcp 127.0.0.1:80: connect: connection refused",
        "Unable to connect to the server: dial tcp 127.0.0.1:6443: connectex: No connection could be made because the "
                + "target machine actively refused it.",
        "Unable to connect to the server: dial tcp 127.0.1.1:8080: i/o timeout",
        "Error: Kubernetes cluster unreachable: invalid configuration: no configuration has been provided, try setting "
                + "KUBERNETES_MASTER environment variable",
    })
    void parse_clientDialledItsOwnMachine_isKubeconfigNotSetWithNoAzureChecks(String paste) {
        Diagnosis d = parser.parse(paste);
        assertEquals("KubeconfigNotSet", d.errorCode(), d.summary());
        assertTrue(d.plan().isEmpty(), "plan " + d.plan());
        assertTrue(Playbook.clientSide(d));
        assertNull(d.apiServerIp());
        // Still a failed connection, classified like any client's: refused, timed out, or no dial at all.
        Subcategory expected = paste.contains("refused") ? Subcategory.CONNECTION_REFUSED
                : paste.contains("i/o timeout") ? Subcategory.CONNECTION_TIMED_OUT : Subcategory.UNKNOWN;
        assertEquals(expected, d.subcategory());
        assertTrue(d.summary().startsWith("KubeconfigNotSet: kubectl (or helm, terraform, client-go) is not pointed at "
                + "an AKS cluster"), d.summary());
        assertFalse(d.docs().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The connection to the server aks-dev-dns-1234abcd.hcp.eastus.azmk8s.io:443 was refused - did you specify the "
                + "right host or port?",
        "Unable to connect to the server: dial tcp 20.1.2.3:443: connect: connection refused",
        // 10.127.0.1 and 127.0.0.1 inside a longer name are not loopback
        "Unable to connect to the server: dial tcp 10.127.0.1:443: connect: connection refused",
        "The connection to the server localhost.corp.example.com:443 was refused - did you specify the right host or "
                + "port?",
        "Unable to connect to the server: dial tcp 127.0.0.1234:443: connect: connection refused",
        // a local HTTPS proxy that is down: kubectl was pointed at a cluster
        "Unable to connect to the server: proxyconnect tcp: dial tcp 127.0.0.1:8888: connect: connection refused",
    })
    void parse_refusedByAnotherServer_staysKubectlConnectionRefused(String paste) {
        Diagnosis d = parser.parse(paste);
        assertEquals("KubectlConnectionRefused", d.errorCode(), d.summary());
        assertFalse(d.plan().isEmpty());
        assertFalse(Playbook.clientSide(d));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "E0926 10:48:40.346646   76692 portforward.go:331] an error occurred forwarding 5010 -> 6000: error forwarding "
                + "port 6000 to pod 972bb, uid : failed to execute portforward in network namespace \"/var/run/netns/"
                + "cni-ae95\": socat command returns error: exit status 1, stderr: \"2019/09/26 05:18:40 socat[96552] E "
                + "connect(5, AF=2 127.0.0.1:6000, 16): Connection refused\\n\"",
        "E1105 19:11:16.188662  401772 portforward.go:413] an error occurred forwarding 3320 -> 3320: error forwarding "
                + "port 3320 to pod x, uid : failed to execute portforward in network namespace \"/var/run/netns/x\": "
                + "failed to connect to localhost:3320 inside namespace \"x\", IPv4: dial tcp4 127.0.0.1:3320: connect: "
                + "connection refused IPv6 dial tcp6: address localhost: no suitable address found",
        "kubectl port-forward svc/web 8080:80\nHandling connection for 8080\nUnable to connect to the server: dial tcp "
                + "127.0.0.1:80: connect: connection refused",
    })
    void parse_portForwardToAPodsLoopback_isNotKubeconfigNotSet(String paste) {
        assertNotEquals("KubeconfigNotSet", parser.parse(paste).errorCode());
    }

    @Test
    void parse_unauthorized_isCredentialsNotAMissingKubeconfig() {
        assertNotEquals("KubeconfigNotSet",
                parser.parse("error: You must be logged in to the server (Unauthorized)").errorCode());
    }

    @Test
    void parse_clusterNamedBeforeTheLoopbackDial_keepsTheClusterAndStaysClientSide() {
        Diagnosis d = parser.parse("az aks get-credentials --resource-group rg-dev --name aks-dev\n"
                + "Merged \"aks-dev\" as current context in /home/me/.kube/config\n"
                + "Error: Kubernetes cluster unreachable: Get \"http://localhost:8080/version\": dial tcp [::1]:8080: "
                + "connect: connection refused");
        assertEquals("KubeconfigNotSet", d.errorCode());
        assertEquals(new ClusterRef(null, "rg-dev", "aks-dev"), d.cluster());
        assertTrue(Playbook.clientSide(d), "plan " + d.plan());
    }

    @Test
    void parse_loopbackBesideAFailedCluster_keepsTheClusterErrorFirstAndItsChecks() {
        Diagnosis d = parser.parse("(QuotaExceeded) Operation could not be completed as it results in exceeding "
                + "approved Total Regional Cores quota.\nThe connection to the server localhost:8080 was refused - did "
                + "you specify the right host or port?");
        assertEquals("QuotaExceeded", d.errorCode());
        assertTrue(d.errors().stream().anyMatch(e -> "KubeconfigNotSet".equals(e.code())), d.errors().toString());
        assertFalse(Playbook.clientSide(d));
    }

    @Test
    void firstServerIsLoopback_readsTheFirstServerNamedOnly() {
        assertTrue(LoopbackDial.firstServerIsLoopback(":get\"http://localhost:8080/api\":dialtcp[::1]:8080:connect"));
        assertFalse(LoopbackDial.firstServerIsLoopback("dialtcp20.1.2.3:443:i/otimeout...dialtcp127.0.0.1:80"));
        assertFalse(LoopbackDial.firstServerIsLoopback("dialtcp:lookuplocalhoston10.0.0.10:53:nosuchhost"));
        assertFalse(LoopbackDial.firstServerIsLoopback("dialtcp4127.0.0.1:3320:connect:connectionrefused"));
        assertFalse(LoopbackDial.firstServerIsLoopback("http://localhost:8080/api"));
    }
}
