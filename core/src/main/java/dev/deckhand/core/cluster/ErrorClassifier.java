package dev.deckhand.core.cluster;

import dev.deckhand.core.cluster.ClusterError.Kind;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one place that turns a fabric8 failure into a {@link ClusterError}, so every front end says
 * the same thing (engineering notes C.7: a 401 and a {@code system:anonymous} 403 mean "log in"; a
 * 403 names verb, resource and namespace).
 */
public final class ErrorClassifier {
  private static final Pattern URL = Pattern.compile("https?://[^/\\s\"',]+");
  // RBAC's wording since Kubernetes 1.11: … is forbidden: User "u" cannot create resource
  // "deployments" in API group "apps" in the namespace "ns"
  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "User \"([^\"]*)\" cannot (\\S+) resource \"([^\"]+)\""
              + "(?: in API group \"([^\"]*)\")?"
              + "(?: in the namespace \"([^\"]+)\")?");
  private static final Pattern NAMESPACE_NOT_FOUND =
      Pattern.compile("namespaces \"([^\"]+)\" not found");
  private static final Pattern QUOTA_NAMESPACE = Pattern.compile("in the namespace \"([^\"]+)\"");

  private static final String TIMED_OUT = "timed out";

  private ErrorClassifier() {}

  public static ClusterError classify(Throwable failure) {
    return classify(failure, null);
  }

  /**
   * @param server the API URL the call went to, or {@code null} to take it from the failure's
   *     message when fabric8 put it there
   */
  public static ClusterError classify(Throwable failure, String server) {
    String where = server != null ? server : serverIn(failure);
    KubernetesClientException api = apiStatus(failure);
    if (api != null) {
      return fromStatus(api, where);
    }
    ClusterError network = fromNetwork(failure, where);
    if (network != null) {
      return network;
    }
    return new ClusterError(Kind.OTHER, oneLine(deepestMessage(failure)), null);
  }

  /**
   * A failure of {@link ClusterProbe}: anything but an HTTP answer means the server cannot be used,
   * so this always says "cannot reach", naming the server and, for a timeout, how long it waited.
   */
  static ClusterError classifyUnreachable(
      Throwable failure, String server, ClusterTimeouts timeouts) {
    ClusterError e = classify(failure, server);
    if (e.kind() == Kind.UNREACHABLE && TIMED_OUT.equals(unreachableReasonIn(failure))) {
      return noAnswer(server, timeouts);
    }
    if (e.kind() == Kind.OTHER) {
      return unreachable(server, e.message());
    }
    return e;
  }

  static ClusterError noAnswer(String server, ClusterTimeouts timeouts) {
    return new ClusterError(
        Kind.UNREACHABLE,
        "cannot reach " + server + " (no answer within " + timeouts.describeRequest() + ")",
        "check that the cluster is running and not overloaded; for a slow cluster set "
            + ClusterTimeouts.ENV
            + " to more seconds");
  }

  static final String UNREACHABLE_HINT =
      "check the server URL, your network or VPN, and that the cluster is running";

  private static ClusterError unreachable(String server, String reason) {
    return new ClusterError(
        Kind.UNREACHABLE, "cannot reach " + server + " (" + reason + ")", UNREACHABLE_HINT);
  }

  private static ClusterError fromStatus(KubernetesClientException e, String server) {
    int code = e.getCode();
    String message = statusMessage(e);
    if (code == 401 || (code == 403 && message.contains("system:anonymous"))) {
      return new ClusterError(
          Kind.UNAUTHORIZED,
          "login required for " + server + ": your token expired or is missing",
          "log in again: oc login "
              + server
              + " (or: deckhand login --server "
              + server
              + " --token …)");
    }
    if ((code == 403 || code == 422) && message.contains("exceeded quota")) {
      Matcher ns = QUOTA_NAMESPACE.matcher(message);
      String in = ns.find() ? " -n " + ns.group(1) : "";
      return new ClusterError(
          Kind.QUOTA,
          "resource quota exceeded: " + oneLine(message),
          "free resources or ask for a larger quota; see: oc describe quota" + in);
    }
    if (code == 403) {
      return forbidden(message);
    }
    if (code == 414 || code == 431) {
      // fabric8's message repeats the whole request URL, the very thing that was too long
      return new ClusterError(
          Kind.OTHER,
          "the request was too large for the API server "
              + server
              + " ("
              + code
              + (code == 414 ? " URI Too Long" : " Request Header Fields Too Large")
              + ")",
          "this is a Deckhand bug (nothing of unbounded size belongs in a request line): please"
              + " report it with the command you ran");
    }
    Matcher missing = NAMESPACE_NOT_FOUND.matcher(message);
    if (code == 404 && (missing.find() || isNamespaceLookup(e))) {
      String ns = missing.find(0) ? missing.group(1) : e.getName();
      return new ClusterError(
          Kind.NAMESPACE_MISSING,
          "namespace \"" + ns + "\" does not exist on " + server,
          "create it (oc new-project " + ns + ") or choose another one (--project)");
    }
    return new ClusterError(Kind.OTHER, oneLine(message), null);
  }

  private static ClusterError forbidden(String message) {
    Matcher m = FORBIDDEN.matcher(message);
    if (!m.find()) {
      return new ClusterError(
          Kind.FORBIDDEN, "forbidden: " + oneLine(message), "ask a cluster admin for access");
    }
    String user = m.group(1);
    String verb = m.group(2);
    String resource = m.group(3);
    String group = m.group(4);
    String namespace = m.group(5);
    String qualified = group == null || group.isEmpty() ? resource : resource + "." + group;
    String scope = namespace == null ? " cluster-wide" : " in namespace \"" + namespace + "\"";
    return new ClusterError(
        Kind.FORBIDDEN,
        "forbidden: user \"" + user + "\" may not " + verb + " " + qualified + scope,
        "check with: oc auth can-i "
            + verb
            + " "
            + resource
            + (namespace == null ? "" : " -n " + namespace)
            + ", and ask for a role that allows it");
  }

  private static ClusterError fromNetwork(Throwable failure, String server) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      String lower = m.toLowerCase(Locale.ROOT);
      if (t instanceof SSLException
          || t instanceof CertificateException
          || lower.contains("pkix")
          || lower.contains("certificate")) {
        return new ClusterError(
            Kind.TLS,
            "cannot trust the TLS certificate of " + server + " (" + tlsReason(failure) + ")",
            "add the cluster's CA (certificate-authority-data) to the kubeconfig; only for a"
                + " throwaway cluster, log in with --insecure-skip-tls-verify");
      }
    }
    String reason = unreachableReasonIn(failure);
    return reason == null ? null : unreachable(server, reason);
  }

  private static String unreachableReasonIn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String reason = unreachableReason(t);
      if (reason != null) {
        return reason;
      }
    }
    return null;
  }

  private static String unreachableReason(Throwable t) {
    String lower = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    if (t instanceof UnknownHostException || lower.contains("failed to resolve")) {
      return "unknown host";
    }
    if (t instanceof SocketTimeoutException
        || t instanceof HttpConnectTimeoutException
        || t instanceof TimeoutException
        || lower.contains("timed out")
        || lower.contains("timeout period")) {
      return TIMED_OUT;
    }
    if (t instanceof NoRouteToHostException || lower.contains("no route to host")) {
      return "no route to host";
    }
    if (t instanceof ConnectException || lower.contains("connection refused")) {
      return "connection refused";
    }
    return null;
  }

  private static String tlsReason(Throwable failure) {
    String all = allMessages(failure).toLowerCase(Locale.ROOT);
    if (all.contains("subject alternative") || all.contains("hostname")) {
      return "the certificate does not match the host name";
    }
    if (all.contains("pkix") || all.contains("unable to find valid certification path")) {
      return "signed by an unknown authority";
    }
    if (all.contains("expired") || all.contains("notafter")) {
      return "the certificate has expired";
    }
    return oneLine(deepestMessage(failure));
  }

  private static KubernetesClientException apiStatus(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getCode() > 0) {
        return k;
      }
      // an exec, attach or watch the server refused: fabric8 keeps the status in the response
      if (t instanceof WebSocketHandshakeException h
          && h.getResponse() != null
          && h.getResponse().code() > 0) {
        int code = h.getResponse().code();
        return new KubernetesClientException("HTTP " + code, code, null);
      }
    }
    return null;
  }

  /** The HTTP status the API server answered with, or 0 when it did not answer. */
  public static int httpStatus(Throwable failure) {
    KubernetesClientException api = apiStatus(failure);
    return api == null ? 0 : api.getCode();
  }

  private static String statusMessage(KubernetesClientException e) {
    Status status = e.getStatus();
    if (status != null && status.getMessage() != null && !status.getMessage().isBlank()) {
      return status.getMessage();
    }
    return e.getMessage() == null ? "HTTP " + e.getCode() : e.getMessage();
  }

  private static boolean isNamespaceLookup(KubernetesClientException e) {
    Status status = e.getStatus();
    return status != null
        && status.getDetails() != null
        && "namespaces".equals(status.getDetails().getKind());
  }

  private static String serverIn(Throwable failure) {
    Matcher m = URL.matcher(allMessages(failure));
    return m.find() ? m.group().replaceAll("[.:]+$", "") : "the cluster";
  }

  private static String allMessages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  private static String deepestMessage(Throwable failure) {
    String message = failure.toString();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message;
  }

  private static String oneLine(String s) {
    return s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
