package io.bifrost.adapters.vertx.proxy.http.codec;

/**
 * The two HTTP versions the proxy speaks ([PRX-003]). A received {@code HTTP/1.x} with {@code x > 1} is decoded as
 * {@link #HTTP_1_1}, as RFC 9110 §2.5 allows for a higher minor version.
 */
public enum Http1Version {
    HTTP_1_0("HTTP/1.0"),
    HTTP_1_1("HTTP/1.1");

    private final String text;

    Http1Version(String text) {
        this.text = text;
    }

    /** The wire form, e.g. {@code HTTP/1.1}. */
    public String text() {
        return text;
    }
}
