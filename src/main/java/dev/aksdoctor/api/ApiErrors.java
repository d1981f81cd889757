package dev.aksdoctor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every API error is a small JSON body with a helpful message; never a stack trace. */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    public record ApiError(String error, String message) {
    }

    @ServerExceptionMapper
    public Response badPaste(BadPaste e) {
        return json(400, "bad_request", e.getMessage());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return json(400, "bad_request", "The body is not valid JSON: send {\"text\": \"<pasted error>\"} or the paste "
                + "as text/plain.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 400 -> "The body could not be read: send JSON {\"text\": \"…\"} or the paste as text/plain.";
            case 404 -> "No such endpoint. POST a paste to /api/diagnoses.";
            case 405 -> "Use POST with the pasted error as the body.";
            case 413 -> "The paste is larger than allowed: send the part with the error.";
            case 415 -> "Send text/plain or application/json.";
            default -> "The request could not be handled (" + status + ").";
        };
        return json(status, status >= 500 ? "server_error" : "bad_request", message);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf(e, "Unexpected error in the API");
        return json(500, "server_error", "Something went wrong; the error is logged.");
    }

    private static Response json(int status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(error, message)).build();
    }
}
