package dev.aksdoctor.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.investigation.SecretRedactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15 item 6: every secret shape reported (and those the README lists) is redacted, in each escaping the
 * parser undoes: as typed, JSON-escaped once and twice, and as Slack formats a message (entities, typographic
 * quotes, wrapped links). What the secret belongs to (the flag, the field) stays readable.
 */
class SecretRedactionCorpusTest {

    /** A paste, the secret in it, and a piece of context that must survive. */
    record Sample(String shape, String paste, String secret, String kept) {
    }

    static final List<Sample> CORPUS = List.of(
            new Sample("az --password quoted", "az login --service-principal -u http://aks-sp --password 'Hunter2!Sp' --tenant contoso.onmicrosoft.com",
                    "Hunter2!Sp", "--password"),
            new Sample("az --password double quoted", "az login --service-principal -u app --password \"Xy9#secretval\" --tenant t",
                    "Xy9#secretval", "--tenant"),
            new Sample("az -p quoted", "az login --service-principal -u 0f1e2d3c -p 'pQ8~vS3.x_Kz' --tenant 72f988bf",
                    "pQ8~vS3.x_Kz", "--tenant 72f988bf"),
            new Sample("az -p bare", "az login --service-principal -u 0f1e2d3c -p pQ8vS3xKzMn --tenant 72f988bf",
                    "pQ8vS3xKzMn", "--tenant 72f988bf"),
            new Sample("az --client-secret", "az aks update-credentials -g rg -n aks1 --reset-service-principal "
                    + "--service-principal 0f1e --client-secret Qw8Q~abcDEF.ghi_JKL123", "Qw8Q~abcDEF.ghi_JKL123", "--client-secret"),
            new Sample("--password=", "az login --service-principal -u app --password=hunter2secret", "hunter2secret", "az login"),
            new Sample("Slack app token", "SLACK_APP_TOKEN=xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef",
                    "xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef", "SLACK_APP_TOKEN"),
            new Sample("Slack bot token", "posted with xoxb-123456789012-abcdefghijkl", "xoxb-123456789012-abcdefghijkl",
                    "posted with"),
            new Sample("kubeconfig token", "users:\n- name: clusterUser_rg_aks1\n  user:\n    token: 3f9a0c2b7e1d4f6a8b0c2d4e6f8a0b1c\n",
                    "3f9a0c2b7e1d4f6a8b0c2d4e6f8a0b1c", "clusterUser_rg_aks1"),
            new Sample("kubeconfig client-key-data", "  user:\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVB\n",
                    "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVB", "client-key-data"),
            new Sample("kubeconfig client-certificate-data", "    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUU2\n"
                    + "    certificate-authority-data: LS0tQ0FwdWJsaWM=\n",
                    "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUU2", "certificate-authority-data: LS0tQ0FwdWJsaWM="),
            new Sample("kubectl --from-literal", "kubectl create secret generic db --from-literal=username=app "
                    + "--from-literal=password=S3cr3tDbPass", "S3cr3tDbPass", "--from-literal=password="),
            new Sample("proxy URL credentials", "HTTPS_PROXY=http://svc-proxy:Pr0xyPa55@proxy.contoso.com:3128 curl: (56) "
                    + "CONNECT tunnel failed", "Pr0xyPa55", "proxy.contoso.com:3128"),
            new Sample("https proxy URL", "\"httpProxyConfig\": {\"httpsProxy\": \"https://user1:N0tS0Secret@10.0.0.4:8443/\"}",
                    "N0tS0Secret", "10.0.0.4:8443"),
            new Sample("GitHub token", "git clone https://github.com/contoso/infra failed; GH_TOKEN ghp_16C7e42F292c6912E7710c838347Ae178B4a set",
                    "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "git clone"),
            new Sample("GitHub fine-grained token", "token github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEF used",
                    "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEF", "used"),
            new Sample("AWS secret key (ini)", "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                    + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                    "aws_secret_access_key"),
            new Sample("AWS secret key (configure set)", "aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws configure set"),
            new Sample("AWS access key id", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE", "aws_access_key_id"),
            new Sample("SAS signature", "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sig=Zm9vYmFyMTIzNDU2Nzg5MA%3D&se=2026",
                    "Zm9vYmFyMTIzNDU2Nzg5MA", "acct.blob.core.windows.net"),
            new Sample("bearer token", "Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.abc", "eyJ0eXAiOiJKV1QiLCJhbGciOi",
                    "Authorization"),
            new Sample("client_secret field", "{\"client_id\": \"0f1e\", \"client_secret\": \"s3cr3t-Value_123\"}",
                    "s3cr3t-Value_123", "client_id"),
            new Sample("password= field", "exit status=51 password=hunter2secret while joining", "hunter2secret", "exit status=51"),
            new Sample("storage account key", "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=a2V5a2V5a2V5a2V5==;EndpointSuffix=core",
                    "a2V5a2V5a2V5a2V5", "AccountName=x"),
            new Sample("private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn\n-----END RSA PRIVATE KEY-----",
                    "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn", "PRIVATE KEY"),
            new Sample("JWT", "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyMTIzIn0.c2lnbmF0dXJlMTIz in the log",
                    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyMTIzIn0.c2lnbmF0dXJlMTIz", "in the log"));

    static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** As a Slack message event carries the text: entities, "smart" quotes, and links in angle brackets. */
    static String slackFormatted(String s) {
        String quoted = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("'([^'\\n]*)'", "\u2018$1\u2019").replaceAll("\"([^\"\\n]*)\"", "\u201C$1\u201D");
        return quoted.replaceAll("(https?://[^\\s\u201D]+)", "<$1|$1>");
    }

    static Stream<Arguments> corpusInEveryEscaping() {
        List<Arguments> cases = new ArrayList<>();
        List<UnaryOperator<String>> escapings = List.of(s -> s, SecretRedactionCorpusTest::jsonEscaped,
                s -> jsonEscaped(jsonEscaped(s)), SecretRedactionCorpusTest::slackFormatted);
        List<String> names = List.of("as typed", "JSON-escaped once", "JSON-escaped twice", "Slack-formatted");
        for (Sample sample : CORPUS) {
            for (int i = 0; i < escapings.size(); i++) {
                cases.add(Arguments.of(sample.shape() + ", " + names.get(i), escapings.get(i).apply(sample.paste()),
                        sample.secret()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusInEveryEscaping")
    void secret_inAnyEscaping_redacted(String name, String paste, String secret) {
        String redacted = SecretRedactor.redact(paste);

        assertFalse(redacted.contains(secret), () -> name + ": " + redacted);
        assertTrue(redacted.contains(SecretRedactor.MASK), () -> name + ": " + redacted);
    }

    @Test
    void context_aroundTheSecret_staysReadable() {
        for (Sample sample : CORPUS) {
            String redacted = SecretRedactor.redact(sample.paste());
            assertTrue(redacted.contains(sample.kept()), () -> sample.shape() + ": " + redacted);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "(VMExtensionError_K8SAPIServerConnFail) Node 10.0.2.10 could not reach 98.67.228.23:443. exit status=51",
            "The signature of the design was basic; a password policy blocked nothing.",
            "kubectl get nodes: Unable to connect to the server: dial tcp 20.61.1.10:443: i/o timeout",
            "failed to get token: AADSTS700016 application not found; tokenType: Bearer",
            "ssh -p 2222 azureuser@10.240.0.4 failed: Connection timed out",
            "\"passwordProfile\": {\"secretName\": \"kv-aks-sp\", \"keyVaultUrl\": \"https://kv.vault.azure.net\"}",
            "Knoten • aks-nodepool1-12345678-vmss000004 — exit status=51 ✓",
    })
    void pasteWithoutSecrets_unchanged(String paste) {
        assertEquals(paste, SecretRedactor.redact(paste));
    }

    @Test
    void hostileMegabyte_redactedQuickly() {
        String hostile = "password=".repeat(20_000) + "--password ".repeat(20_000) + "az -p ".repeat(30_000)
                + "a:b@".repeat(50_000) + "token: ".repeat(20_000) + "http://a:".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SecretRedactor.redact(hostile));
    }
}
