package dev.aksdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnowledgeCatalogTest {

    private final KnowledgeCatalog catalog = KnowledgeCatalog.defaultCatalog();

    @Test
    void cseCodes_everyLinuxAndWindowsCodeOfTheReference_isInTheCatalog() {
        long linux = catalog.cseCodes().stream().filter(e -> e.os() == OsType.LINUX).count();
        long windows = catalog.cseCodes().stream().filter(e -> e.os() == OsType.WINDOWS).count();
        // cse_helpers.sh @ 06836ee: 128 active + 2 deprecated constants, plus the bare timeout 124.
        assertEquals(131, linux);
        // windowscsehelper.ps1: codes 1..84 (0 is success, 85 the test-only sentinel).
        assertEquals(84, windows);
        IntStream.rangeClosed(1, 84).forEach(code -> assertTrue(catalog.cse(OsType.WINDOWS, code).isPresent(),
                "windows " + code));
    }

    @Test
    void cse_sameNumberOnLinuxAndWindows_areDifferentErrors() {
        for (int code : new int[] {5, 50, 51, 52, 53, 65}) {
            assertNotEquals(catalog.cse(OsType.LINUX, code).orElseThrow().code(),
                    catalog.cse(OsType.WINDOWS, code).orElseThrow().code(), "code " + code);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "linux,51,VMExtensionError_K8SAPIServerConnFail,ERR_K8S_API_SERVER_CONN_FAIL,api",
        "linux,52,VMExtensionError_K8SAPIServerDNSLookupFail,ERR_K8S_API_SERVER_DNS_LOOKUP_FAIL,dns",
        "linux,53,K8SAPIServerAzureDNSLookupFailVMExtensionError,ERR_K8S_API_SERVER_AZURE_DNS_LOOKUP_FAIL,dns",
        "linux,50,VMExtensionError_OutboundConnFail,ERR_OUTBOUND_CONN_FAIL,outbound",
        "linux,41,VMExtensionError_CniDownloadTimeout,ERR_CNI_DOWNLOAD_TIMEOUT,outbound",
        "linux,65,VMExtensionError_VHDFileNotFound,ERR_VHD_FILE_NOT_FOUND,outbound",
        "linux,211,OrasPullNetworkTimeoutVMExtensionError,ERR_ORAS_PULL_NETWORK_TIMEOUT,outbound",
        "linux,10,ERR_MISSING_CUDA_PACKAGE,ERR_MISSING_CUDA_PACKAGE,generic",
        "linux,243,ERR_SECONDARY_NIC_CONFIG_FAIL,ERR_SECONDARY_NIC_CONFIG_FAIL,generic",
        "windows,5,WINDOWS_CSE_ERROR_CHECK_API_SERVER_CONNECTIVITY,WINDOWS_CSE_ERROR_CHECK_API_SERVER_CONNECTIVITY,api",
        "windows,84,WINDOWS_CSE_ERROR_ORAS_PULL_CONTAINERD,WINDOWS_CSE_ERROR_ORAS_PULL_CONTAINERD,outbound",
    })
    void cse_knownCode_hasCanonicalNameConstantAndPlaybook(String os, int code, String canonical, String constant,
            String playbook) {
        KnownError e = catalog.cse("windows".equals(os) ? OsType.WINDOWS : OsType.LINUX, code).orElseThrow();
        assertEquals(canonical, e.code());
        assertEquals(constant, e.constant());
        assertEquals(playbook, e.playbook());
    }

    @ParameterizedTest
    @CsvSource({
        "K8SAPIServerConnFailVMExtensionError,51", "VMExtensionError_OutBoundConnFail,50",
        "OutboundConnFailVMExtensionError,50", "CniDownloadTimeoutVMExtensionError,41",
        "K8SAPIServerDNSLookupFailVMExtensionError,52", "ERR_K8S_API_SERVER_AZURE_DNS_LOOKUP_FAIL,53",
        "AptUpdateTimeoutVMExtensionError,99", "VMExtensionError_K8SDownloadTimeout,31",
    })
    void phrases_everySpellingOfAnRpName_mapsToItsLinuxCode(String name, int code) {
        KnownError e = catalog.phrases().get(SqueezedText.squeeze(name));
        assertEquals(Integer.valueOf(code), e.exitCode(), name);
        assertEquals(OsType.LINUX, e.os(), name);
    }

    @Test
    void phrases_staleLegacyEtcdName_isNotMapped() {
        assertFalse(catalog.phrases().containsKey(SqueezedText.squeeze("EtcdDataDirNotFoundVMExtensionError")));
    }

    @Test
    void everyEntry_hasMeaningHttpsDocsAndARunnablePlaybook() {
        catalog.cseCodes().forEach(this::assertComplete);
        catalog.phrases().values().forEach(this::assertComplete);
    }

    @ParameterizedTest
    @CsvSource({
        "CreateVMSSAgentPoolFailed,true,cse", "ReconcileVMSSAgentPoolFailed,true,cse",
        "TemplateDeploymentTimedoutError,true,outbound", "NodesNotReady,true,cse",
        "AzureCNIOnlyForWindows,false,validation", "InsufficientVCPUQuota,false,quota", "AKSCapacityError,false,sku",
        "UnsatisfiablePDB,false,drain", "LinkedAuthorizationFailed,false,identity",
        "CustomPrivateDNSZoneMissingPermissionError,false,dns-zone", "SubscriptionRequestsThrottled,false,throttling",
    })
    void error_rpCatalogCode_hasItsFamilyAndWrapperLevel(String code, boolean wrapper, String family) {
        KnownError e = catalog.error(code).orElseThrow(() -> new AssertionError(code + " not in the catalog"));
        assertEquals(wrapper, e.wrapper(), code);
        assertEquals(family, e.playbook(), code);
    }

    @Test
    void errors_rpCatalogValidationCodes_sayWhichSettingToChange() {
        // A validation error is refused as sent; the answer is the setting, so its meaning must name one.
        catalog.errors().stream().filter(e -> "validation".equals(e.playbook()))
                .forEach(e -> assertTrue(e.meaning().matches(".*(--|: |rename|pick|set|choose|change).*"),
                        e.code() + ": " + e.meaning()));
    }

    private void assertComplete(KnownError e) {
        assertFalse(e.meaning().isBlank(), e.code());
        assertFalse(e.docs().isEmpty(), e.code());
        e.docs().forEach(d -> assertTrue(d.url().startsWith("https://"), d.url()));
        for (Subcategory s : Subcategory.values()) {
            // Only the client's own configuration has nothing in Azure to check.
            assertEquals(Playbook.CLIENT_SIDE.contains(e.playbook()), Playbook.checks(e, s).isEmpty(), e.code() + " " + s);
        }
    }

    @Test
    void errors_clientSidePlaybooks_holdOnlyErrorsWhoseAnswerIsWritten() {
        // A new client-side error needs its own answer in reply/ClientSideAnswerRenderer (the kubeconfig one is the
        // default there, and speaks of a client not pointed at any cluster).
        assertEquals(Set.of("KubectlUnauthorized", "KubectlCredentialPluginFailed", "PortForwardPodNotRunning",
                "PortForwardToPodFailed", "PortForwardLocalListenFailed", "KubeconfigNotSet", "LocalAccountsDisabled"), catalog.errors().stream()
                .filter(e -> Playbook.CLIENT_SIDE.contains(e.playbook())).map(KnownError::code)
                .collect(Collectors.toSet()));
    }
}
