package dev.deckhand.core.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request to the API server before a command starts its real work, so a server that is down or
 * does not answer is reported once, quickly and by name, instead of through every call of the
 * command (each with its own timeout and retries).
 */
public final class ClusterProbe {
  private ClusterProbe() {}

  /**
   * Asks the server for {@code /version}. Any HTTP answer (even 401 or 403) means it is reachable;
   * the real calls classify what the answer means.
   *
   * @return why the server cannot be reached, or {@code null} when it answered
   * @throws IllegalArgumentException when the context cannot be used (see {@link
   *     ClusterClients#config})
   */
  public static ClusterError check(ClusterContext context, ClusterTimeouts timeouts)
      throws InterruptedException {
    ClusterError refused = TcpCheck.refused(context, timeouts, System.getenv());
    if (refused != null) {
      return refused;
    }
    KubernetesClient probe = ClusterClients.createForProbe(context, timeouts);
    try (KubernetesClient client = probe) {
      HttpClient http = client.getHttpClient();
      String base = client.getMasterUrl().toString();
      HttpRequest request =
          http.newHttpRequestBuilder()
              .uri(base + (base.endsWith("/") ? "" : "/") + "version")
              .timeout(timeouts.request().toMillis(), TimeUnit.MILLISECONDS)
              .build();
      CompletableFuture<?> answer = http.sendAsync(request, String.class);
      try {
        // The client's own timeout ends the request; this is the backstop if it does not.
        answer.get(timeouts.request().toMillis() + 2_000, TimeUnit.MILLISECONDS);
        return null;
      } catch (TimeoutException e) {
        answer.cancel(true);
        return ErrorClassifier.noAnswer(context.server(), timeouts);
      } catch (ExecutionException e) {
        return ErrorClassifier.classifyUnreachable(e.getCause(), context.server(), timeouts);
      }
    } catch (RuntimeException e) {
      return ErrorClassifier.classifyUnreachable(e, context.server(), timeouts);
    }
  }
}
