package dev.aksdoctor.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** {@code POST /api/diagnoses}: the parser without Slack, for scripts and for trying a paste out. */
@Path("/api/diagnoses")
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosisResource {

    /** Same cap as a Slack paste can reach; larger bodies are refused before parsing. */
    static final int MAX_TEXT_BYTES = 1024 * 1024;

    public record DiagnoseRequest(String text) {
    }

    private final PasteParser parser;

    public DiagnosisResource(PasteParser parser) {
        this.parser = parser;
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Operation(summary = "Diagnose a pasted AKS error given as plain text")
    @RequestBody(description = "The pasted error text, UTF-8")
    public Diagnosis diagnosePlain(byte[] body) {
        return diagnose(decode(body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Diagnose a pasted AKS error given as {\"text\": …}")
    @RequestBody(content = @Content(schema = @Schema(implementation = DiagnoseRequest.class)))
    public Diagnosis diagnoseJson(JsonNode request) {
        // Read as a tree: bound to the record, Jackson would turn {"text": 5} into "5" and [] into an empty body.
        JsonNode text = request == null ? null : request.get("text");
        if (text == null || !request.isObject() || !text.isTextual()) {
            throw new BadPaste("Send JSON {\"text\": \"<pasted error>\"} (an object whose text is a string) or the "
                    + "paste itself as text/plain.");
        }
        return diagnose(text.asText());
    }

    private Diagnosis diagnose(String text) {
        if (text.isBlank()) {
            throw new BadPaste("The paste is empty: send the error text, e.g. the CSE output or the portal's error JSON.");
        }
        if (text.length() > MAX_TEXT_BYTES) {
            throw new BadPaste("The paste is larger than 1 MB: send the part with the error.");
        }
        return parser.parse(text);
    }

    /** Strict UTF-8 first; a paste with stray invalid bytes is still diagnosed, with those bytes replaced. */
    static String decode(byte[] body) {
        if (body == null) {
            return "";
        }
        if (body.length > MAX_TEXT_BYTES) {
            throw new BadPaste("The paste is larger than 1 MB: send the part with the error.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
