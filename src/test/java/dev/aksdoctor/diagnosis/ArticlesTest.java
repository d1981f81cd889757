package dev.aksdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One URL per article: the table has each article once, and every catalog link is one of its articles. */
class ArticlesTest {

    @Test
    void table_hasEachUrlAndEachTitleOnce_andNoLocale() {
        Set<String> urls = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Articles.Article a : Articles.all()) {
            assertTrue(urls.add(a.url().toLowerCase()), "twice: " + a.url());
            assertTrue(titles.add(a.title()), "two URLs for \"" + a.title() + "\"");
            assertFalse(a.url().matches("https://(learn|docs)\\.microsoft\\.com/[a-z]{2}-[a-z]{2}/.*"), a.url());
            assertFalse(a.url().contains("#"), "the table keys articles, not sections: " + a.url());
        }
    }

    @Test
    void everyCatalogLink_isAnArticleOfTheTable() {
        List<DocLink> links = new ArrayList<>();
        KnowledgeCatalog catalog = KnowledgeCatalog.defaultCatalog();
        catalog.cseCodes().forEach(e -> links.addAll(e.docs()));
        for (String code : List.of("QuotaExceeded", "RequestDisallowedByPolicy", "ScopeLocked", "SubnetIsFull",
                "SkuNotAvailable", "VMExtensionProvisioningTimeout", "PodDrainFailure", "ClusterFailedState",
                "KubectlDialTimeout", "PodIpAllocationFailed", "InvalidResourceReference")) {
            catalog.error(code).ifPresent(e -> links.addAll(e.docs()));
        }
        assertTrue(links.size() > 100, "the catalogs were read: " + links.size());
        for (DocLink d : links) {
            Articles.Article a = Articles.find(d.url()).orElseThrow(() -> new AssertionError("not in the table: " + d));
            assertEquals(a.url(), d.url().split("#", 2)[0], "one URL for " + a.title());
            assertEquals(a.title(), d.title());
        }
    }

    @Test
    void aliasesAndLocales_becomeTheArticlesOneUrl() {
        DocLink old = new DocLink("anything", "https://learn.microsoft.com/en-us/troubleshoot/azure/azure-kubernetes/"
                + "create-upgrade-delete/error-code-k8sapiserverconnfailvmextensionerror");
        assertEquals("https://aka.ms/aks/vmextensionerror_k8sapiserverconnfail", old.url());
        assertEquals("Troubleshoot VMExtensionError_K8SAPIServerConnFail (51)", old.title());
        DocLink anchored = new DocLink("x", "https://aka.ms/aks/private-cluster#hub-and-spoke-with-custom-dns");
        assertEquals("https://learn.microsoft.com/azure/aks/private-clusters#hub-and-spoke-with-custom-dns", anchored.url());
    }
}
