package dev.deckhand.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoginCommandParserTest {
  @Test
  void consoleCopyLoginCommand() {
    LoginRequest r =
        LoginCommandParser.parse("oc login --token=sha256~abc --server=https://api.x:6443");
    assertThat(r).isEqualTo(new LoginRequest("https://api.x:6443", "sha256~abc", false));
  }

  @Test
  void positionalServerAndSeparateTokenValue() {
    LoginRequest r = LoginCommandParser.parse("oc login https://api.x:6443 --token abc");
    assertThat(r).isEqualTo(new LoginRequest("https://api.x:6443", "abc", false));
  }

  @Test
  void whitespaceNewlinesPromptQuotesAndInsecure() {
    LoginRequest r =
        LoginCommandParser.parse(
            "  $ oc login \\\n   --token='sha256~abc'\n\t--server \"https://api.x:6443/\""
                + "  --insecure-skip-tls-verify \n");
    assertThat(r).isEqualTo(new LoginRequest("https://api.x:6443", "sha256~abc", true));
  }

  @Test
  void insecureFalseAndHostPortWithoutScheme() {
    LoginRequest r =
        LoginCommandParser.parse("oc login api.x:6443 -t abc --insecure-skip-tls-verify=false");
    assertThat(r).isEqualTo(new LoginRequest("https://api.x:6443", "abc", false));
  }

  @Test
  void missingPartsAreNamedWithoutEchoingTheToken() {
    assertThatThrownBy(() -> LoginCommandParser.parse("oc login --token=s3cret"))
        .hasMessage("no server in the login command (--server URL)")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> LoginCommandParser.parse("oc login https://api.x:6443"))
        .hasMessage("no token in the login command (--token TOKEN)");
  }

  @Test
  void theRequestNeverPrintsItsToken() {
    assertThat(new LoginRequest("https://a:1", "s3cret", false).toString())
        .doesNotContain("s3cret");
  }
}
