package dev.aksdoctor.check;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.HttpProxyFacts;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Subcategory;
import dev.aksdoctor.network.ProxyRouting;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The cluster's {@code httpProxyConfig}: whether API server traffic goes through the proxy, and its trusted CA. */
@ApplicationScoped
public class HttpProxyCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.HTTP_PROXY;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        HttpProxyFacts proxy = c.httpProxy();
        if (proxy == null || !proxy.configured()) {
            return Findings.pass(id(), "No HTTP proxy is configured on the cluster",
                    List.of(Evidence.of("httpProxyConfig not set", c.id())), Docs.HTTP_PROXY);
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("httpsProxy " + redact(proxy.httpsProxy()) + ", httpProxy " + redact(proxy.httpProxy())
                + ", noProxy " + String.join(", ", proxy.noProxy()) + ", trustedCa "
                + (proxy.trustedCaPresent() ? "set" : "not set"), c.id()));
        String host = c.privateCluster() && c.privateFqdn() != null ? c.privateFqdn() : c.fqdn();
        boolean bypassed = host != null && new ProxyRouting(proxy.httpProxy(), proxy.httpsProxy(), proxy.noProxy())
                .bypasses(host);
        if (bypassed) {
            return Findings.pass(id(), "API server traffic bypasses the proxy (noProxy covers " + host + ")", evidence,
                    Docs.HTTP_PROXY);
        }
        Subcategory sub = context.diagnosis().subcategory();
        boolean tlsProblem = sub == Subcategory.TLS_HANDSHAKE_FAILED || sub == Subcategory.CERTIFICATE_PROBLEM;
        if (tlsProblem && !proxy.trustedCaPresent()) {
            return Findings.fail(id(), "API server traffic goes through the proxy, which has no trusted CA configured",
                    evidence, "A proxy that intercepts TLS breaks the handshake: add " + host + " (or ."
                            + c.location() + ".azmk8s.io) to noProxy, or set the proxy's CA as trustedCa.",
                    Docs.HTTP_PROXY, Findings.action(NextAction.RUN_NODE_PROBE));
        }
        return Findings.warn(id(), "API server traffic goes through the proxy " + redact(proxy.httpsProxy()), evidence,
                "The proxy must allow CONNECT to " + host + ":443 without inspecting it; otherwise add it to noProxy.",
                Docs.HTTP_PROXY, Findings.action(NextAction.RUN_NODE_PROBE));
    }

    /** Proxy URLs may carry credentials; they never reach a reply. */
    static String redact(String url) {
        if (url == null) {
            return "(none)";
        }
        return url.replaceAll("(?<=://)[^/@]*@", "***@");
    }
}
