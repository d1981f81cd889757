package dev.aksdoctor.investigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRedactorTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " | ", value = {
            "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sig=Zm9vYmFyMTIzNDU2Nzg5MA%3D&se=2026 | Zm9vYmFyMTIzNDU2Nzg5MA",
            "BlobEndpoint=https://x;SIG=AbCdEfGh123456 | AbCdEfGh123456",
            "Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.abc | eyJ0eXAiOiJKV1QiLCJhbGciOi",
            "authorization: BASIC dXNlcjpodW50ZXIy | dXNlcjpodW50ZXIy",
            "{\"client_secret\": \"s3cr3t-Value_123\"} | s3cr3t-Value_123",
            "{\\\"clientSecret\\\":\\\"escapedSecret99\\\"} | escapedSecret99",
            "az login --service-principal -u app --password=hunter2secret | hunter2secret",
            "PWD: Pa55w0rdValue | Pa55w0rdValue",
            "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=a2V5a2V5a2V5a2V5==;EndpointSuffix=core | a2V5a2V5a2V5a2V5",
            "Endpoint=sb://x/;SharedAccessKeyName=root;SharedAccessKey=c2hhcmVka2V5c2hhcmVk | c2hhcmVka2V5c2hhcmVk",
            "refresh_token=0.ARrefreshtokenvalue | 0.ARrefreshtokenvalue",
            "API-KEY: 1234567890abcdef | 1234567890abcdef",
            "posted with xoxb-123456789012-abcdefghijkl | xoxb-123456789012-abcdefghijkl",
            "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyMTIzIn0.c2lnbmF0dXJlMTIz in the log | eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyMTIzIn0.c2lnbmF0dXJlMTIz",
    })
    void redactsTheSecretAndKeepsItsName(String paste, String secret) {
        String redacted = SecretRedactor.redact(paste);

        assertFalse(redacted.contains(secret), redacted);
        assertTrue(redacted.contains(SecretRedactor.MASK), redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn\n-----END RSA PRIVATE KEY-----",
            "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC (cut off here",
    })
    void redactsPrivateKeysWholeEvenWhenCutOff(String paste) {
        String redacted = SecretRedactor.redact(paste);

        assertFalse(redacted.contains("MII"), redacted);
        assertTrue(redacted.contains("PRIVATE KEY-----" + SecretRedactor.MASK), redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "(VMExtensionError_K8SAPIServerConnFail) Node 10.0.2.10 could not reach 98.67.228.23:443. exit status=51",
            "The signature of the design was basic; a password policy blocked nothing.",
            "Knoten • aks-nodepool1-12345678-vmss000004 — exit status=51 ✓",
            "",
    })
    void leavesPastesWithoutSecretsAlone(String paste) {
        assertEquals(paste, SecretRedactor.redact(paste));
    }
}
