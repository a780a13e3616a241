package dev.deckhand.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.cluster.ClusterError.Kind;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Status bodies as real API servers send them. */
class ErrorClassifierTest {
  static final String SERVER = "https://api.crc.testing:6443";

  static KubernetesClientException fromStatus(String json) {
    Status status = Serialization.unmarshal(json, Status.class);
    return new KubernetesClientException(status);
  }

  static String status(int code, String reason, String message) {
    return """
        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
         "message":"%s","reason":"%s","code":%d}
        """
        .formatted(message.replace("\"", "\\\""), reason, code);
  }

  @Test
  void uriTooLongIsOneLineWithoutTheUri() {
    String uri = "/api/v1/namespaces/ns/pods/p/exec?command=" + "rm%20x".repeat(20_000);
    ClusterError e =
        ErrorClassifier.classify(
            new KubernetesClientException("Failure executing: GET at: " + SERVER + uri, 414, null),
            SERVER);
    assertThat(e.message())
        .isEqualTo(
            "the request was too large for the API server " + SERVER + " (414 URI Too Long)");
    assertThat(e.hint()).contains("Deckhand bug").doesNotContain("rm%20x");
  }

  @Test
  void unauthorized401() {
    ClusterError e =
        ErrorClassifier.classify(fromStatus(status(401, "Unauthorized", "Unauthorized")), SERVER);
    assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
    assertThat(e.message())
        .isEqualTo("login required for " + SERVER + ": your token expired or is missing");
    assertThat(e.hint()).contains("oc login " + SERVER).contains("deckhand login");
  }

  @Test
  @DisplayName("403 for system:anonymous means the login lapsed, not RBAC (odo#5666)")
  void anonymousForbiddenIsUnauthorized() {
    String msg =
        "deployments.apps is forbidden: User \"system:anonymous\" cannot list resource"
            + " \"deployments\" in API group \"apps\" in the namespace \"myproject\"";
    ClusterError e = ErrorClassifier.classify(fromStatus(status(403, "Forbidden", msg)), SERVER);
    assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
  }

  @Test
  void forbiddenNamesVerbResourceAndNamespace() {
    String msg =
        "deployments.apps is forbidden: User \"developer\" cannot create resource"
            + " \"deployments\" in API group \"apps\" in the namespace \"ns\"";
    ClusterError e = ErrorClassifier.classify(fromStatus(status(403, "Forbidden", msg)), SERVER);
    assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(e.message())
        .isEqualTo(
            "forbidden: user \"developer\" may not create deployments.apps in namespace \"ns\"");
    assertThat(e.hint()).contains("oc auth can-i create deployments -n ns");
  }

  @Test
  void forbiddenClusterScopedAndCoreGroup() {
    String msg =
        "namespaces is forbidden: User \"developer\" cannot list resource \"namespaces\" in API"
            + " group \"\" at the cluster scope";
    ClusterError e = ErrorClassifier.classify(fromStatus(status(403, "Forbidden", msg)), SERVER);
    assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(e.message())
        .isEqualTo("forbidden: user \"developer\" may not list namespaces cluster-wide");
    assertThat(e.hint()).contains("oc auth can-i list namespaces,");
  }

  @Test
  void namespaceMissing() {
    ClusterError e =
        ErrorClassifier.classify(
            fromStatus(
                """
                {"kind":"Status","apiVersion":"v1","status":"Failure",
                 "message":"namespaces \\"nope\\" not found","reason":"NotFound",
                 "details":{"name":"nope","kind":"namespaces"},"code":404}
                """),
            SERVER);
    assertThat(e.kind()).isEqualTo(Kind.NAMESPACE_MISSING);
    assertThat(e.message()).isEqualTo("namespace \"nope\" does not exist on " + SERVER);
    assertThat(e.hint()).contains("oc new-project nope");
  }

  @Test
  void aMissingObjectIsNotAMissingNamespace() {
    ClusterError e =
        ErrorClassifier.classify(
            fromStatus(status(404, "NotFound", "pods \"web-1\" not found")), SERVER);
    assertThat(e.kind()).isEqualTo(Kind.OTHER);
    assertThat(e.message()).isEqualTo("pods \"web-1\" not found");
  }

  @Test
  void quotaExceeded() {
    String msg =
        "pods \"web-1\" is forbidden: exceeded quota: compute-resources, requested:"
            + " limits.memory=512Mi, used: limits.memory=1Gi, limited: limits.memory=1Gi";
    ClusterError e = ErrorClassifier.classify(fromStatus(status(403, "Forbidden", msg)), SERVER);
    assertThat(e.kind()).isEqualTo(Kind.QUOTA);
    assertThat(e.message()).startsWith("resource quota exceeded: pods \"web-1\" is forbidden");
    assertThat(e.hint()).contains("oc describe quota");
  }

  @Test
  void otherKeepsTheStatusMessageOnOneLine() {
    ClusterError e =
        ErrorClassifier.classify(
            fromStatus(status(409, "AlreadyExists", "deployments.apps \"web\" already exists")),
            SERVER);
    assertThat(e.kind()).isEqualTo(Kind.OTHER);
    assertThat(e.message()).isEqualTo("deployments.apps \"web\" already exists");
  }

  @Test
  void connectionRefusedInsideAClientException() {
    ClusterError e =
        ErrorClassifier.classify(
            new KubernetesClientException(
                "Operation: [list] for kind: [Namespace] failed.",
                new ConnectException("Connection refused")),
            SERVER);
    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.message()).isEqualTo("cannot reach " + SERVER + " (connection refused)");
  }

  @Test
  void unknownHost() {
    ClusterError e =
        ErrorClassifier.classify(
            new KubernetesClientException("failed", new UnknownHostException("api.nowhere")),
            "https://api.nowhere:6443");
    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.message()).isEqualTo("cannot reach https://api.nowhere:6443 (unknown host)");
  }

  @Test
  void untrustedCertificate() {
    SSLHandshakeException handshake =
        new SSLHandshakeException(
            "PKIX path building failed: unable to find valid certification path to requested"
                + " target");
    handshake.initCause(new CertificateException("unable to find valid certification path"));
    ClusterError e =
        ErrorClassifier.classify(new KubernetesClientException("failed", handshake), SERVER);
    assertThat(e.kind()).isEqualTo(Kind.TLS);
    assertThat(e.message())
        .isEqualTo(
            "cannot trust the TLS certificate of " + SERVER + " (signed by an unknown authority)");
    assertThat(e.hint()).contains("insecure-skip-tls-verify");
  }

  @Test
  void wrongHostName() {
    ClusterError e =
        ErrorClassifier.classify(
            new SSLHandshakeException("No subject alternative DNS name matching api.x found."),
            SERVER);
    assertThat(e.kind()).isEqualTo(Kind.TLS);
    assertThat(e.message()).contains("does not match the host name");
  }

  @Test
  void theServerIsTakenFromFabric8sMessageWhenNotGiven() {
    KubernetesClientException e =
        new KubernetesClientException(
            "Failure executing: GET at: https://api.x:6443/api/v1/namespaces. Message:"
                + " Unauthorized.",
            401,
            Serialization.unmarshal(status(401, "Unauthorized", "Unauthorized"), Status.class));
    assertThat(ErrorClassifier.classify(e).message())
        .contains("login required for https://api.x:6443:");
  }
}
