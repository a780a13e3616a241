package dev.deckhand.app.cli;

import dev.deckhand.core.cluster.ClusterError;
import dev.deckhand.core.cluster.KubeconfigFiles;
import dev.deckhand.core.cluster.KubeconfigLogin;
import dev.deckhand.core.cluster.LoginCommandParser;
import dev.deckhand.core.cluster.LoginRequest;
import dev.deckhand.core.cluster.LoginResult;
import dev.deckhand.core.cluster.LoginVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deckhand login}: checks a token against the server, then writes it into the kubeconfig
 * with the entry names {@code oc login} uses. A token that fails the check is not written (unless
 * {@code --no-verify}), so a typo never replaces a working login. The token is never printed.
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log in to a cluster with a token, as oc login --token does.",
      "Either --server URL --token TOKEN, or paste the console's 'Copy login command':",
      "  deckhand login oc login --token=sha256~… --server=https://api.example:6443"
    })
final class LoginCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "OC_LOGIN",
      description = "A pasted 'oc login …' command (one or more words).")
  List<String> pasted = new ArrayList<>();

  @Option(names = "--server", paramLabel = "URL", description = "API server URL.")
  String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "Bearer token (from the console's 'Copy login command').")
  String token;

  @Option(
      names = {"--namespace", "-n"},
      paramLabel = "NS",
      description = "Namespace / project for the new context (default: default).")
  String namespace;

  @Option(
      names = "--insecure-skip-tls-verify",
      description = "Do not verify the server's certificate (throwaway clusters only).")
  boolean insecure;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "Kubeconfig to write (default: the first $KUBECONFIG file, else ~/.kube/config).")
  Path kubeconfig;

  @Option(
      names = "--no-verify",
      description = "Write the login without checking the token against the server.")
  boolean noVerify;

  @Override
  public Integer call() throws IOException {
    LoginRequest request = request();
    Path file = kubeconfig != null ? kubeconfig : defaultKubeconfig();

    String username = null;
    if (!noVerify) {
      LoginVerifier.Outcome outcome = LoginVerifier.verify(request, namespace);
      if (!outcome.ok()) {
        throw new CliException(failure(outcome.error(), file));
      }
      username = outcome.username();
    }
    LoginResult result =
        KubeconfigLogin.login(
            request.server(), request.token(), namespace, username, file, request.insecure());
    spec.commandLine()
        .getOut()
        .printf(
            "Logged in to %s as context %s%s%n",
            request.server(), result.context(), noVerify ? " (not verified)" : "");
    return 0;
  }

  /** Options and pasted words are read together, so any mix of the two works. */
  private LoginRequest request() {
    if (pasted.isEmpty() && server == null && token == null) {
      throw new CliException(
          "give --server URL --token TOKEN, or paste the 'oc login …' command after 'deckhand"
              + " login'");
    }
    StringBuilder words = new StringBuilder(String.join(" ", pasted));
    if (server != null) {
      words.append(" --server ").append(server);
    }
    if (token != null) {
      words.append(" --token ").append(token);
    }
    if (insecure) {
      words.append(" --insecure-skip-tls-verify");
    }
    try {
      return LoginCommandParser.parse(words.toString());
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage()); // the parser's messages never contain the token
    }
  }

  private static String failure(ClusterError error, Path file) {
    String hint = error.hint() == null ? "" : "; " + error.hint();
    return error.message() + hint + " (nothing written to " + file + ")";
  }

  private static Path defaultKubeconfig() {
    return KubeconfigFiles.loginTarget(System.getenv(), Path.of(System.getProperty("user.home")));
  }
}
