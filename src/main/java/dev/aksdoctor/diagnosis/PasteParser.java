package dev.aksdoctor.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Turns a pasted AKS error into a {@link Diagnosis}. Pure: no I/O, never throws on any input. */
@ApplicationScoped
public class PasteParser {

    private static final Logger LOG = Logger.getLogger(PasteParser.class);
    private static final int MAX_DOCS = 8;

    private final PasteNormalizer normalizer = new PasteNormalizer();
    private final ErrorRecognizer recognizer;
    private final ValueExtractor values = new ValueExtractor();
    private final SubcategoryClassifier subcategories = new SubcategoryClassifier();
    private final SummaryWriter summaries = new SummaryWriter();

    public PasteParser() {
        this(KnowledgeCatalog.defaultCatalog());
    }

    PasteParser(KnowledgeCatalog catalog) {
        this.recognizer = new ErrorRecognizer(catalog);
    }

    public Diagnosis parse(String text) {
        try {
            return diagnose(text);
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug must not cost the on-call engineer the reply; the paste itself is never logged (secrets).
            // Exception messages can quote the input, so only the type and the failing frame are logged.
            LOG.warnf("parser failed on a paste of %d characters: %s at %s", text == null ? 0 : text.length(),
                    e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            return unrecognised(new ExtractedValues(null, null, null, null, null, null, null, null, null, null));
        }
    }

    /** The pipeline without the safety net of {@link #parse}, so tests can prove it does not need it. */
    Diagnosis diagnose(String text) {
        NormalizedPaste paste = NormalizedPaste.of(normalizer.normalize(text));
        ExtractedValues v = values.extract(paste);
        List<ErrorHit> findings = PrimaryChoice.order(
                recognizer.recognize(paste, v.vmss() != null && v.instanceId() != null), paste.text());
        if (findings.isEmpty()) {
            return unrecognised(v);
        }
        Map<String, Subcategory> byIdentity = new HashMap<>();
        Map<Boolean, Subcategory> classified = new HashMap<>();
        for (ErrorHit f : findings) {
            byIdentity.put(f.identity(), subcategory(f, paste, classified));
        }
        ErrorHit primary = findings.get(0);
        Subcategory subcategory = byIdentity.get(primary.identity());
        List<RecognizedError> errors = new ArrayList<>();
        Map<String, DocLink> docs = new LinkedHashMap<>();
        for (ErrorHit f : findings) {
            errors.add(new RecognizedError(f.error().code(), f.error().exitCode(), f.os(), f.error().meaning()));
            for (DocLink d : f.error().docs()) {
                if (docs.size() < MAX_DOCS) {
                    docs.putIfAbsent(d.url(), d);
                }
            }
        }
        List<CheckId> plan = Playbook.plan(findings, f -> byIdentity.get(f.identity()));
        return new Diagnosis(primary.error().code(), primary.error().exitCode(), primary.os(), subcategory,
                v.nodeIp(), v.apiServerIp(), v.apiServerFqdn(), v.region(), v.privateCluster(), v.cluster(),
                v.nodeName(), v.vmss(), v.instanceId(), v.correlationId(), errors,
                summaries.write(findings, subcategory), new ArrayList<>(docs.values()), plan);
    }

    private Subcategory subcategory(ErrorHit f, NormalizedPaste paste, Map<Boolean, Subcategory> classified) {
        String playbook = f.error().playbook();
        if ("dns".equals(playbook)) {
            return Subcategory.DNS_LOOKUP_FAILED;
        }
        if (Playbook.usesSubcategory(f.error())) {
            return classified.computeIfAbsent(Boolean.TRUE, k -> subcategories.classify(paste, true));
        }
        if ("outbound".equals(playbook)) {
            return classified.computeIfAbsent(Boolean.FALSE, k -> subcategories.classify(paste, false));
        }
        return null;
    }

    private Diagnosis unrecognised(ExtractedValues v) {
        return new Diagnosis(null, null, null, null, v.nodeIp(), v.apiServerIp(), v.apiServerFqdn(), v.region(),
                v.privateCluster(), v.cluster(), v.nodeName(), v.vmss(), v.instanceId(), v.correlationId(), List.of(),
                SummaryWriter.NOTHING_RECOGNISED, List.of(), List.of());
    }
}
