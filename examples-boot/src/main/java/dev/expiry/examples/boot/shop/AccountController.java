package dev.expiry.examples.boot.shop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.expiry.examples.boot.ShopTokens;
import java.security.Principal;
import java.time.Instant;
import java.util.Date;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Gives the logged-in user a short-lived access token for {@code /api/stock}. */
@ShopSessionPolicy
@RestController
public class AccountController {

  private final ShopTokens tokens;

  public AccountController(ShopTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping(value = "/account/token", produces = MediaType.APPLICATION_JSON_VALUE)
  public String token(Principal user) throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject(user.getName())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(tokens.getLifetime())))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(tokens.key()));
    return "{\"access_token\":\"" + jwt.serialize() + "\",\"token_type\":\"Bearer\",\"expires_in\":"
        + tokens.getLifetime().toSeconds() + "}";
  }
}
