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
}
