package dev.aksdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which client-side errors read the cluster's credential settings once the cluster is known. */
class PlaybookWithKnownClusterTest {

    private final PasteParser parser = new PasteParser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "error: You must be logged in to the server (Unauthorized)|cluster-credentials",
        "(BadRequest) Getting static credential is not allowed because this cluster is set to disable local accounts."
                + "|cluster-credentials",
        // kubelogin gave no token: no request reached the cluster, so nothing it accepts explains it.
        "Unable to connect to the server: getting credentials: exec: executable kubelogin not found|",
        "error: unable to forward port because pod is not running. Current status=Pending|",
        "The connection to the server localhost:8080 was refused - did you specify the right host or port?|",
    })
    void withKnownCluster_readsCredentialsOnlyForRejectedRequests(String paste, String expected) {
        Diagnosis d = parser.parse(paste);
        List<String> plan = Playbook.withKnownCluster(d).stream().map(CheckId::id).toList();
        assertEquals(expected == null ? List.of() : List.of(expected), plan, d.errorCode());
    }
}
