package dev.aksdoctor.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * ARM calls the Java SDK has no operation for (AKS detectors), sent through the SDK's own pipeline (same
 * credential, retries, logging) so that {@link ArmErrors} maps their failures like any other: a non-2xx answer
 * leaves as the {@link ManagementException} the SDK would have thrown.
 */
final class RawArm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawArm() {
    }

    static JsonNode get(HttpPipeline pipeline, String endpoint, String path, String apiVersion, String query) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        String url = base + path + "?api-version=" + apiVersion + (query == null ? "" : "&" + query);
        try (HttpResponse response = pipeline.send(new HttpRequest(HttpMethod.GET, url)).block()) {
            if (response == null) {
                throw new IllegalStateException("no response from ARM for " + path);
            }
            String body = response.getBodyAsString().block();
            JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            int status = response.getStatusCode();
            if (status / 100 != 2) {
                JsonNode error = json.path("error");
                String code = error.path("code").asText(null);
                String message = error.path("message").asText("ARM answered " + status);
                throw new ManagementException(message, response, new ManagementError(code, message));
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
