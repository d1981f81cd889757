package dev.aksdoctor.check;

import dev.aksdoctor.network.ProxyTarget;
import dev.aksdoctor.network.RequiredEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The required endpoints outside the VNet (private-link ones left out), split by where their traffic goes: direct,
 * or to a proxy (in the order the endpoints list them).
 */
record OutboundDestinations(List<RequiredEndpoint> direct, Map<ProxyTarget, List<RequiredEndpoint>> proxied) {
    OutboundDestinations {
        direct = List.copyOf(direct);
        proxied = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(proxied));
    }
}
