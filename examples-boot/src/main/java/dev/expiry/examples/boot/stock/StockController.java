package dev.expiry.examples.boot.stock;

import dev.expiry.NoExpiryPolicy;
import dev.expiry.Expired;
import dev.expiry.ExpiryPolicy;
import dev.expiry.Param;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JWT resource server's endpoint. An expired access token gets RFC 6750's answer with this
 * endpoint's realm and a problem body; any other bad token gets Spring Security's own answer.
 */
@ExpiryPolicy(on = Expired.ACCESS_TOKEN, status = 401, scheme = "Bearer", realm = "shop",
    params = {
      @Param(name = "error", value = "invalid_token"),
      @Param(name = "error_description", value = "The access token expired")
    })
@RestController
public class StockController {

  @NoExpiryPolicy(reason = "Authenticated by bearer tokens, not by a session.")
  @GetMapping(value = "/api/stock", produces = MediaType.APPLICATION_JSON_VALUE)
  public String stock(@AuthenticationPrincipal Jwt token) {
    return "{\"teapots\":12,\"for\":\"" + token.getSubject().replace("\"", "") + "\"}";
  }
}
