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
        return delegate.send(redirect(request), context);
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        return delegate.sendSync(redirect(request), context);
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
