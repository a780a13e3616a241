package dev.deckhand.core.cluster;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.User;
import io.fabric8.openshift.client.OpenShiftClient;

/**
 * Checks a token before it is written anywhere. {@code /version} would not do: most clusters answer
 * it anonymously. The check asks who we are on OpenShift ({@code users/~}) and, on plain
 * Kubernetes, makes a {@code SelfSubjectAccessReview}, which any authenticated user may create.
 */
public final class LoginVerifier {
  /**
   * @param username who the server says the token belongs to, {@code null} when it cannot say
   *     (plain Kubernetes) or the check failed
   * @param error why the check failed, {@code null} when it passed
   */
  public record Outcome(String username, ClusterError error) {
    public boolean ok() {
      return error == null;
    }
  }

  private LoginVerifier() {}

  public static Outcome verify(LoginRequest request, String namespaceOrNull) {
    String namespace = namespaceOrNull == null ? ClusterContext.DEFAULT_NAMESPACE : namespaceOrNull;
    // A throwaway client for this one check: the token must sit in this in-memory Config because
    // it is in no kubeconfig yet; the client is closed before anything else happens.
    Config config = Config.empty();
    config.setMasterUrl(request.server());
    config.setOauthToken(request.token());
    config.setTrustCerts(request.insecure());
    config.setDisableHostnameVerification(request.insecure());
    config.setNamespace(namespace);
    config.setRequestRetryBackoffLimit(0);
    config.setConnectionTimeout(5_000);
    config.setRequestTimeout(15_000);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      try {
        // null (fabric8's answer to a 404) or a 404 exception: not OpenShift, ask RBAC instead.
        User user = client.adapt(OpenShiftClient.class).currentUser();
        if (user != null && user.getMetadata() != null) {
          return new Outcome(user.getMetadata().getName(), null);
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e;
        }
      }
      client.authorization().v1().selfSubjectAccessReview().create(listPodsIn(namespace));
      return new Outcome(null, null);
    } catch (RuntimeException e) {
      return new Outcome(null, ErrorClassifier.classify(e, request.server()));
    }
  }

  private static SelfSubjectAccessReview listPodsIn(String namespace) {
    return new SelfSubjectAccessReviewBuilder()
        .withNewSpec()
        .withNewResourceAttributes()
        .withNamespace(namespace)
        .withVerb("list")
        .withResource("pods")
        .endResourceAttributes()
        .endSpec()
        .build();
  }
}
