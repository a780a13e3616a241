package dev.deckhand.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Clients for a kubeconfig context that never pin a token: the token stays in the kubeconfig file,
 * so a later {@code oc login} in a terminal heals a running client (intellij-openshift-connector
 * #595; engineering notes C.7).
 *
 * <p>Two ways, both verified by {@code ClusterClientsTest}:
 *
 * <ul>
 *   <li>Context, cluster and user in one file (the usual {@code ~/.kube/config}): {@link
 *       Config#fromKubeconfig(String, java.io.File)}. fabric8 remembers the file, and its {@code
 *       TokenRefreshInterceptor} re-reads it on a 401 and retries once ({@code Config.refresh()}).
 *       It would not if {@code Config.oauthToken} were set, which is why we never set it.
 *   <li>Entries spread over several {@code $KUBECONFIG} files: fabric8 would re-read only the
 *       context's file, so the config is built from the merged entries and the token comes from a
 *       {@link KubeconfigTokenProvider} on the user's own file.
 * </ul>
 *
 * TLS verification is whatever the kubeconfig says; nothing here sets {@code trustCerts}.
 */
public final class ClusterClients {
  private ClusterClients() {}

  /** A client with the process's {@link ClusterTimeouts}. */
  public static KubernetesClient create(ClusterContext context) {
    return create(context, ClusterTimeouts.current());
  }

  /**
   * A client whose every request is bounded: connect and request timeouts from {@code timeouts},
   * and two short retries instead of fabric8's ten with backoff (about 20 s for a refused
   * connection, ten times the timeout for a server that does not answer).
   */
  public static KubernetesClient create(ClusterContext context, ClusterTimeouts timeouts) {
    Config config = config(context);
    applyTimeouts(config, timeouts);
    config.setRequestRetryBackoffLimit(ClusterTimeouts.RETRIES);
    config.setRequestRetryBackoffInterval(ClusterTimeouts.RETRY_INTERVAL_MS);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * A client for one quick question (a login check, a status probe): no retries on connection
   * failures, so an unreachable server is reported in seconds rather than after fabric8's backoff.
   */
  public static KubernetesClient createForProbe(ClusterContext context) {
    return createForProbe(context, ClusterTimeouts.current());
  }

  public static KubernetesClient createForProbe(ClusterContext context, ClusterTimeouts timeouts) {
    Config config = config(context);
    applyTimeouts(config, timeouts);
    config.setRequestRetryBackoffLimit(0);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static void applyTimeouts(Config config, ClusterTimeouts timeouts) {
    config.setConnectionTimeout((int) timeouts.connect().toMillis());
    config.setRequestTimeout((int) timeouts.request().toMillis());
  }

  /** The fabric8 config for a context; throws {@link IllegalArgumentException} if unusable. */
  public static Config config(ClusterContext context) {
    if (!context.usable()) {
      throw new IllegalArgumentException(
          "context \"" + context.name() + "\" cannot be used: " + context.problem());
    }
    CredentialPlugins.requireInstalled(context, System.getenv());
    boolean oneFile =
        Objects.equals(context.sourceFile(), context.clusterFile())
            && (context.userFile() == null
                || Objects.equals(context.sourceFile(), context.userFile()));
    if (oneFile) {
      return Config.fromKubeconfig(context.name(), context.sourceFile().toFile());
    }
    return fromSpreadEntries(context);
  }

  private static Config fromSpreadEntries(ClusterContext context) {
    MergedKubeconfig merged =
        MergedKubeconfig.read(
            java.util.stream.Stream.of(
                    context.sourceFile(), context.clusterFile(), context.userFile())
                .filter(Objects::nonNull)
                .distinct()
                .toList());
    ObjectNode root = KubeconfigYaml.MAPPER.createObjectNode();
    root.put("apiVersion", "v1").put("kind", "Config");
    root.put("current-context", context.name());
    root.putArray("contexts").add(merged.contexts.get(context.name()).item().deepCopy());
    MergedKubeconfig.Entry cluster = merged.clusters.get(context.clusterName());
    root.putArray("clusters").add(absolutized(cluster, "cluster", "certificate-authority"));
    MergedKubeconfig.Entry user =
        context.userName() == null ? null : merged.users.get(context.userName());
    if (user != null) {
      root.putArray("users").add(absolutized(user, "user", "client-certificate", "client-key"));
    }
    Config config;
    try {
      config = Config.fromKubeconfig(context.name(), KubeconfigYaml.write(root), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (user != null && KubeconfigTokenProvider.appliesTo(user.item())) {
      config.setOauthTokenProvider(new KubeconfigTokenProvider(user.file(), user.name()));
    }
    return config;
  }

  /**
   * Relative file paths in an entry are relative to the entry's own file, as kubectl reads them.
   */
  private static ObjectNode absolutized(
      MergedKubeconfig.Entry entry, String key, String... fields) {
    ObjectNode copy = entry.item().deepCopy();
    JsonNode body = copy.get(key);
    if (body instanceof ObjectNode object) {
      Path dir = entry.file().toAbsolutePath().getParent();
      for (String field : fields) {
        String value = KubeconfigYaml.text(object, field);
        if (value != null && !Path.of(value).isAbsolute()) {
          object.put(field, dir.resolve(value).toString());
        }
      }
    }
    return copy;
  }
}
