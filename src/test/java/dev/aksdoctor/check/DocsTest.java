package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DocsTest {

    @Test
    void outboundRulesDoc_isTheAksEgressArticle() {
        assertEquals("Outbound network and FQDN rules for AKS clusters", Docs.OUTBOUND_RULES.title());
        assertTrue(Docs.OUTBOUND_RULES.url().endsWith("/azure/aks/outbound-rules-control-egress"));
    }

    @Test
    void everyFindingLink_isAnArticleOfTheOneTable() throws IllegalAccessException {
        int n = 0;
        for (java.lang.reflect.Field f : Docs.class.getDeclaredFields()) {
            if (f.getType() == dev.aksdoctor.diagnosis.DocLink.class) {
                dev.aksdoctor.diagnosis.DocLink d = (dev.aksdoctor.diagnosis.DocLink) f.get(null);
                assertTrue(dev.aksdoctor.diagnosis.Articles.find(d.url()).isPresent(), f.getName() + " " + d.url());
                n++;
            }
        }
        assertTrue(n > 20, "Docs was read: " + n);
    }
}
