package dev.deckhand.sandbox.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/** Kubernetes {@code Status} error bodies, so clients show the message rather than a code. */
final class ApiErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiErrors() {}

  static String status(int code, String reason, String message) {
    try {
      return JSON.writeValueAsString(
          Map.of(
              "kind",
              "Status",
              "apiVersion",
              "v1",
              "metadata",
              Map.of(),
              "status",
              "Failure",
              "message",
              message == null ? reason : message,
              "reason",
              reason,
              "code",
              code));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void send(HttpServerResponse response, int code, String reason, String message) {
    if (response.ended() || response.closed()) {
      return;
    }
    response
        .setStatusCode(code)
        .putHeader("Content-Type", "application/json")
        .end(status(code, reason, message));
  }
}
