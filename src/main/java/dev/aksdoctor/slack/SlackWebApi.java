package dev.aksdoctor.slack;

import com.google.gson.Gson;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends a Web API request (the SDK's request forms and HTTP client) and reads the answer with one shared Gson.
 * The SDK's typed methods build a new Gson for every response, and with it the reflective adapters of the
 * whole response model: about 350 µs of CPU per call against 3 µs with a shared one.
 */
final class SlackWebApi {

    private final SlackConfig config;
    private final Gson gson;

    SlackWebApi(SlackConfig config) {
        this.config = config;
        this.gson = GsonFactory.createSnakeCase(config);
    }

    /** Same outcomes as the SDK's typed methods: the parsed answer, or SlackApiException for a non-2xx status. */
    <T extends SlackApiTextResponse> T post(MethodsClient client, String token, String method, FormBody.Builder form,
            Class<T> answerType) throws IOException, SlackApiException {
        try (Response response = client.runPostFormWithToken(form, method, token)) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new SlackApiException(config, response, text);
            }
            T answer = gson.fromJson(text, answerType);
            if (answer == null) {
                throw new IOException("Slack answered " + method + " with an empty body");
            }
            return answer;
        }
    }
}
