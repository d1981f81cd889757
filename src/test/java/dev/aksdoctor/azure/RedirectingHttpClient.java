package dev.aksdoctor.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.azure.core.util.UrlBuilder;
import reactor.core.publisher.Mono;

/**
 * The bottom of the SDK pipeline in tests: sends every request, whatever its https host, to the fake ARM
 * over plain http. Everything above it (retry, bearer token, MSAL) runs as in production.
 */
public final class RedirectingHttpClient implements HttpClient {

    /** azure-core's context key for "buffer the whole body" (HttpUtils.AZURE_EAGERLY_READ_RESPONSE). */
    private static final String EAGERLY_READ = "azure-eagerly-read-response";

    private final HttpClient delegate;
    private final int port;

    public RedirectingHttpClient(HttpClient delegate, int port) {
        this.delegate = delegate;
        this.port = port;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return delegate.send(redirect(request));
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        return delegate.send(redirect(request), eagerly(context));
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        return delegate.sendSync(redirect(request), eagerly(context));
    }

    /**
     * Every answer read whole before it is handed up. The fake answers on loopback before the Vert.x client has
     * written the end of the request; a response closed unread (the retry policy drops a 5xx) makes the client
     * take the socket back from under that pending write, and Netty warns. ARM, a network away, never does.
     */
    private static Context eagerly(Context context) {
        return (context == null ? Context.NONE : context).addData(EAGERLY_READ, true);
    }

    private HttpRequest redirect(HttpRequest request) {
        // A copy: the retry policy re-sends the original, which must still be https for the bearer policy.
        HttpRequest copy = request.copy();
        UrlBuilder url = UrlBuilder.parse(request.getUrl());
        url.setScheme("http").setHost("127.0.0.1").setPort(port);
        // ARM ids appended to an endpoint ending in '/' give '//subscriptions/…'; ARM accepts that, but a
        // plain HTTP server would read the first segment as an authority.
        if (url.getPath() != null) {
            url.setPath(url.getPath().replaceFirst("^/{2,}", "/"));
        }
        copy.setUrl(url.toString());
        return copy;
    }
}
