package dev.aksdoctor.diagnosis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells how a connection failed, from the RP's diagnostic sentence or the raw curl/nc/.NET/Go output (seed 001's
 * table, plus DNS). Lines about hosts other than the API server are ignored when the failure is about the API
 * server. The most specific evidence wins: a certificate problem is also a TLS failure, a refused or unroutable
 * connection is more telling than a timeout that a retry loop printed earlier.
 */
final class SubcategoryClassifier {

    private static final int MAX_OCCURRENCES = 32;
    private static final Map<Subcategory, List<String>> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put(Subcategory.CERTIFICATE_PROBLEM, List.of("certificatenamemismatch",
                "certificateverificationfailed", "sslcertificateproblem", "curl:(60)", "x509:",
                "certificatesignedbyunknownauthority", "selfsignedcertificateincertificatechain",
                "certificateverifyfailed", "remotecertificateisinvalid", "certificatehasexpired"));
        KEYWORDS.put(Subcategory.TLS_HANDSHAKE_FAILED, List.of("tlshandshakefailed", "tlshandshaketimeout",
                "curl:(35)", "unexpectedeofwhilereading", "connectionresetbypeer", "sslhandshakefailed",
                "handshakefailure", "tlshandshakeerror"));
        KEYWORDS.put(Subcategory.CONNECTION_REFUSED, List.of("connectionrefused", "activelyrefused"));
        KEYWORDS.put(Subcategory.NO_ROUTE_TO_HOST, List.of("noroutetohost", "networkisunreachable",
                "hostisunreachable", "unreachablenetwork", "unreachablehost"));
        KEYWORDS.put(Subcategory.CONNECTION_TIMED_OUT, List.of("connectiontimedout", "i/otimeout",
                "operationtimedout", "curl:(28)", "didnotproperlyrespond", "timedoutwhileconnecting"));
        KEYWORDS.put(Subcategory.DNS_LOOKUP_FAILED, List.of("nosuchhost", "couldnotresolvehost", "curl:(6)",
                "nxdomain", "servfail", "nameorservicenotknown", "temporaryfailureinnameresolution", "can'tfind",
                "unabletoresolvekubernetesapiservername", "dnslookupfail"));
    }

    Subcategory classify(NormalizedPaste paste, boolean aboutApiServer) {
        String squeezed = paste.squeezed().text();
        for (Map.Entry<Subcategory, List<String>> e : KEYWORDS.entrySet()) {
            for (String keyword : e.getValue()) {
                if (foundInRelevantLine(paste, squeezed, keyword, aboutApiServer)) {
                    return e.getKey();
                }
            }
        }
        return Subcategory.UNKNOWN;
    }

    private static boolean foundInRelevantLine(NormalizedPaste paste, String squeezed, String keyword,
            boolean aboutApiServer) {
        int from = 0;
        for (int n = 0; n < MAX_OCCURRENCES; n++) {
            int at = squeezed.indexOf(keyword, from);
            if (at < 0) {
                return false;
            }
            if (!aboutApiServer) {
                return true;
            }
            String line = NonApiHosts.lineBefore(paste.lower(), paste.squeezed().origin(at), 200);
            if (!NonApiHosts.mentionedIn(line)) {
                return true;
            }
            from = at + keyword.length();
        }
        return false;
    }
}
