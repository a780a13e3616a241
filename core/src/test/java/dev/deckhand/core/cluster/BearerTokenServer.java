package dev.deckhand.core.cluster;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An API server that answers 401 unless the request carries {@code Authorization: Bearer good}. */
final class BearerTokenServer implements AutoCloseable {
  static final String GOOD = "good";

  private final KubernetesMockServer server;
  final AtomicInteger unauthorized = new AtomicInteger();

  BearerTokenServer() {
    Dispatcher dispatcher =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (!("Bearer " + GOOD).equals(request.getHeader("Authorization"))) {
              unauthorized.incrementAndGet();
              // Connection: close, so a retry never races the mock server closing a kept-alive
              // connection after an error ("Connection was closed", seen once in ~10 runs).
              return new MockResponse()
                  .setResponseCode(401)
                  .setHeader("Connection", "close")
                  .setBody(
                      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                          + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}");
            }
            return new MockResponse()
                .setResponseCode(200)
                .setBody("{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\",\"items\":[]}");
          }
        };
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.start();
  }

  String url() {
    return server.url("/").replaceAll("/$", "");
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
