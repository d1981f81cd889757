package dev.aksdoctor.diagnosis;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells how a connection failed, from the RP's diagnostic sentence or the raw curl/nc/.NET/Go output (seed 001's
 * table, plus DNS). Lines about hosts other than the API server are ignored when the failure is about the API
 * server. The most specific evidence wins: a certificate problem is also a TLS failure, a refused or unroutable
 * connection is more telling than a timeout that a retry loop printed earlier.
 */
final class SubcategoryClassifier {

    private static final int MAX_HITS = 4000;
    private static final List<Subcategory> PRIORITY = List.of(Subcategory.CERTIFICATE_PROBLEM,
            Subcategory.TLS_HANDSHAKE_FAILED, Subcategory.CONNECTION_REFUSED, Subcategory.NO_ROUTE_TO_HOST,
            Subcategory.CONNECTION_TIMED_OUT, Subcategory.DNS_LOOKUP_FAILED);
    private static final PhraseTrie<Subcategory> KEYWORDS = keywords();

    Subcategory classify(NormalizedPaste paste, boolean aboutApiServer) {
        Set<Subcategory> found = EnumSet.noneOf(Subcategory.class);
        for (PhraseTrie.Hit<Subcategory> hit : KEYWORDS.find(paste.squeezed().text(), MAX_HITS)) {
            if (found.contains(hit.value())) {
                continue;
            }
            if (!aboutApiServer || !NonApiHosts.mentionedIn(
                    NonApiHosts.lineBefore(paste.lower(), paste.squeezed().origin(hit.start()), 200))) {
                found.add(hit.value());
            }
        }
        if (lookupFailed(paste.squeezed().text())) {
            // The dial never reached TCP: a timeout or refusal printed after it is the resolver's, not the server's.
            found.remove(Subcategory.CONNECTION_TIMED_OUT);
            found.remove(Subcategory.CONNECTION_REFUSED);
            found.add(Subcategory.DNS_LOOKUP_FAILED);
        }
        for (Subcategory s : PRIORITY) {
            if (found.contains(s)) {
                return s;
            }
        }
        return Subcategory.UNKNOWN;
    }

    /** Go's {@code dial tcp: lookup <name> on <resolver>:53: …}: the failure is in name resolution. */
    private static boolean lookupFailed(String squeezed) {
        int at = squeezed.indexOf("dialtcp:lookup");
        return at >= 0 && squeezed.indexOf(":53:", at) > at && squeezed.indexOf(":53:", at) - at < 400;
    }

    private static PhraseTrie<Subcategory> keywords() {
        Map<String, Subcategory> k = new HashMap<>();
        List.of("certificatenamemismatch", "certificateverificationfailed", "sslcertificateproblem", "curl:(60)",
                "x509:", "certificatesignedbyunknownauthority", "selfsignedcertificateincertificatechain",
                "self-signedcertificateincertificatechain", "certificateverifyfailed", "remotecertificateisinvalid",
                "certificatehasexpired").forEach(w -> k.put(w, Subcategory.CERTIFICATE_PROBLEM));
        List.of("tlshandshakefailed", "tlshandshaketimeout", "curl:(35)", "unexpectedeofwhilereading",
                "connectionresetbypeer", "sslhandshakefailed", "handshakefailure", "tlshandshakeerror",
                "gnutls_handshake()failed", "ssl_error_syscall", "tlsconnectionwasnon-properlyterminated")
                .forEach(w -> k.put(w, Subcategory.TLS_HANDSHAKE_FAILED));
        List.of("connectionrefused", "activelyrefused", "wasrefused-didyouspecifytherighthost").forEach(w -> k.put(w, Subcategory.CONNECTION_REFUSED));
        List.of("noroutetohost", "networkisunreachable", "hostisunreachable", "unreachablenetwork",
                "unreachablehost").forEach(w -> k.put(w, Subcategory.NO_ROUTE_TO_HOST));
        // The CSE's xtrace of its retry loop, "timeout 10 nc -vz <host> 443" then "'[' 124 -eq 0 ']'": 124 is the
        // status of timeout(1) when the command it wrapped ran out of time.
        List.of("connectiontimedout", "i/otimeout", "operationtimedout", "curl:(28)", "didnotproperlyrespond",
                "timedoutwhileconnecting", "'['124-eq0']'",
                "client.timeoutexceeded", "contextdeadlineexceeded").forEach(w -> k.put(w, Subcategory.CONNECTION_TIMED_OUT));
        List.of("nosuchhost", "couldnotresolvehost", "curl:(6)", "nxdomain", "servfail", "nameorservicenotknown",
                "temporaryfailureinnameresolution", "can'tfind", "unabletoresolvekubernetesapiservername",
                "dnslookupfail", "theremotenamecouldnotberesolved").forEach(w -> k.put(w, Subcategory.DNS_LOOKUP_FAILED));
        return new PhraseTrie<>(k);
    }
}
