package dev.expiry.examples.boot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's access tokens: JWTs signed with HMAC-SHA256. A real shop gets them from its
 * authorization server and verifies them with its public keys; one shared secret keeps the
 * example self-contained.
 */
@ConfigurationProperties("shop.tokens")
public class ShopTokens {

  /** The HMAC-SHA256 key that signs and verifies access tokens; at least 32 bytes. */
  private String secret = "";

  /** How long an access token from /account/token is valid. */
  private Duration lifetime = Duration.ofSeconds(60);

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public Duration getLifetime() {
    return lifetime;
  }

  public void setLifetime(Duration lifetime) {
    this.lifetime = lifetime;
  }

  /** The key, for signing and for the resource server's decoder. */
  public SecretKey key() {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 32) {
      throw new IllegalStateException("shop.tokens.secret must be at least 32 bytes for HMAC-SHA256");
    }
    return new SecretKeySpec(bytes, "HmacSHA256");
  }
}
